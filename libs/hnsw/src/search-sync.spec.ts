// searchSync: the bounded, event-loop search returns exactly what the async search returns
// (same graph, same arguments), with and without an allow bitmap, and refuses unbounded work.
import { HnswIndex } from './hnsw-index';
import { fiori } from './testing/fixtures';

const K = 10;

describe('HnswIndex.searchSync', () => {
  const fx = fiori();
  const rows = Math.min(800, fx.rows);
  const arena = { kind: 'memory' as const, dim: fx.dim, rows, data: fx.base.subarray(0, rows * fx.dim) };
  let index: HnswIndex;

  beforeAll(async () => {
    index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'cosine', m: 8, efConstruction: 32, threads: 1 });
  });

  const queryOf = (q: number) => fx.queries.subarray(q * fx.dim, (q + 1) * fx.dim);

  it('matches the async search for every query', async () => {
    for (let q = 0; q < 5; q++) {
      const expected = await index.search(arena, queryOf(q), 1, K, { ef: 40 });
      const got = index.searchSync(arena, queryOf(q), K, { ef: 40 });
      expect(got.counts[0]).toBe(K);
      expect(Array.from(got.ids)).toEqual(Array.from(expected.ids));
      expect(Array.from(got.dists)).toEqual(Array.from(expected.dists));
    }
  });

  it('applies the allow bitmap (only even rows)', async () => {
    const allow = new Uint8Array(Math.ceil(rows / 8)).fill(0b01010101);
    const expected = await index.search(arena, queryOf(1), 1, K, { ef: 64, allow });
    const got = index.searchSync(arena, queryOf(1), K, { ef: 64, allow });
    expect(Array.from(got.ids)).toEqual(Array.from(expected.ids));
    for (const id of got.ids) expect(id % 2).toBe(0);
  });

  it('is bounded: k or ef over 1000 throws, syncSearchable says so', () => {
    expect(HnswIndex.syncSearchable(10, 1000)).toBe(true);
    expect(HnswIndex.syncSearchable(1001, 40)).toBe(false);
    expect(HnswIndex.syncSearchable(10, 1001)).toBe(false);
    expect(() => index.searchSync(arena, queryOf(0), 1001, { ef: 40 })).toThrow(/searchSync is bounded/);
    expect(() => index.searchSync(arena, queryOf(0), K, { ef: 1001 })).toThrow(/searchSync is bounded/);
  });
});
