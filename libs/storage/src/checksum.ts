// CRC-32C through the native addon, choosing the synchronous call only for small inputs so the
// event loop never checksums more than CRC32C_SYNC_LIMIT bytes in one go.
import { CRC32C_SYNC_LIMIT, type StorageNative } from '@vecgres/native-bindings';

import type { StorageFs } from './fs/storage-fs';

export async function crc32cOf(native: StorageNative, data: Uint8Array): Promise<number> {
  return data.byteLength <= CRC32C_SYNC_LIMIT ? native.crc32c(data) : native.crc32cAsync(data);
}

export function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** Chunk size of fileCrc32c: large enough to amortise the threadpool hop, small in the heap. */
const FILE_CRC_CHUNK = 1024 * 1024;

/**
 * CRC-32C and size of a whole file, read through `fs` in 1 MiB chunks (one reused buffer).
 * Used to verify files we then memory-map: checksumming through the mapping would fault every
 * page into the process (mapped file pages count in its RSS until the kernel reclaims them), so
 * a 188 MB vector file would be resident right after open; reading through the page cache
 * leaves the process's RSS at the buffer size.
 */
export async function fileCrc32c(fs: StorageFs, native: StorageNative, path: string): Promise<{ bytes: number; crc: number }> {
  const fh = await fs.open(path, 'r');
  try {
    const size = await fh.size();
    const buf = new Uint8Array(Math.min(FILE_CRC_CHUNK, Math.max(size, 1)));
    let crc = 0;
    let pos = 0;
    while (pos < size) {
      const n = await fh.read(buf.subarray(0, Math.min(buf.byteLength, size - pos)), pos);
      if (n === 0) break;
      crc = await native.crc32cAsync(buf.subarray(0, n), crc);
      pos += n;
    }
    return { bytes: pos, crc };
  } finally {
    await fh.close();
  }
}
