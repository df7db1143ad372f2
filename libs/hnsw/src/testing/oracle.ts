// Brute-force oracle behind the same inputs as the index, and tie-aware recall.
import { compareNeighbours, exactDistance } from '@vecgres/datasets';
import { type ElemType, type Metric, type TopK, type VectorArray, halfBitsToFloat32 } from '@vecgres/native-bindings';

/** binary16 bit patterns -> their float32 values (for the oracle). */
export function decodeHalf(h: Uint16Array): Float32Array {
  return Float32Array.from(h, halfBitsToFloat32);
}

function popcount8(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/**
 * Distance of row a of `x` to row b of `y` as the native index defines it (float64). Float rows
 * must be float32 values (decode f16 arenas with decodeHalf first).
 */
export function oracleDistance(
  elem: ElemType,
  metric: Metric,
  dim: number,
  x: VectorArray,
  a: number,
  y: VectorArray,
  b: number,
): number {
  if (elem === 'bits') {
    const bytes = Math.ceil(dim / 8);
    let both = 0;
    let either = 0;
    let diff = 0;
    for (let j = 0; j < bytes; j++) {
      const p = x[a * bytes + j];
      const q = y[b * bytes + j];
      both += popcount8(p & q);
      either += popcount8(p | q);
      diff += popcount8(p ^ q);
    }
    if (metric === 'hamming') return diff;
    return either === 0 ? 1 : 1 - both / either;
  }
  return exactDistance(metric as 'l2sq' | 'negdot' | 'cosine' | 'l1', x, a * dim, y, b * dim, dim);
}

/** The exact k nearest (ids and distances) of each query among the allowed base rows. */
export function bruteForce(
  elem: ElemType,
  metric: Metric,
  dim: number,
  base: VectorArray,
  rows: number,
  queries: VectorArray,
  nq: number,
  k: number,
  allowed?: (row: number) => boolean,
): { ids: number[][]; dists: number[][] } {
  const ids: number[][] = [];
  const dists: number[][] = [];
  for (let q = 0; q < nq; q++) {
    const all: [number, number][] = [];
    for (let r = 0; r < rows; r++) {
      if (allowed && !allowed(r)) continue;
      all.push([oracleDistance(elem, metric, dim, queries, q, base, r), r]);
    }
    all.sort((u, v) => compareNeighbours(u[0], u[1], v[0], v[1]));
    const top = all.slice(0, k);
    ids.push(top.map((t) => t[1]));
    dists.push(top.map((t) => t[0]));
  }
  return { ids, dists };
}

/**
 * Mean recall@k: a returned id counts when it is a true top-k id, or when its exact distance is
 * within `eps` of the k-th true distance (ties at the boundary, common for Hamming).
 */
export function recallAtK(
  result: TopK,
  k: number,
  truth: { ids: number[][]; dists: number[][] },
  distanceOf: (q: number, id: number) => number,
  eps = 1e-5,
): number {
  let hits = 0;
  let total = 0;
  truth.ids.forEach((ids, q) => {
    const want = new Set(ids);
    const kth = truth.dists[q][ids.length - 1];
    for (let r = 0; r < Math.min(result.counts[q], k); r++) {
      const id = result.ids[q * k + r];
      if (want.has(id) || distanceOf(q, id) <= kth + eps * Math.max(1, Math.abs(kth))) hits++;
    }
    total += ids.length;
  });
  return total === 0 ? 1 : Math.min(1, hits / total);
}

/** Bitmap (LSB-first) with bit r set when keep(r). */
export function allowBitmap(rows: number, keep: (row: number) => boolean): Uint8Array {
  const bits = new Uint8Array(Math.ceil(rows / 8));
  for (let r = 0; r < rows; r++) if (keep(r)) bits[r >> 3] |= 1 << (r & 7);
  return bits;
}
