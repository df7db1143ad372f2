// Recall against a brute-force oracle for every element type and metric, on the in-repo
// fixtures (fiori 384-d unit vectors; fashion-mnist slice 2,000 x 784, L2).
import { join } from 'node:path';

import { FIXTURES, fixtureDir, readIvecs } from '@vecgres/datasets';
import type { ElemType, Metric, VectorArray } from '@vecgres/native-bindings';

import { HnswIndex } from './hnsw-index';
import { binaryQuantize, fashionSlice, fiori, toHalf } from './testing/fixtures';
import { bruteForce, decodeHalf, oracleDistance, recallAtK } from './testing/oracle';

const K = 10;

describe('HnswIndex build + search recall', () => {
  const fx = fiori();
  const cases: { elem: ElemType; metric: Metric; min: number }[] = [
    { elem: 'f32', metric: 'l2sq', min: 0.97 },
    { elem: 'f32', metric: 'negdot', min: 0.97 },
    { elem: 'f32', metric: 'cosine', min: 0.97 },
    { elem: 'f32', metric: 'l1', min: 0.95 },
    { elem: 'f16', metric: 'l2sq', min: 0.97 },
    { elem: 'f16', metric: 'negdot', min: 0.97 },
    { elem: 'f16', metric: 'cosine', min: 0.97 },
    { elem: 'f16', metric: 'l1', min: 0.95 },
    { elem: 'bits', metric: 'hamming', min: 0.95 },
    { elem: 'bits', metric: 'jaccard', min: 0.95 },
  ];

  it.each(cases)('$elem / $metric: recall@10 at ef=64 >= $min on fiori', async ({ elem, metric, min }) => {
    const convert = (v: Float32Array, rows: number): VectorArray =>
      elem === 'f32' ? v : elem === 'f16' ? toHalf(v) : binaryQuantize(v, rows, fx.dim);
    const base = convert(fx.base, fx.rows);
    const queries = convert(fx.queries, fx.nq);
    const arena = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: base };
    // One thread and a seed: the graph is reproducible, so the recall asserted is the same every
    // run (a 2-thread build's recall varies by +-0.02 with the interleaving of inserts).
    const index = await HnswIndex.build(arena, { dim: fx.dim, elem, metric, m: 16, efConstruction: 64, threads: 1, seed: 11 });
    expect(index.stats()).toMatchObject({ nodes: fx.rows });
    const out = await index.search(arena, queries, fx.nq, K, { ef: 64 });
    // The oracle sees the values the index sees: halves decoded, bits as packed bytes.
    const ob = elem === 'f16' ? decodeHalf(base as Uint16Array) : base;
    const oq = elem === 'f16' ? decodeHalf(queries as Uint16Array) : queries;
    const truth = bruteForce(elem, metric, fx.dim, ob, fx.rows, oq, fx.nq, K);
    const dist = (q: number, id: number) => oracleDistance(elem, metric, fx.dim, oq, q, ob, id);
    expect(recallAtK(out, K, truth, dist)).toBeGreaterThanOrEqual(min);
    expect(Array.from(out.counts)).toEqual(new Array(fx.nq).fill(K));
    // Distances are the metric's own values, nearest first.
    for (let r = 1; r < K; r++) expect(out.dists[r]).toBeGreaterThanOrEqual(out.dists[r - 1]);
    expect(out.dists[0]).toBeCloseTo(dist(0, out.ids[0]), elem === 'f16' ? 2 : 4);
  });

  it('is exact on a tiny set when ef covers every node', async () => {
    const rows = 50;
    const arena = { kind: 'memory' as const, dim: fx.dim, rows, data: fx.base.subarray(0, rows * fx.dim) };
    const index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'l2sq', m: 4, efConstruction: 16 });
    const out = await index.search(arena, fx.queries, 5, K, { ef: 100 });
    const truth = bruteForce('f32', 'l2sq', fx.dim, arena.data, rows, fx.queries, 5, K);
    for (let q = 0; q < 5; q++) expect(Array.from(out.ids.subarray(q * K, q * K + K))).toEqual(truth.ids[q]);
  });

  it('fashion-mnist slice (784-d L2): recall@10 >= 0.97 at ef=64 against the shipped ground truth', async () => {
    const fs = fashionSlice();
    const gt = readIvecs(join(fixtureDir(FIXTURES.fashionSlice) ?? '', 'gt.ivecs.gz'));
    const arena = { kind: 'memory' as const, dim: fs.dim, rows: fs.rows, data: fs.base };
    const index = await HnswIndex.build(arena, { dim: fs.dim, elem: 'f32', metric: 'l2sq', threads: 2, seed: 7 });
    const out = await index.search(arena, fs.queries, fs.nq, K, { ef: 64 });
    let hits = 0;
    for (let q = 0; q < fs.nq; q++) {
      const want = new Set(Array.from(gt.data.subarray(q * gt.d, q * gt.d + K)));
      for (let r = 0; r < K; r++) if (want.has(out.ids[q * K + r])) hits++;
    }
    expect(hits / (fs.nq * K)).toBeGreaterThanOrEqual(0.97);
  });

  it('empty index and k larger than the graph', async () => {
    const arena = { kind: 'memory' as const, dim: fx.dim, rows: 3, data: fx.base.subarray(0, 3 * fx.dim) };
    const empty = HnswIndex.create({ dim: fx.dim, elem: 'f32', metric: 'cosine' });
    const none = await empty.search(arena, fx.queries, 1, 4);
    expect(none.counts[0]).toBe(0);
    expect(none.ids[0]).toBe(0xffffffff);
    expect(none.dists[0]).toBe(Infinity);
    await empty.add(arena, 0, 3);
    const three = await empty.search(arena, fx.queries, 1, 4);
    expect(three.counts[0]).toBe(3);
    expect(three.ids[3]).toBe(0xffffffff);
  });

  it('rejects bad parameters with SQLSTATE 22023', async () => {
    expect(() => HnswIndex.create({ dim: 3, elem: 'f32', metric: 'l2sq', m: 1 })).toThrow(
      expect.objectContaining({ sqlstate: '22023' }),
    );
    expect(() => HnswIndex.create({ dim: 3, elem: 'bits', metric: 'l2sq' })).toThrow(
      expect.objectContaining({ sqlstate: '22023' }),
    );
    const index = HnswIndex.create({ dim: 3, elem: 'f32', metric: 'l2sq' });
    const arena = { kind: 'memory' as const, dim: 3, rows: 2, data: new Float32Array(6) };
    await expect(index.add(arena, 1, 2)).rejects.toMatchObject({ sqlstate: '22023' });
    await expect(index.add({ ...arena, rows: 5 }, 0, 5)).rejects.toMatchObject({ sqlstate: '22023' });
    expect(() => index.search({ ...arena, dim: 4 }, new Float32Array(4), 1, 1)).rejects.toMatchObject({
      sqlstate: '22023',
    });
  });
});
