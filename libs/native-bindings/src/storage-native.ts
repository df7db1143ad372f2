// Storage functions of the addon (native/addon/src/addon_storage.cpp): CRC-32C checksums and
// read-only memory-mapped files. libs/storage checksums WAL records and segment files with them
// and maps sealed vector files so scans read them in place.
//
// Rejections and throws are Errors with a string `code`: 'INVALID_ARGUMENT' | 'INTERNAL' |
// 'NOT_SUPPORTED' for bad calls, or an errno name ('ENOENT', 'EACCES', 'EIO', ...) when opening a
// file fails, so callers can map them like fs errors.

import { loadAddon } from './loader';

/** Inputs up to this many bytes may use the synchronous crc32c(); larger ones need crc32cAsync. */
export const CRC32C_SYNC_LIMIT = 64 * 1024;

/**
 * madvise hints for a mapping; `dontneed` releases the range from the process (the page cache
 * keeps it; the next access maps it again).
 */
export type MadviseHint = 'normal' | 'sequential' | 'random' | 'willneed' | 'dontneed';

/** Bytes a checksum can read: any TypedArray/Buffer view, or a whole ArrayBuffer. */
export type ByteSource = ArrayBufferView | ArrayBuffer;

/**
 * A whole file mapped read-only. The mapping lives until close() AND every in-flight native call
 * that uses it has finished (they hold their own lease), so closing early is always safe.
 */
export interface MappedFile {
  /** File size in bytes at open time. Throws INVALID_ARGUMENT after close(). */
  readonly byteLength: number;
  readonly isClosed: boolean;
  close(): void;
  /**
   * Synchronous copy of bytes [offset, offset + target.byteLength) into target; for headers and
   * small reads only (it runs on the event loop). Returns the bytes copied; a range outside the
   * file throws INVALID_ARGUMENT.
   */
  readInto(offset: number, target: ArrayBufferView): number;
  /**
   * Synchronous copy of byte ranges (`ranges`: start, end pairs) back to back into target, in
   * one call; returns the bytes copied. A range outside the file or a target too small throws
   * INVALID_ARGUMENT. For the payloads of a query's result rows (small, on the event loop).
   */
  readRanges(ranges: Float64Array, target: ArrayBufferView): number;
  /** madvise over [offset, offset + length) (default: the whole file). */
  advise(hint: MadviseHint, offset?: number, length?: number): void;
}

/** The addon's storage functions (a hand-written mirror of addon_storage.cpp). */
export interface StorageNative {
  /**
   * CRC-32C of `data` continuing from `seed` (default 0: a fresh checksum; pass a previous
   * result to chain). Synchronous, so only for inputs <= CRC32C_SYNC_LIMIT bytes (larger ones
   * throw INVALID_ARGUMENT).
   */
  crc32c(data: ByteSource, seed?: number): number;
  /** Same as crc32c on the libuv threadpool, for inputs of any size. */
  crc32cAsync(data: ByteSource, seed?: number): Promise<number>;
  /** True when the SSE4.2 instruction computes the checksums on this CPU. */
  crc32cHardware(): boolean;
  /** Maps the whole file at `path` read-only (the open and mmap run on the threadpool). */
  openMappedFile(path: string): Promise<MappedFile>;
  /**
   * CRC-32C of bytes [offset, offset + length) of a mapped file continuing from `seed` (default
   * 0), on the threadpool. Reads through the mapping in 8 MiB steps and releases each from the
   * process once summed: verifying a file does not leave it resident (RSS), while its pages stay
   * in the page cache in the folios the mapping read them into (2 MiB where the kernel can).
   */
  mappedCrc32c(file: MappedFile, offset: number, length: number, seed?: number): Promise<number>;
}

const STORAGE_FUNCTIONS = ['crc32c', 'crc32cAsync', 'crc32cHardware', 'openMappedFile', 'mappedCrc32c'] as const;

/**
 * Types the storage part of a loaded addon module, checking that the functions are there (an
 * addon built before addon_storage.cpp existed would lack them).
 */
export function storageNativeFrom(addon: unknown): StorageNative {
  const m = addon as Record<string, unknown>;
  const missing = STORAGE_FUNCTIONS.filter((name) => typeof m?.[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `the native addon lacks the storage functions ${missing.join(', ')}; rebuild it with \`npm run build:native\``,
    );
  }
  return m as unknown as StorageNative;
}

/**
 * The storage functions of the addon at `addonPath` (default: the built addon), through the one
 * loader. Cheap after the first call; callers keep the object rather than calling per use.
 */
export function loadStorageNative(addonPath?: string): StorageNative {
  return storageNativeFrom(loadAddon(addonPath));
}
