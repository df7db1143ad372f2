// Benchmark arenas: one contiguous buffer of packed rows per (element type, d), filled once
// with deterministic pseudo-random values and reused by every metric and repetition.
//
// Filling 1 GiB element by element in JS would take seconds per arena (f16 conversion even
// more), so a pattern block of random rows is generated once and tiled over the arena with
// memcpy-speed `set`. Repeating content does not help the caches: every row still lives at
// its own address and must come from DRAM. Tiling also writes every page, so the timed scans
// never pay first-touch page faults.
import { allocAlignedArena, type ElemType, type VectorArray } from '@vecgres/native-bindings';

import { rowBytes } from './cases';
import { f32ToF16Array } from './float16';

/** Bytes of random rows generated before tiling (a whole number of rows, at least one). */
const PATTERN_BYTES = 8 << 20;

export interface Arena {
  type: ElemType;
  /** Packed rows; shape [nRows, row elements], dtype per type (Float32Array for f32, ...). */
  data: VectorArray;
  nRows: number;
  rowBytes: number;
}

/** mulberry32: tiny, fast, deterministic; statistical quality is irrelevant here. */
export function makeRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function view(type: ElemType, buf: ArrayBuffer, byteOffset: number, bytes: number): VectorArray {
  switch (type) {
    case 'f32':
      return new Float32Array(buf, byteOffset, bytes / 4);
    case 'f16':
      return new Uint16Array(buf, byteOffset, bytes / 2);
    case 'i8':
      return new Int8Array(buf, byteOffset, bytes);
    case 'u8':
    case 'bits':
      return new Uint8Array(buf, byteOffset, bytes);
  }
}

/**
 * Fills `bytes` bytes of `buf` with random elements: f32/f16 uniform in [-1, 1) (no NaN, no
 * subnormals worth mentioning, so no slow paths), i8 in [-128, 127], u8 and bits any byte.
 */
function fillRandom(type: ElemType, buf: ArrayBuffer, bytes: number, rng: () => number): void {
  if (type === 'f32' || type === 'f16') {
    const floats = new Float32Array(type === 'f32' ? bytes / 4 : bytes / 2);
    for (let i = 0; i < floats.length; i++) floats[i] = rng() * 2 - 1;
    if (type === 'f32') new Float32Array(buf, 0, floats.length).set(floats);
    else f32ToF16Array(floats, new Uint16Array(buf, 0, floats.length));
    return;
  }
  const u8 = new Uint8Array(buf, 0, bytes);
  for (let i = 0; i < bytes; i++) u8[i] = Math.floor(rng() * 256);
}

/** One query row of benchmark dimension d: shape [1, row elements]. */
export function makeQuery(type: ElemType, d: number, seed: number): VectorArray {
  const bytes = rowBytes(type, d);
  const buf = new ArrayBuffer(bytes);
  fillRandom(type, buf, bytes, makeRng(seed));
  return view(type, buf, 0, bytes);
}

export interface ArenaLayout {
  /**
   * Where the rows start inside a fresh ArrayBuffer (a multiple of 4, < 4096). A large
   * ArrayBuffer's memory is whatever the allocator returns: with glibc a fresh mmap'd chunk
   * starts 16 bytes past a page boundary, so offset 48 gives 64-byte-aligned rows there.
   */
  byteOffset?: number;
  /**
   * Allocate with allocAlignedArena (libs/native-bindings) so the memory starts on this
   * boundary (a power of two <= 4096) whatever the allocator does; byteOffset then counts
   * from that boundary. Unset: a plain `new ArrayBuffer`, as the engine allocates today.
   */
  align?: number;
  /** Bytes of random rows generated before tiling (tests use a small pattern). */
  patternBytes?: number;
}

export function checkArenaOffset(byteOffset: number): void {
  if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset >= 4096 || byteOffset % 4 !== 0) {
    throw Object.assign(new RangeError(`arena offset must be a multiple of 4 in [0, 4096), got ${byteOffset}`), {
      code: '22023',
    });
  }
}

/** An arena of floor(targetBytes / rowBytes) rows (at least one). */
export function makeArena(type: ElemType, d: number, targetBytes: number, seed: number, layout: ArenaLayout = {}): Arena {
  const offset = layout.byteOffset ?? 0;
  checkArenaOffset(offset);
  const rb = rowBytes(type, d);
  const nRows = Math.max(1, Math.floor(targetBytes / rb));
  const total = nRows * rb;
  const patternRows = Math.max(1, Math.min(nRows, Math.floor((layout.patternBytes ?? PATTERN_BYTES) / rb)));
  const patternBytes = patternRows * rb;

  let buf: ArrayBuffer;
  let start = offset;
  if (layout.align !== undefined) {
    const aligned = allocAlignedArena(offset + total, layout.align);
    buf = aligned.buffer as ArrayBuffer;
    start = aligned.byteOffset + offset;
  } else {
    buf = new ArrayBuffer(offset + total);
  }
  const pattern = new Uint8Array(patternBytes);
  fillRandom(type, pattern.buffer, patternBytes, makeRng(seed));
  const rows = new Uint8Array(buf, start, total);
  for (let off = 0; off < total; off += patternBytes) {
    rows.set(off + patternBytes <= total ? pattern : pattern.subarray(0, total - off), off);
  }
  return { type, data: view(type, buf, start, total), nRows, rowBytes: rb };
}

/** A plain byte buffer of `bytes` bytes, every page written (for the readMemory reference). */
export function makeByteArena(bytes: number, seed: number, byteOffset = 0, align?: number): Uint8Array {
  return makeArena('u8', 1, bytes, seed, { byteOffset, align }).data as Uint8Array;
}
