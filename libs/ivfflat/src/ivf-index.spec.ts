// Recall of the native IVFFlat against the fixtures' exact ground truth: probes = lists scans
// every list, so it must return exactly the brute-force neighbours; fewer probes trade recall.
import { exactKnn } from '@vecgres/datasets';

import { IvfFlatIndex } from './ivf-index';
import { loadFixture, recallAt } from './testing/fixture-arena';

jest.setTimeout(120_000);
const K = 10;

describe.each([
  ['fiori', 'cosine', 10],
  // fiori's vectors have unit norm, so inner-product order is cosine order (spherical k-means).
  ['fiori', 'negdot', 10],
  ['fashionSlice', 'l2sq', 20],
] as const)('IvfFlatIndex on %s (%s)', (which, metric, lists) => {
  const fx = loadFixture(which);
  let index: IvfFlatIndex;

  beforeAll(async () => {
    index = await IvfFlatIndex.build(fx.arena, { dim: fx.arena.dim, metric, lists, seed: 7, threads: 2 });
  });

  it('assigns every row to one list', () => {
    const s = index.stats();
    expect(s).toMatchObject({ lists, rows: fx.arena.rows });
    expect(s.largestList).toBeGreaterThan(0);
    expect(s.largestList).toBeLessThan(fx.arena.rows);
    expect(index.params).toMatchObject({ dim: fx.arena.dim, metric, lists, seed: 7 });
  });

  it('is exact with probes = lists', async () => {
    const out = await index.search(fx.arena, fx.queries, fx.nq, K, { probes: lists });
    expect(recallAt(out.ids, fx, K)).toBe(1);
    expect(Array.from(out.counts).every((c) => c === K)).toBe(true);
    // Distances ascend within each query.
    for (let q = 0; q < fx.nq; q++) {
      for (let j = 1; j < K; j++) expect(out.dists[q * K + j]!).toBeGreaterThanOrEqual(out.dists[q * K + j - 1]!);
    }
  });

  it('gains recall with more probes', async () => {
    const recalls: number[] = [];
    for (const probes of [1, 3, lists]) {
      recalls.push(recallAt((await index.search(fx.arena, fx.queries, fx.nq, K, { probes })).ids, fx, K));
    }
    expect(recalls[0]!).toBeGreaterThan(0.3);
    expect(recalls[0]!).toBeLessThan(1);
    expect(recalls[1]!).toBeGreaterThanOrEqual(recalls[0]!);
    expect(recalls[2]!).toBe(1);
  });

  it('serializes and reopens to the same answers', async () => {
    const bytes = await index.serialize();
    expect(bytes.byteLength).toBe(index.stats().bytes);
    const reopened = IvfFlatIndex.open(bytes);
    expect(reopened.stats()).toEqual(index.stats());
    const a = await index.search(fx.arena, fx.queries, fx.nq, K, { probes: 2 });
    const b = await reopened.search(fx.arena, fx.queries, fx.nq, K, { probes: 2 });
    expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
    expect(Array.from(b.dists)).toEqual(Array.from(a.dists));
  });

  it('returns only allowed rows, exactly, with an allow bitmap', async () => {
    const rows = fx.arena.rows;
    const allow = new Uint8Array(Math.ceil(rows / 8));
    const ids: number[] = [];
    for (let i = 0; i < rows; i += 3) {
      allow[i >> 3]! |= 1 << (i & 7);
      ids.push(i);
    }
    const out = await index.search(fx.arena, fx.queries, fx.nq, K, { probes: lists, allow });
    const exact = exactKnn({
      metric,
      dim: fx.arena.dim,
      base: fx.arena.data,
      nBase: rows,
      queries: fx.queries,
      nq: fx.nq,
      k: K,
      ids,
    });
    expect(Array.from(out.ids)).toEqual(Array.from(exact.ids));
  });
});

describe('IvfFlatIndex training', () => {
  const fx = loadFixture('fashionSlice');

  it('is deterministic for a seed', async () => {
    const opts = { dim: fx.arena.dim, metric: 'l2sq' as const, lists: 8, seed: 3, threads: 2 };
    const a = await (await IvfFlatIndex.build(fx.arena, opts)).serialize();
    const b = await (await IvfFlatIndex.build(fx.arena, opts)).serialize();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('grows by add() after build, keeping search exact at probes = lists', async () => {
    const half = { ...fx.arena, rows: 1000 };
    const index = await IvfFlatIndex.build(half, { dim: fx.arena.dim, metric: 'l2sq', lists: 8, seed: 1 });
    await index.add(fx.arena, 1000, fx.arena.rows);
    expect(index.rows).toBe(fx.arena.rows);
    const out = await index.search(fx.arena, fx.queries, fx.nq, K, { probes: 8 });
    expect(recallAt(out.ids, fx, K)).toBe(1);
  });

  it('rejects bad parameters with SQLSTATE 22023', () => {
    expect(() => IvfFlatIndex.create({ dim: 4, metric: 'l2sq', lists: 0 })).toThrow(
      expect.objectContaining({ sqlstate: '22023', message: 'lists must be an integer between 1 and 32768 (got 0)' }),
    );
    expect(() => IvfFlatIndex.create({ dim: 0, metric: 'l2sq' })).toThrow(expect.objectContaining({ sqlstate: '22023' }));
  });

  it('rejects an add before training and a corrupt serialized index', async () => {
    const index = IvfFlatIndex.create({ dim: fx.arena.dim, metric: 'l2sq', lists: 4 });
    await expect(index.add(fx.arena, 0, 10)).rejects.toThrow(/must be trained/);
    expect(() => IvfFlatIndex.open(new Uint8Array(64))).toThrow(/not an IVF index/);
  });
});
