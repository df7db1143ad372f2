// The adapter contract, on a tiny synthetic set: every engine builds, reports its stats, and
// returns k distinct in-range ids per query that match the exact neighbours at a wide ef.
import { tinyDataset } from '../testing/tiny-dataset';
import { meanRecall } from '../metrics';
import type { AnnEngine, AnnMetric } from '../types';
import { createEngine, type EngineName } from './registry';

jest.setTimeout(60_000);

const ENGINES: EngineName[] = ['vecgres', 'hnswlib', 'usearch'];
const K = 10;

async function answers(engine: AnnEngine, nq: number, k: number): Promise<ArrayLike<number>[]> {
  const out: ArrayLike<number>[] = [];
  for (let q = 0; q < nq; q++) out.push(await engine.search(q, k));
  return out;
}

describe.each(ENGINES.map((e) => [e]))('%s adapter', (name) => {
  it.each([['l2'], ['cosine']] as [AnnMetric][])('builds and answers k ids per query (%s)', async (metric) => {
    const ds = tinyDataset({ metric });
    const engine = createEngine(name);
    try {
      const stats = await engine.build({ base: ds.base, n: ds.n, dim: ds.dim, metric, m: 8, efConstruction: 64, threads: 2 });
      expect(stats.buildMs).toBeGreaterThan(0);
      expect(stats.threadsUsed).toBeGreaterThanOrEqual(1);
      // The serialized index holds at least the vectors.
      expect(stats.indexBytes).toBeGreaterThan(ds.n * ds.dim * 4);
      await engine.prepareQueries(ds.queries, ds.nq);
      await engine.setEf(200);
      const found = await answers(engine, ds.nq, K);
      for (const ids of found) {
        expect(ids.length).toBe(K);
        expect(new Set(Array.from(ids)).size).toBe(K);
        for (const id of Array.from(ids)) {
          expect(Number.isInteger(id)).toBe(true);
          expect(id).toBeGreaterThanOrEqual(0);
          expect(id).toBeLessThan(ds.n);
        }
      }
      // ef=200 over 400 rows is all but exhaustive: the answers are the exact neighbours.
      expect(meanRecall(found, ds.gt, ds.gtD, K)).toBeGreaterThanOrEqual(0.98);
      // A narrower beam changes what the engine does, and still answers k ids.
      await engine.setEf(K);
      for (const ids of await answers(engine, ds.nq, K)) expect(ids.length).toBe(K);
    } finally {
      await engine.close();
    }
  });

  it('fails clearly when searched before build', async () => {
    const engine = createEngine(name);
    try {
      await expect(engine.setEf(10)).rejects.toThrow(/build\(\) first/);
    } finally {
      await engine.close();
    }
  });
});
