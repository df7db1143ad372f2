// Incremental add after build (a mutable segment's growing arena), progress, cancellation, and
// the resumable scan (hnsw.iterative_scan).
import { HnswIndex } from './hnsw-index';
import { fashionSlice, fiori } from './testing/fixtures';
import { allowBitmap, bruteForce, oracleDistance, recallAtK } from './testing/oracle';

const K = 10;

describe('HnswIndex incremental add', () => {
  const fx = fashionSlice();

  it('build on half the rows, add the rest from a grown arena: recall over all rows', async () => {
    const half = { kind: 'memory' as const, dim: fx.dim, rows: 1000, data: fx.base.slice(0, 1000 * fx.dim) };
    const index = await HnswIndex.build(half, { dim: fx.dim, elem: 'f32', metric: 'l2sq', threads: 2 });
    expect(index.nodes).toBe(1000);
    const full = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: fx.base };
    const seen: number[] = [];
    await index.add(full, 1000, fx.rows, { threads: 2, onProgress: (done, total) => seen.push(done / total) });
    expect(index.nodes).toBe(fx.rows);
    expect(seen[seen.length - 1]).toBe(1);
    const nq = 40;
    const out = await index.search(full, fx.queries, nq, K, { ef: 64 });
    const truth = bruteForce('f32', 'l2sq', fx.dim, fx.base, fx.rows, fx.queries, nq, K);
    const dist = (q: number, id: number) => oracleDistance('f32', 'l2sq', fx.dim, fx.queries, q, fx.base, id);
    expect(recallAtK(out, K, truth, dist)).toBeGreaterThanOrEqual(0.95);
    // New rows are reachable: each added row finds itself.
    const probe = fx.base.slice(1500 * fx.dim, 1501 * fx.dim);
    expect((await index.search(full, probe, 1, 1)).ids[0]).toBe(1500);
  });

  it('a set stop flag cancels with 57014, before or during the build', async () => {
    const arena = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: fx.base };
    const stop = new Int32Array(1);
    stop[0] = 1;
    await expect(HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'l2sq', stop })).rejects.toMatchObject({
      code: 'CANCELLED',
      sqlstate: '57014',
    });
    const index = HnswIndex.create({ dim: fx.dim, elem: 'f32', metric: 'l2sq' });
    const flag = new Int32Array(1);
    // Raised from the first progress report, i.e. while the native build runs.
    const pending = index.add(arena, 0, fx.rows, {
      threads: 1,
      stop: flag,
      progressIntervalMs: 1,
      onProgress: () => Atomics.store(flag, 0, 1),
    });
    await expect(pending).rejects.toMatchObject({ sqlstate: '57014' });
  });
});

describe('HnswIndex resumable scan', () => {
  const fx = fiori();
  const arena = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: fx.base };
  let index: HnswIndex;
  beforeAll(async () => {
    index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'cosine', m: 8, threads: 2 });
  });

  async function drain(scan: ReturnType<HnswIndex['scan']>, batch: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const b = await scan.next(batch);
      if (b.ids.length === 0) break;
      ids.push(...b.ids);
    }
    scan.close();
    return ids;
  }

  it('run to the end returns every row exactly once; the first batch is the top 10', async () => {
    const ids = await drain(index.scan(arena, fx.queries.subarray(0, fx.dim), { ef: 40 }), 25);
    expect(ids.length).toBe(fx.rows);
    expect(new Set(ids).size).toBe(fx.rows);
    const truth = bruteForce('f32', 'cosine', fx.dim, fx.base, fx.rows, fx.queries, 1, K);
    const first = { ids: Uint32Array.from(ids.slice(0, K)), dists: new Float32Array(K), counts: Uint32Array.of(K) };
    const dist = (q: number, id: number) => oracleDistance('f32', 'cosine', fx.dim, fx.queries, q, fx.base, id);
    expect(recallAtK(first, K, truth, dist)).toBeGreaterThanOrEqual(0.9);
  });

  it('with an allow bitmap returns every allowed row exactly once, and nothing else', async () => {
    const keep = (r: number) => r % 7 === 2;
    const scan = index.scan(arena, fx.queries.subarray(fx.dim, 2 * fx.dim), { ef: 20, allow: allowBitmap(fx.rows, keep) });
    const ids = await drain(scan, 10);
    const want = Array.from({ length: fx.rows }, (_, r) => r).filter(keep);
    expect(ids.slice().sort((a, b) => a - b)).toEqual(want);
  });

  it('maxVisited bounds the scan; a closed scan returns nothing', async () => {
    const ids = await drain(index.scan(arena, fx.queries.subarray(0, fx.dim), { ef: 10, maxVisited: 60 }), 1000);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(60);
    const scan = index.scan(arena, fx.queries.subarray(0, fx.dim));
    scan.close();
    expect((await scan.next(5)).ids.length).toBe(0);
  });
});
