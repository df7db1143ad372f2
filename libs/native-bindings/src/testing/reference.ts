// The JS oracle for native distances: every (type, metric) in float64 (integers exactly).
import { halfBitsToFloat32 } from '../half';
import type { ElemType, Metric, VectorArray } from '../types';
import { rowElems } from './random';

/** The (type, metric) pairs the native scans support. */
export const SUPPORTED_KERNELS: readonly { type: ElemType; metric: Metric }[] = [
  ...(['f32', 'f16'] as const).flatMap((type) => (['l2sq', 'negdot', 'cosine', 'l1'] as const).map((metric) => ({ type, metric }))),
  ...(['i8', 'u8'] as const).flatMap((type) => (['l2sq', 'negdot'] as const).map((metric) => ({ type, metric }))),
  { type: 'bits', metric: 'hamming' },
  { type: 'bits', metric: 'jaccard' },
];

function popcount8(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

function valueAt(type: ElemType, data: VectorArray, i: number): number {
  return type === 'f16' ? halfBitsToFloat32(data[i]) : data[i];
}

export interface ReferenceDistance {
  /** The distance, float64 (exact for integer and bit types). */
  value: number;
  /**
   * The magnitude of the summed terms (sum |term_i|, 1 for cosine/jaccard): float results
   * are compared with a tolerance relative to this, the sum's condition, not to the result
   * (a dot product of signed data can cancel to ~0 while its rounding error does not).
   */
  scale: number;
}

/**
 * Distance of row `b` (starting at element bOff of b) to row `a` (at aOff), `dim` elements
 * (bits: dim bits in ceil(dim/8) bytes, MSB-first), as pgvector defines each metric.
 */
export function referenceDistance(
  type: ElemType,
  metric: Metric,
  dim: number,
  a: VectorArray,
  aOff: number,
  b: VectorArray,
  bOff: number,
): ReferenceDistance {
  if (type === 'bits') {
    let diff = 0;
    let both = 0;
    let either = 0;
    const bytes = rowElems(type, dim);
    for (let i = 0; i < bytes; i++) {
      const validBits = Math.min(8, dim - i * 8);
      const mask = (0xff << (8 - validBits)) & 0xff;
      const x = a[aOff + i] & mask;
      const y = b[bOff + i] & mask;
      diff += popcount8(x ^ y);
      both += popcount8(x & y);
      either += popcount8(x | y);
    }
    if (metric === 'hamming') return { value: diff, scale: 1 };
    // pgvector bitutils: distance 1 when no bit is shared (incl. two all-zero vectors).
    return { value: both === 0 ? 1 : 1 - both / either, scale: 1 };
  }
  let sum = 0;
  let scale = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < dim; i++) {
    const x = valueAt(type, a, aOff + i);
    const y = valueAt(type, b, bOff + i);
    switch (metric) {
      case 'l2sq':
        sum += (x - y) * (x - y);
        break;
      case 'l1':
        sum += x > y ? x - y : y - x; // (no Math.abs: builtins are slow in jest's vm context)
        break;
      case 'negdot':
      case 'cosine': {
        const p = x * y;
        sum += p;
        scale += p < 0 ? -p : p;
        na += x * x;
        nb += y * y;
        break;
      }
      default:
        throw new Error(`metric ${metric} does not apply to ${type}`);
    }
  }
  if (metric === 'l2sq' || metric === 'l1') return { value: sum, scale: sum };
  if (metric === 'negdot') return { value: sum === 0 ? 0 : -sum, scale };
  if (na === 0 || nb === 0) return { value: NaN, scale: 1 };
  const sim = Math.min(1, Math.max(-1, sum / Math.sqrt(na * nb)));
  return { value: 1 - sim, scale: 1 };
}

/** Whether `actual` (float32 from native) matches a reference within 1e-5 of its scale. */
export function closeToReference(actual: number, ref: ReferenceDistance, relTol = 1e-5): boolean {
  if (Number.isNaN(ref.value)) return Number.isNaN(actual);
  return Math.abs(actual - ref.value) <= relTol * Math.max(1, ref.scale);
}

/** Whether the (type, metric) yields exact integers at every level. */
export function isExactKernel(type: ElemType): boolean {
  return type === 'i8' || type === 'u8' || type === 'bits';
}
