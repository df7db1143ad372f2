// Aligned arenas: vector rows whose memory starts on a 64-byte boundary.
//
// Why: the SIMD scans stream rows with 64-byte (AVX-512) loads. A plain `new ArrayBuffer(n)`
// of arena size is, with glibc, an mmap'd chunk whose data starts 16 bytes past a page
// boundary, so every such load would span two cache lines. The kernels cope (they peel each
// row's head to the next boundary), but an aligned arena costs nothing and also lets a scan
// align its copy of the query, so in-memory vector arenas (libs/storage's mutable segment,
// tools/bench) should come from here. Memory-mapped segments get the same property by keeping
// their vector section at a 64-byte-multiple file offset (mmap returns page-aligned memory).
//
// JS cannot see addresses, so the addon's O(1) addressMod() says where the buffer landed and
// the view starts at the first aligned byte of a buffer `align` bytes larger than asked.
import { loadNativeCore } from './loader';
import type { NativeCore } from './native-core';

/** Largest alignment allocAlignedArena accepts (a page). */
export const MAX_ARENA_ALIGN = 4096;

function invalid(message: string): Error {
  return Object.assign(new RangeError(message), { code: '22023' });
}

/**
 * A zero-filled Uint8Array of `bytes` bytes whose first byte lies on an `align`-byte boundary
 * (align: a power of two in [1, 4096]; default 64, one cache line). The view covers part of a
 * fresh ArrayBuffer of bytes + align bytes; make typed views of the same memory with
 * `new Float32Array(arena.buffer, arena.byteOffset, arena.byteLength / 4)` and so on (they
 * start at the same aligned address; byteOffset itself is whatever that takes, < align).
 *
 * `core` is for tests; by default the addon is loaded (cached after the first load).
 */
export function allocAlignedArena(
  bytes: number,
  align = 64,
  core: Pick<NativeCore, 'addressMod'> = loadNativeCore(),
): Uint8Array {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw invalid(`allocAlignedArena: bytes must be a non-negative integer, got ${bytes}`);
  }
  if (!Number.isInteger(align) || align < 1 || align > MAX_ARENA_ALIGN || (align & (align - 1)) !== 0) {
    throw invalid(`allocAlignedArena: align must be a power of two in [1, ${MAX_ARENA_ALIGN}], got ${align}`);
  }
  const buffer = new ArrayBuffer(bytes + align);
  const mod = core.addressMod(buffer, align);
  const offset = (align - mod) % align;
  return new Uint8Array(buffer, offset, bytes);
}
