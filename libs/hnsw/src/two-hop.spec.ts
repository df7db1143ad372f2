// Two-hop (ACORN-1) filtered search: recall against a brute-force oracle, the distance counter,
// and the guarantees (only allowed rows; k rows whenever k rows are allowed).
import { HnswIndex } from './hnsw-index';
import { clustered, pickLabels } from './testing/clustered';
import { allowBitmap, bruteForce, oracleDistance, recallAtK } from './testing/oracle';

const K = 10;
const NQ = 50;

describe('HnswIndex two-hop filtered search', () => {
  const fx = clustered({ rows: 20_000, dim: 32, nq: NQ, correlated: true });
  const arena = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: fx.base };
  let index: HnswIndex;

  beforeAll(async () => {
    // Single-threaded with a seed: a reproducible graph, so the recall bounds are stable.
    index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'l2sq', threads: 1, seed: 7 });
  });

  function oracle(keep: (row: number) => boolean) {
    const truth = bruteForce('f32', 'l2sq', fx.dim, fx.base, fx.rows, fx.queries, NQ, K, keep);
    const dist = (q: number, id: number) => oracleDistance('f32', 'l2sq', fx.dim, fx.queries, q, fx.base, id);
    return { truth, dist };
  }

  it('2% selectivity: recall@10 >= 0.9 at ef 100 with far fewer distances than the plain walk', async () => {
    const set = pickLabels(fx.labels, 4);
    const keep = (r: number) => set.has(fx.label[r]);
    const allow = allowBitmap(fx.rows, keep);
    const { truth, dist } = oracle(keep);
    const plainDist = new Uint32Array(NQ);
    const twoDist = new Uint32Array(NQ);
    const plain = await index.search(arena, fx.queries, NQ, K, { ef: 100, allow, distances: plainDist });
    const two = await index.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop: true, distances: twoDist });
    for (let q = 0; q < NQ; q++) {
      expect(two.counts[q]).toBe(K);
      for (let r = 0; r < K; r++) expect(keep(two.ids[q * K + r])).toBe(true);
    }
    expect(recallAtK(two, K, truth, dist)).toBeGreaterThanOrEqual(0.9);
    expect(recallAtK(plain, K, truth, dist)).toBeGreaterThanOrEqual(0.9);
    const sum = (a: Uint32Array) => a.reduce((s, x) => s + x, 0);
    // The plain walk scores every node it passes; two-hop scores allowed nodes only.
    expect(sum(twoDist) * 5).toBeLessThan(sum(plainDist));
  });

  it('reports distance computations per query, also for unfiltered searches', async () => {
    const distances = new Uint32Array(NQ).fill(0xffffffff);
    await index.search(arena, fx.queries, NQ, K, { ef: 40, distances });
    for (const d of distances) {
      expect(d).toBeGreaterThanOrEqual(40);
      expect(d).toBeLessThan(fx.rows);
    }
  });

  it('0.5% selectivity, far from most queries: exact on this data at a cost near the allowed count', async () => {
    const set = pickLabels(fx.labels, 1);
    const keep = (r: number) => set.has(fx.label[r]);
    const allowedRows = fx.label.filter((l) => set.has(l)).length;
    const { truth, dist } = oracle(keep);
    const distances = new Uint32Array(NQ);
    const out = await index.search(arena, fx.queries, NQ, K, { ef: 40, allow: allowBitmap(fx.rows, keep), twoHop: true, distances });
    expect(recallAtK(out, K, truth, dist)).toBeGreaterThanOrEqual(0.95);
    // Reseeding from the bitmap bounds the walk by the allowed rows (+ the descent), far below
    // the plain walk, which passes through most of the graph here.
    for (const d of distances) expect(d).toBeLessThan(allowedRows + 200);
  });

  it('fewer allowed rows than k: returns exactly those rows (reseeding reaches islands)', async () => {
    const allowed = [5, 7_777, 19_999];
    const allow = allowBitmap(fx.rows, (r) => allowed.includes(r));
    const out = await index.search(arena, fx.queries, 4, K, { allow, twoHop: true });
    for (let q = 0; q < 4; q++) {
      expect(out.counts[q]).toBe(3);
      expect(Array.from(out.ids.subarray(q * K, q * K + 3)).sort((a, b) => a - b)).toEqual(allowed);
    }
  });

  it('nothing allowed: empty results', async () => {
    const out = await index.search(arena, fx.queries, 2, K, { allow: new Uint8Array(fx.rows / 8), twoHop: true });
    expect(Array.from(out.counts)).toEqual([0, 0]);
  });

  it('searchSync gives the same results as search', async () => {
    const set = pickLabels(fx.labels, 20);
    const allow = allowBitmap(fx.rows, (r) => set.has(fx.label[r]));
    const query = fx.queries.subarray(0, fx.dim);
    const a = await index.search(arena, query, 1, K, { ef: 64, allow, twoHop: true });
    const distances = new Uint32Array(1);
    const b = index.searchSync(arena, query, K, { ef: 64, allow, twoHop: true, distances });
    expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
    expect(distances[0]).toBeGreaterThan(0);
  });

  it('resumable scan with twoHop: the nearest batch matches the oracle; run to the end, every allowed row once', async () => {
    const set = pickLabels(fx.labels, 4);
    const keep = (r: number) => set.has(fx.label[r]);
    const allow = allowBitmap(fx.rows, keep);
    const allowedRows = fx.label.filter((l) => set.has(l)).length;
    const { truth, dist } = oracle(keep);
    let hits = 0;
    for (let q = 0; q < 10; q++) {
      const scan = index.scan(arena, fx.queries.subarray(q * fx.dim, (q + 1) * fx.dim), { ef: 100, allow, twoHop: true });
      const first = await scan.next(K);
      for (const id of first.ids) if (dist(q, id) <= truth.dists[q][K - 1] * (1 + 1e-5)) hits++;
      if (q === 0) {
        const seen = new Set<number>(first.ids);
        for (let b = await scan.next(500); b.ids.length > 0; b = await scan.next(500)) {
          for (const id of b.ids) {
            expect(keep(id)).toBe(true);
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        }
        expect(seen.size).toBe(allowedRows);
      }
      scan.close();
    }
    expect(hits / (10 * K)).toBeGreaterThanOrEqual(0.9);
  });
});
