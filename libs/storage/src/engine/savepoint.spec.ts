import { makeTempDir, removeTempDir } from '../testing/temp-dir';
import { createItems, openEngine, vec, visibleKeys } from '../testing/engine-fixtures';
import type { StorageEngine } from './storage-engine';

const keys = (rows: Iterable<{ values: Record<string, unknown> }>) => [...rows].map((r) => r.values.k as number).sort((a, b) => a - b);

describe('transaction savepoints and snapshot refresh', () => {
  let dir: string;
  let engine: StorageEngine;
  let t: number;
  beforeEach(async () => {
    dir = makeTempDir();
    engine = (await openEngine(dir)).engine;
    t = await createItems(engine);
  });
  afterEach(async () => {
    await engine.close();
    removeTempDir(dir);
  });

  it('rollbackTo discards inserts, updates and deletes made after the savepoint', async () => {
    const setup = engine.begin();
    const a = setup.insert(t, { k: 1, emb: vec(4, 1) });
    setup.insert(t, { k: 2, emb: vec(4, 2) });
    await setup.commit();

    const tx = engine.begin();
    tx.insert(t, { k: 3, emb: vec(4, 3) });
    const sp = tx.savepoint();
    tx.insert(t, { k: 4, emb: vec(4, 4) });
    tx.update(t, a, { k: 10, emb: vec(4, 10) });
    expect(keys(tx.rows(t))).toEqual([2, 3, 4, 10]);
    tx.rollbackTo(sp);
    expect(keys(tx.rows(t))).toEqual([1, 2, 3]);
    // The savepoint stays usable, and row ids are not handed out twice.
    const again = tx.insert(t, { k: 5, emb: vec(4, 5) });
    tx.rollbackTo(sp);
    const third = tx.insert(t, { k: 6, emb: vec(4, 6) });
    expect(third).toBeGreaterThan(again);
    await tx.commit();
    expect(visibleKeys(engine, t)).toEqual([1, 2, 3, 6]);
  });

  it('rollbackTo undoes a table created after the savepoint', async () => {
    const tx = engine.begin();
    const sp = tx.savepoint();
    const nt = tx.createTable({ name: 'later' });
    tx.insert(nt, { k: 1 });
    tx.rollbackTo(sp);
    expect(() => [...tx.rows(nt)]).toThrow();
    await tx.commit();
    expect(engine.tables().map((d) => d.name)).not.toContain('later');
  });

  it('refreshSnapshot sees commits made since, keeping its own writes', async () => {
    const tx = engine.begin();
    tx.insert(t, { k: 1, emb: vec(4, 1) });
    const other = engine.begin();
    other.insert(t, { k: 2, emb: vec(4, 2) });
    await other.commit();
    expect(keys(tx.rows(t))).toEqual([1]);
    const before = tx.snapshot;
    tx.refreshSnapshot();
    expect(tx.snapshot).toBeGreaterThan(before);
    expect(keys(tx.rows(t))).toEqual([1, 2]);
    await tx.commit();
    expect(visibleKeys(engine, t)).toEqual([1, 2]);
  });

  it('a row deleted by another commit still conflicts after a refresh', async () => {
    const setup = engine.begin();
    const a = setup.insert(t, { k: 1, emb: vec(4, 1) });
    await setup.commit();
    const tx = engine.begin();
    tx.delete(t, a);
    const other = engine.begin();
    other.delete(t, a);
    await other.commit();
    tx.refreshSnapshot();
    await expect(tx.commit()).rejects.toMatchObject({ sqlstate: '40001' });
  });
});
