// Distances between bit strings (bit(n) / varbit): hamming_distance (<~>) and
// jaccard_distance (<%>), as pgvector's bitvec.c and the native kernels define them
// (native/core/include/vecgres/kernels.h): hamming = popcount(a xor b); jaccard =
// 1 - |a and b| / |a or b|, and 1 when a and b share no set bit (two all-zero or empty
// strings included). Lengths must match: `different bit lengths %u and %u` (22000).
import { dataException } from '@vecgres/errors';
import type { BitString } from '@vecgres/pg-types';
import type { FunctionTable } from '../function-table';

/** popcount of one byte. */
function ones(x: number): number {
  let v = x - ((x >> 1) & 0x55);
  v = (v & 0x33) + ((v >> 2) & 0x33);
  return (v + (v >> 4)) & 0x0f;
}

function checkLengths(a: BitString, b: BitString): void {
  if (a.length !== b.length) throw dataException(`different bit lengths ${a.length} and ${b.length}`);
}

/**
 * The byte count to compare. Pad bits past `length` are zero in a well-formed BitString; the
 * last byte is masked anyway so a stray pad bit cannot change a distance (the kernels' rule).
 */
function byteAt(s: BitString, i: number, last: number, mask: number): number {
  return i === last ? s.bytes[i] & mask : s.bytes[i];
}

function lastMask(length: number): number {
  const rem = length & 7;
  return rem === 0 ? 0xff : (0xff << (8 - rem)) & 0xff;
}

export function hammingDistance(a: BitString, b: BitString): number {
  checkLengths(a, b);
  const n = (a.length + 7) >> 3;
  const mask = lastMask(a.length);
  let distance = 0;
  for (let i = 0; i < n; i++) distance += ones(byteAt(a, i, n - 1, mask) ^ byteAt(b, i, n - 1, mask));
  return distance;
}

export function jaccardDistance(a: BitString, b: BitString): number {
  checkLengths(a, b);
  const n = (a.length + 7) >> 3;
  const mask = lastMask(a.length);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const x = byteAt(a, i, n - 1, mask);
    const y = byteAt(b, i, n - 1, mask);
    ab += ones(x & y);
    aa += ones(x);
    bb += ones(y);
  }
  return ab === 0 ? 1 : 1 - ab / (aa + bb - ab);
}

export const BIT_FUNCTIONS: FunctionTable = {
  hamming_distance: hammingDistance,
  jaccard_distance: jaccardDistance,
};
