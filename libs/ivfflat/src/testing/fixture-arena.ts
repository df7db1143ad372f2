// In-repo fixture sets as IVF inputs: base rows as a memory arena, queries, exact ground truth.
import { FIXTURES, fixtureDir, readFvecs, readIvecs } from '@vecgres/datasets';
import type { IvfMetric } from '@vecgres/native-bindings';
import { join } from 'node:path';

import type { IvfArena } from '../types';

export interface IvfFixture {
  metric: IvfMetric;
  arena: IvfArena & { kind: 'memory' };
  /** Float32Array, nq * dim. */
  queries: Float32Array;
  nq: number;
  /** Int32Array, nq * gtD exact ids (nearest first). */
  gt: Int32Array;
  gtD: number;
}

/** fiori (678 x 384, cosine) or the Fashion-MNIST slice (2,000 x 784, l2). */
export function loadFixture(which: 'fiori' | 'fashionSlice'): IvfFixture {
  const dir = fixtureDir(FIXTURES[which]);
  if (dir === undefined) throw new Error(`fixture ${FIXTURES[which]} is missing from the checkout`);
  const base = readFvecs(join(dir, 'base.fvecs.gz'));
  const q = readFvecs(join(dir, 'query.fvecs.gz'));
  const gt = readIvecs(join(dir, 'gt.ivecs.gz'));
  return {
    metric: which === 'fiori' ? 'cosine' : 'l2sq',
    arena: { kind: 'memory', dim: base.d, rows: base.n, data: base.data },
    queries: q.data,
    nq: q.n,
    gt: gt.data,
    gtD: gt.d,
  };
}

/** Mean recall@k of `ids` (Uint32Array, nq * k) against the first k ids of each gt row. */
export function recallAt(ids: Uint32Array, fx: IvfFixture, k: number): number {
  let hit = 0;
  for (let q = 0; q < fx.nq; q++) {
    const want = new Set(Array.from(fx.gt.subarray(q * fx.gtD, q * fx.gtD + k)));
    for (let j = 0; j < k; j++) if (want.has(ids[q * k + j]!)) hit++;
  }
  return hit / (fx.nq * k);
}
