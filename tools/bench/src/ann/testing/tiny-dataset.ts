// A tiny synthetic ANN dataset with exact ground truth, for adapter and runner tests.
import { exactKnn } from '@vecgres/datasets';

import type { AnnDataset } from '../dataset';
import type { AnnMetric } from '../types';

/** Deterministic uniform [-1, 1) values (mulberry32), so failures reproduce. */
export function seededFloats(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let a = seed >>> 0;
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** n random base rows and nq random queries of `dim`, with the exact top-gtD ids. */
export function tinyDataset(opts: { n?: number; nq?: number; dim?: number; metric?: AnnMetric; gtD?: number } = {}): AnnDataset {
  const { n = 400, nq = 20, dim = 8, metric = 'l2', gtD = 20 } = opts;
  const base = seededFloats(n * dim, 1);
  const queries = seededFloats(nq * dim, 2);
  const gt = exactKnn({ metric: metric === 'l2' ? 'l2sq' : 'cosine', dim, base, nBase: n, queries, nq, k: gtD }).ids;
  return { name: `tiny-${metric}`, dir: '(memory)', metric, n, dim, base, nq, queries, gt, gtD };
}
