// ALTER TABLE ADD COLUMN of a vector column (Transaction.addVectorColumn) across the mutable
// segment, sealed segments that predate the column, WAL replay, checkpoints and merges; and
// sealed payloads read from the mapping rather than held in the heap.
import { createItems, openEngine, vec } from '../testing/engine-fixtures';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';
import { segmentTopK } from '../table/segment-top-k';
import type { StorageEngine } from './storage-engine';

/** k -> v2 of the visible rows (null when NULL), sorted by k. */
function v2ByKey(engine: StorageEngine, t: number): Array<[number, number[] | null]> {
  const view = engine.snapshot();
  try {
    return [...view.table(t).rows()]
      .map((r): [number, number[] | null] => [r.values.k as number, r.values.v2 ? Array.from(r.values.v2 as Float32Array) : null])
      .sort((a, b) => a[0] - b[0]);
  } finally {
    view.release();
  }
}

async function insert(engine: StorageEngine, t: number, keys: number[], v2 = false): Promise<void> {
  const tx = engine.begin();
  for (const k of keys) tx.insert(t, { k, emb: vec(4, k), ...(v2 ? { v2: [k, k + 1, k + 2] } : {}) });
  await tx.commit();
}

describe('addVectorColumn', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('adds a NULL column to existing rows, fills it for new ones, and survives replay, checkpoint and merge', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    await insert(engine, t, [1, 2, 3]);
    await engine.seal(t); // a sealed segment without the column
    await insert(engine, t, [4]); // a mutable row without it

    const tx = engine.begin();
    tx.addVectorColumn(t, { name: 'v2', dim: 3 });
    expect(() => tx.addVectorColumn(t, { name: 'v2', dim: 3 })).toThrow(/already has a vector column/);
    const id5 = tx.insert(t, { k: 5, emb: vec(4, 5), v2: [5, 6, 7] });
    expect(Array.from(tx.get(t, id5)?.values.v2 as Float32Array)).toEqual([5, 6, 7]);
    expect(() => tx.insert(t, { k: 6, v2: [1, 2] })).toThrow(/expected 3 dimensions/);
    // Others do not see the column before the commit.
    expect(engine.snapshot().table(t).def.vectorColumns.map((c) => c.name)).toEqual(['emb']);
    await tx.commit();
    await insert(engine, t, [6], true);

    const expected: Array<[number, number[] | null]> = [[1, null], [2, null], [3, null], [4, null], [5, [5, 6, 7]], [6, [6, 7, 8]]];
    expect(v2ByKey(engine, t)).toEqual(expected);
    // The old sealed segment has no file for it: NULL validity, an empty arena, no top-k rows.
    const view = engine.snapshot();
    const old = view.table(t).segments[0];
    expect(old.sealed).toBe(true);
    expect(old.vectorValidity('v2')).toEqual(new Uint8Array(1));
    expect((await segmentTopK({ segment: old, column: 'v2', metric: 'l2sq', query: new Float32Array(3), k: 3, ids: new Uint32Array([0, 1, 2]) })).positions).toHaveLength(0);
    view.release();
    await engine.close();

    // WAL replay (no checkpoint yet) rebuilds the column.
    const r1 = await openEngine(dir);
    expect(r1.engine.snapshot().table(t).def.vectorColumns).toEqual([{ name: 'emb', dim: 4 }, { name: 'v2', dim: 3 }]);
    expect(v2ByKey(r1.engine, t)).toEqual(expected);
    // Seal the mutable rows (a segment with the column), merge with the old one, checkpoint.
    await r1.engine.seal(t);
    const ids = r1.engine.snapshot().table(t).segments.filter((s) => s.sealed).map((s) => s.id);
    expect(ids).toHaveLength(2);
    const merged = await r1.engine.merge(t, ids);
    expect(merged?.rowsOut).toBe(6);
    await r1.engine.checkpoint();
    expect(v2ByKey(r1.engine, t)).toEqual(expected);
    await r1.engine.close();

    const r2 = await openEngine(dir);
    expect(r2.recovery.commitsReplayed).toBe(0);
    expect(r2.engine.snapshot().table(t).def.vectorColumns.map((c) => c.name)).toEqual(['emb', 'v2']);
    expect(v2ByKey(r2.engine, t)).toEqual(expected);
    await r2.engine.close();
  });

  it('is undone by rollback and by rollback to an earlier savepoint', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    const a = engine.begin();
    a.addVectorColumn(t, { name: 'v2', dim: 3 });
    a.rollback();
    const b = engine.begin();
    const sp = b.savepoint();
    b.addVectorColumn(t, { name: 'v2', dim: 3 });
    b.rollbackTo(sp);
    b.addVectorColumn(t, { name: 'v2', dim: 2 });
    b.insert(t, { k: 1, v2: [1, 2] });
    await b.commit();
    expect(engine.snapshot().table(t).def.vectorColumns).toEqual([{ name: 'emb', dim: 4 }, { name: 'v2', dim: 2 }]);
    await engine.close();
    const r = await openEngine(dir);
    expect(v2ByKey(r.engine, t)).toEqual([[1, [1, 2]]]);
    await r.engine.close();
  });

  it('keeps sealed payloads out of the heap: only per-row offsets are loaded', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    const big = 'x'.repeat(8000);
    const tx = engine.begin();
    for (let k = 0; k < 200; k++) tx.insert(t, { k, body: `${k}:${big}`, emb: null });
    await tx.commit();
    await engine.seal(t);
    await engine.checkpoint();
    await engine.close();
    const r = await openEngine(dir);
    const size = r.engine.tableSize(t);
    expect(size.otherFileBytes).toBeGreaterThan(200 * 8000);
    // rowids + xmin + xmax + (rows + 1) payload offsets: 28 bytes a row + 8, not the 1.6 MB payloads.
    expect(size.sealedMemoryBytes).toBeLessThan(200 * 64);
    const view = r.engine.snapshot();
    const rows = [...view.table(t).rows()].sort((x, y) => (x.values.k as number) - (y.values.k as number));
    expect(rows.map((x) => x.values.body)).toEqual(Array.from({ length: 200 }, (_, k) => `${k}:${big}`));
    view.release();
    await r.engine.close();
  });
});
