// Filtered search: the allow bitmap admits only allowed rows (the traversal walks through the
// rest). Selectivity swept from nothing to everything on the fashion-mnist slice.
import { HnswIndex } from './hnsw-index';
import { fashionSlice } from './testing/fixtures';
import { allowBitmap, bruteForce, oracleDistance, recallAtK } from './testing/oracle';

const K = 10;

describe('HnswIndex filtered search (allow bitmap)', () => {
  const fx = fashionSlice();
  const arena = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: fx.base };
  let index: HnswIndex;

  beforeAll(async () => {
    // Single-threaded with a seed: a reproducible graph, so the recall bounds are stable.
    index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'l2sq', threads: 1, seed: 3 });
  });

  const cases = [
    { name: '100%', keep: () => true, min: 0.97 },
    { name: '10% (row % 10 == 3)', keep: (r: number) => r % 10 === 3, min: 0.95 },
    { name: '1% (row % 100 == 42)', keep: (r: number) => r % 100 === 42, min: 0.95 },
  ];

  it.each(cases)('$name: only allowed rows, exactly k, recall >= $min', async ({ keep, min }) => {
    const allow = allowBitmap(fx.rows, keep);
    const nq = 40;
    const out = await index.search(arena, fx.queries, nq, K, { ef: 64, allow });
    for (let q = 0; q < nq; q++) {
      expect(out.counts[q]).toBe(K); // >= k rows are allowed for every case here
      for (let r = 0; r < K; r++) expect(keep(out.ids[q * K + r])).toBe(true);
    }
    const truth = bruteForce('f32', 'l2sq', fx.dim, fx.base, fx.rows, fx.queries, nq, K, keep);
    const dist = (q: number, id: number) => oracleDistance('f32', 'l2sq', fx.dim, fx.queries, q, fx.base, id);
    expect(recallAtK(out, K, truth, dist)).toBeGreaterThanOrEqual(min);
  });

  it('0%: nothing allowed gives empty results', async () => {
    const out = await index.search(arena, fx.queries, 3, K, { allow: new Uint8Array(Math.ceil(fx.rows / 8)) });
    expect(Array.from(out.counts)).toEqual([0, 0, 0]);
    expect(out.ids[0]).toBe(0xffffffff);
  });

  it('fewer allowed rows than k: returns exactly those rows', async () => {
    const allowed = [5, 777, 1999];
    const out = await index.search(arena, fx.queries, 1, K, { allow: allowBitmap(fx.rows, (r) => allowed.includes(r)) });
    expect(out.counts[0]).toBe(3);
    expect(Array.from(out.ids.subarray(0, 3)).sort((a, b) => a - b)).toEqual(allowed);
  });

  it('a short bitmap excludes the rows past its end', async () => {
    const allow = new Uint8Array(10).fill(0xff); // rows 0..79 only
    const out = await index.search(arena, fx.queries, 5, K, { allow });
    for (let i = 0; i < out.ids.length; i++) expect(out.ids[i]).toBeLessThan(80);
  });
  it('maxDistances: a walk over the bound gives up with no rows; under it the answer is unchanged', async () => {
    const keep = (r: number) => r % 100 === 42; // 1 %: the walk crosses much of the graph
    const allow = allowBitmap(fx.rows, keep);
    const free = new Uint32Array(1);
    const full = index.searchSync(arena, fx.queries.subarray(0, fx.dim), K, { ef: 64, allow, distances: free });
    expect(full.counts[0]).toBe(K);
    const bound = Math.floor(free[0] / 2);
    const cut = new Uint32Array(1);
    const over = index.searchSync(arena, fx.queries.subarray(0, fx.dim), K, { ef: 64, allow, maxDistances: bound, distances: cut });
    expect([over.counts[0], cut[0] >= bound]).toEqual([0, true]);
    const roomy = index.searchSync(arena, fx.queries.subarray(0, fx.dim), K, { ef: 64, allow, maxDistances: free[0] + 1 });
    expect(Array.from(roomy.ids)).toEqual(Array.from(full.ids));
  });
});
