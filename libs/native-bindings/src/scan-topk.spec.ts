// scanTopK against the float64 brute force (and the shipped GT files) on real data.
import { join } from 'node:path';

import { exactDistance, exactKnn, readIvecs, type ExactMetric } from '@vecgres/datasets';

import { allocTopK, loadNativeCore, NO_ID, type Metric, type TopK } from './index';
import { idsWithLabel, loadFashionSlice, loadFiori, type LoadedSet } from './testing/fixtures';
import { compareTopK, floatTolerance } from './testing/topk-check';

const core = loadNativeCore();
const fiori = loadFiori();
const fashion = loadFashionSlice();

async function nativeTopK(set: LoadedSet, metric: Metric, k: number, ids?: Uint32Array, nq = set.nq): Promise<TopK> {
  const out = allocTopK(nq, k);
  await core.scanTopK(
    { type: 'f32', metric, dim: set.dim, queries: set.queries, nq, arena: set.base, nRows: set.nBase, ids },
    k,
    out,
  );
  return out;
}

function checkAgainstBruteForce(set: LoadedSet, metric: ExactMetric, k: number, out: TopK, ids?: Uint32Array, nq = set.nq) {
  const m = ids ? ids.length : set.nBase;
  // Ten extra reference slots so a near-tie at the k-th place can be judged.
  const kRef = k + 10;
  const ref = exactKnn({ metric, dim: set.dim, base: set.base, nBase: set.nBase, queries: set.queries, nq, k: kRef, ids });
  const exact = (q: number, id: number) => exactDistance(metric, set.queries, q * set.dim, set.base, id * set.dim, set.dim);
  return compareTopK(out, k, { ids: ref.ids, dists: ref.dists, kRef }, nq, () => Math.min(k, m), exact, floatTolerance);
}

describe('scanTopK on fiori-docs (cosine, 678 x 384, 100 queries in one call)', () => {
  it.each([10, 100])('k=%i equals the float64 brute force', async (k) => {
    const out = await nativeTopK(fiori, 'cosine', k);
    const cmp = checkAgainstBruteForce(fiori, 'cosine', k, out);
    expect(cmp.problems).toEqual([]);
    // Real embeddings have no float32-level ties here: the ids are the reference's exactly.
    expect(cmp.tieSwaps).toBe(0);
  });

  it('k=100 equals the shipped ground-truth file (ids and cosine distances)', async () => {
    const out = await nativeTopK(fiori, 'cosine', 100);
    const exact = (q: number, id: number) => exactDistance('cosine', fiori.queries, q * 384, fiori.base, id * 384, 384);
    const cmp = compareTopK(out, 100, { ids: fiori.gt, dists: fiori.gtDist, kRef: 100 }, 100, () => 100, exact, floatTolerance);
    expect(cmp.problems).toEqual([]);
  });

  it.each([2, 5])('an ids subset (label == %i) equals the shipped filtered top-10', async (label) => {
    const ids = idsWithLabel(fiori.baseLabels, label);
    const gt = readIvecs(join(fiori.dir, `gt.filter-category-${label}.ivecs.gz`)).data;
    const out = await nativeTopK(fiori, 'cosine', 10, ids);
    expect(Array.from(out.ids)).toEqual(Array.from(gt));
    expect(checkAgainstBruteForce(fiori, 'cosine', 10, out, ids).problems).toEqual([]);
  });

  it('ranks by negdot, l1 and l2sq like the brute force', async () => {
    for (const metric of ['negdot', 'l1', 'l2sq'] as const) {
      const out = await nativeTopK(fiori, metric, 10);
      expect(checkAgainstBruteForce(fiori, metric, 10, out).problems).toEqual([]);
    }
  });
});

describe('scanTopK on the fashion-mnist slice (l2sq, 2,000 x 784, 100 queries in one call)', () => {
  it.each([10, 100])('k=%i equals the float64 brute force', async (k) => {
    const out = await nativeTopK(fashion, 'l2sq', k);
    expect(checkAgainstBruteForce(fashion, 'l2sq', k, out).problems).toEqual([]);
  });

  it('k=100 equals the slice ground-truth file (squared Euclidean distances)', async () => {
    const out = await nativeTopK(fashion, 'l2sq', 100);
    const gtSq = Float64Array.from(fashion.gtDist, (d) => d * d);
    const exact = (q: number, id: number) => exactDistance('l2sq', fashion.queries, q * 784, fashion.base, id * 784, 784);
    const cmp = compareTopK(out, 100, { ids: fashion.gt, dists: gtSq, kRef: 100 }, 100, () => 100, exact, floatTolerance);
    expect(cmp.problems).toEqual([]);
  });

  it('an ids subset (every row with label == 3) equals the brute force over that subset', async () => {
    const ids = idsWithLabel(fashion.baseLabels, 3);
    expect(ids.length).toBeGreaterThan(100);
    const out = await nativeTopK(fashion, 'l2sq', 100, ids);
    expect(checkAgainstBruteForce(fashion, 'l2sq', 100, out, ids).problems).toEqual([]);
    const allowed = new Set(ids);
    expect(Array.from(out.ids).every((id) => allowed.has(id))).toBe(true);
  });

  it('gives each query of a batch the same answer as a call with that query alone', async () => {
    const batch = await nativeTopK(fashion, 'l2sq', 10, undefined, 7);
    for (const q of [0, 3, 6]) {
      const single = allocTopK(1, 10);
      await core.scanTopK(
        { type: 'f32', metric: 'l2sq', dim: 784, queries: fashion.queries.subarray(q * 784, (q + 1) * 784), arena: fashion.base, nRows: 2000 },
        10,
        single,
      );
      expect(Array.from(single.ids)).toEqual(Array.from(batch.ids.subarray(q * 10, q * 10 + 10)));
      expect(Array.from(single.dists)).toEqual(Array.from(batch.dists.subarray(q * 10, q * 10 + 10)));
    }
  });
});

describe('scanTopK edge cases', () => {
  const dim = 4;
  // Rows 0..5; rows 1, 3 and 4 are at the same distance from the query (ties by smaller id).
  const arena = Float32Array.from([5, 0, 0, 0, 1, 0, 0, 0, 9, 9, 9, 9, 0, 1, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0]);
  const query = Float32Array.from([0, 0, 0, 0]);

  it('breaks ties by the smaller row id and sorts nearest first', async () => {
    const out = allocTopK(1, 4);
    await core.scanTopK({ type: 'f32', metric: 'l2sq', dim, queries: query, arena, nRows: 6 }, 4, out);
    expect(Array.from(out.ids)).toEqual([1, 3, 4, 5]);
    expect(Array.from(out.dists)).toEqual([1, 1, 1, 4]);
    expect(out.counts[0]).toBe(4);
  });

  it('fills unused slots when k exceeds the rows scanned, and handles k = 0 and empty inputs', async () => {
    const out = allocTopK(2, 5);
    const ids = Uint32Array.from([4, 2]);
    await core.scanTopK({ type: 'f32', metric: 'l2sq', dim, queries: new Float32Array(8), nq: 2, arena, nRows: 6, ids }, 5, out);
    expect(Array.from(out.counts)).toEqual([2, 2]);
    expect(Array.from(out.ids.subarray(0, 5))).toEqual([4, 2, NO_ID, NO_ID, NO_ID]);
    expect(Array.from(out.dists.subarray(0, 5))).toEqual([1, 324, Infinity, Infinity, Infinity]);

    const none = allocTopK(1, 0);
    await core.scanTopK({ type: 'f32', metric: 'l2sq', dim, queries: query, arena, nRows: 6 }, 0, none);
    expect(none.counts[0]).toBe(0);

    const empty = allocTopK(1, 3);
    await core.scanTopK({ type: 'f32', metric: 'l2sq', dim, queries: query, arena: new Float32Array(0), nRows: 0 }, 3, empty);
    expect(empty.counts[0]).toBe(0);
    expect(Array.from(empty.ids)).toEqual([NO_ID, NO_ID, NO_ID]);

    const noQueries = allocTopK(0, 3);
    await core.scanTopK({ type: 'f32', metric: 'l2sq', dim, queries: new Float32Array(0), nq: 0, arena, nRows: 6 }, 3, noQueries);
  });

  it('ranks NaN distances (cosine with a zero row) last', async () => {
    const rows = Float32Array.from([0, 0, 1, 0, 0, 0, 1, 1]);
    const out = allocTopK(1, 4);
    await core.scanTopK({ type: 'f32', metric: 'cosine', dim: 2, queries: Float32Array.from([1, 1]), arena: rows, nRows: 4 }, 4, out);
    expect(out.counts[0]).toBe(4);
    expect(Array.from(out.ids.subarray(0, 2))).toEqual([3, 1]);
    expect(new Set(out.ids.subarray(2, 4))).toEqual(new Set([0, 2]));
    expect(Number.isNaN(out.dists[2]) && Number.isNaN(out.dists[3])).toBe(true);
  });
});
