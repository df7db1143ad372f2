// Deterministic test data: a seeded PRNG (mulberry32) and builders for every element type.
import { encodeHalf } from '../half';
import type { ElemType, VectorArray } from '../types';

/** A uniform [0, 1) generator from a 32-bit seed (mulberry32: tiny, fast, good enough for tests). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable seed from a label, so each (type, metric, dim) case gets its own data in every process. */
export function seedOf(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Elements per row: dim, or ceil(dim / 8) bytes for bits. */
export function rowElems(type: ElemType, dim: number): number {
  return type === 'bits' ? Math.ceil(dim / 8) : dim;
}

/** Bytes per packed row. */
export function rowBytes(type: ElemType, dim: number): number {
  const elemBytes = type === 'f32' ? 4 : type === 'f16' ? 2 : 1;
  return rowElems(type, dim) * elemBytes;
}

/**
 * n random rows of `type` with `dim` elements, packed:
 *   f32: Float32Array n*dim, uniform [-1, 1); f16: Uint16Array n*dim (binary16 of the same);
 *   i8: Int8Array n*dim, uniform [-128, 127]; u8: Uint8Array n*dim, uniform [0, 255];
 *   bits: Uint8Array n*ceil(dim/8), random bits, the unused tail bits of each row zero
 *   (as pgvector stores them).
 */
export function randomRows(type: ElemType, dim: number, n: number, seed: number): VectorArray {
  const rnd = seededRandom(seed);
  const len = n * rowElems(type, dim);
  switch (type) {
    case 'f32':
      return Float32Array.from({ length: len }, () => rnd() * 2 - 1);
    case 'f16':
      return encodeHalf(Float32Array.from({ length: len }, () => rnd() * 2 - 1));
    case 'i8':
      return Int8Array.from({ length: len }, () => Math.floor(rnd() * 256) - 128);
    case 'u8':
      return Uint8Array.from({ length: len }, () => Math.floor(rnd() * 256));
    case 'bits': {
      const bytes = Uint8Array.from({ length: len }, () => Math.floor(rnd() * 256));
      const perRow = rowElems(type, dim);
      const tailBits = dim % 8;
      if (tailBits !== 0) {
        const mask = (0xff << (8 - tailBits)) & 0xff; // MSB-first: keep the first tailBits bits
        for (let r = 0; r < n; r++) bytes[r * perRow + perRow - 1] &= mask;
      }
      return bytes;
    }
  }
}

/**
 * Copies packed rows into an ArrayBuffer with `stride` bytes between row starts (stride >=
 * rowBytes), so tests can exercise padded and unaligned layouts.
 */
export function stridedArena(rows: VectorArray, n: number, bytesPerRow: number, stride: number): ArrayBuffer {
  const out = new ArrayBuffer(n === 0 ? 0 : (n - 1) * stride + bytesPerRow);
  const dst = new Uint8Array(out);
  const src = new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
  for (let r = 0; r < n; r++) dst.set(src.subarray(r * bytesPerRow, (r + 1) * bytesPerRow), r * stride);
  return out;
}
