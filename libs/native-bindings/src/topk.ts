import type { TopK } from './types';

/** Unused top-k slots hold this id (and distance +Infinity). */
export const NO_ID = 0xffffffff;

/**
 * Allocates caller-owned top-k outputs for nq queries with k slots each:
 *   ids: Uint32Array nq*k, dists: Float32Array nq*k, counts: Uint32Array nq.
 */
export function allocTopK(nq: number, k: number): TopK {
  if (!Number.isSafeInteger(nq) || nq < 0 || !Number.isSafeInteger(k) || k < 0) {
    throw new RangeError(`allocTopK: nq and k must be non-negative integers (got nq=${nq}, k=${k})`);
  }
  return {
    ids: new Uint32Array(nq * k),
    dists: new Float32Array(nq * k),
    counts: new Uint32Array(nq),
  };
}

/** The filled part of query q's results (views, no copy). */
export function topKRow(out: TopK, k: number, q: number): { ids: Uint32Array; dists: Float32Array } {
  const start = q * k;
  const end = start + out.counts[q];
  return { ids: out.ids.subarray(start, end), dists: out.dists.subarray(start, end) };
}
