// Issue #7 acceptance on the fiori fixture (678 x 384, cosine, 13 categories): the selectivity
// sweep of testing/sweep-suite.ts, plus a check that the test's brute-force oracle reproduces
// the shipped filtered ground truth (label = 2, label = 5) before any mutation.
import { join } from 'node:path';
import { readFvecs, readIvecs } from '@vecgres/datasets';
import { loadFixture } from './testing/fixture-table';
import { distance, exactTopK } from './testing/oracle';
import { defineSweepSuite } from './testing/sweep-suite';

test('the brute-force oracle reproduces the shipped filtered GT (fiori label = 2, label = 5)', () => {
  const data = loadFixture('fiori');
  for (const label of [2, 5]) {
    const gt = readIvecs(join(data.dir, `gt.filter-category-${label}.ivecs.gz`));
    const gtDist = readFvecs(join(data.dir, `gt.filter-category-${label}.dist.fvecs.gz`));
    const ids = Array.from({ length: data.n }, (_, i) => i).filter((i) => data.labels[i] === label);
    for (let q = 0; q < data.nq; q++) {
      const qv = data.queries.subarray(q * data.dim, (q + 1) * data.dim);
      const dists = new Map(ids.map((i) => [i, distance('cosine', qv, data.base.subarray(i * data.dim, (i + 1) * data.dim))]));
      const top = exactTopK(dists, ids, gt.d);
      expect(top.map((t) => t.id)).toEqual(Array.from(gt.data.subarray(q * gt.d, (q + 1) * gt.d)));
      top.forEach((t, r) => expect(t.dist).toBeCloseTo(gtDist.data[q * gt.d + r]!, 5));
    }
  }
});

defineSweepSuite({ which: 'fiori', table: 'fiori_docs', hot: 2, pair: [3, 5], nq: 30 });
