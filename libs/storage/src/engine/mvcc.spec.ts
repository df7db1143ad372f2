import { makeTempDir, removeTempDir } from '../testing/temp-dir';
import { createItems, openEngine, vec, visibleKeys } from '../testing/engine-fixtures';
import type { StorageEngine } from './storage-engine';

describe('MVCC transactions', () => {
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

  it('readers never see a transaction before it commits, nor half of it', async () => {
    const before = engine.snapshot();
    const tx = engine.begin();
    for (let k = 0; k < 10; k++) tx.insert(t, { k, emb: vec(4, k) });
    // The writer sees its own rows; nobody else does.
    expect([...tx.rows(t)].length).toBe(10);
    expect(visibleKeys(engine, t)).toEqual([]);
    const pending = tx.commit();
    // Logged and applied in memory, but not acknowledged yet: still invisible to new readers.
    expect(visibleKeys(engine, t)).toEqual([]);
    await pending;
    expect(visibleKeys(engine, t)).toHaveLength(10);
    // A snapshot taken before the commit keeps its view.
    expect(before.table(t).count()).toBe(0);
    before.release();
  });

  it('update creates a new version; old snapshots keep the old one', async () => {
    const tx = engine.begin();
    const id = tx.insert(t, { k: 1, name: 'a', emb: vec(4, 1) });
    await tx.commit();
    const old = engine.snapshot();
    const tx2 = engine.begin();
    const id2 = tx2.update(t, id, { k: 1, name: 'b', emb: vec(4, 2) });
    expect(id2).not.toBe(id);
    await tx2.commit();
    const now = engine.snapshot();
    expect(old.table(t).get(id)?.values.name).toBe('a');
    expect(old.table(t).get(id2)).toBeNull();
    expect(now.table(t).get(id)).toBeNull();
    const row = now.table(t).get(id2);
    expect(row?.values.name).toBe('b');
    expect(Array.from(row?.values.emb as Float32Array)).toEqual(Array.from(vec(4, 2)));
    old.release();
    now.release();
  });

  it('first committer wins on a concurrent update (40001)', async () => {
    const tx = engine.begin();
    const id = tx.insert(t, { k: 1, emb: null });
    await tx.commit();
    const a = engine.begin();
    const b = engine.begin();
    a.update(t, id, { k: 2, emb: null });
    b.delete(t, id);
    await a.commit();
    await expect(b.commit()).rejects.toMatchObject({ sqlstate: '40001' });
    expect(visibleKeys(engine, t)).toEqual([2]);
  });

  it('rollback leaves nothing, and deleting an own insert cancels it', async () => {
    const tx = engine.begin();
    tx.insert(t, { k: 1, emb: vec(4, 1) });
    tx.rollback();
    const tx2 = engine.begin();
    const id = tx2.insert(t, { k: 2, emb: vec(4, 2) });
    tx2.insert(t, { k: 3, emb: vec(4, 3) });
    tx2.delete(t, id);
    await tx2.commit();
    expect(visibleKeys(engine, t)).toEqual([3]);
  });

  it('rejects wrong vector dimensions and unknown tables with SQLSTATEs', () => {
    const tx = engine.begin();
    expect(() => tx.insert(t, { k: 1, emb: new Float32Array(3) })).toThrow(expect.objectContaining({ sqlstate: '22023' }));
    expect(() => tx.insert(999, { k: 1 })).toThrow(expect.objectContaining({ sqlstate: '42P01' }));
    tx.rollback();
  });

  it('visibility bitmaps per segment follow the snapshot', async () => {
    const tx = engine.begin();
    const ids = [0, 1, 2, 3].map((k) => tx.insert(t, { k, emb: vec(4, k) }));
    await tx.commit();
    const s1 = engine.snapshot();
    const tx2 = engine.begin();
    tx2.delete(t, ids[1]);
    await tx2.commit();
    const s2 = engine.snapshot();
    const seg1 = s1.table(t).segments.at(-1);
    const seg2 = s2.table(t).segments.at(-1);
    expect(Array.from(seg1?.visibleBitmap(s1.snapshot) ?? [])).toEqual([0b1111]);
    expect(Array.from(seg2?.visibleBitmap(s2.snapshot) ?? [])).toEqual([0b1101]);
    s1.release();
    s2.release();
  });

  it('a sealed segment\'s bitmap is reused per snapshot, never shared, and follows later deletes', async () => {
    const tx = engine.begin();
    const ids = [0, 1, 2, 3, 4].map((k) => tx.insert(t, { k, emb: vec(4, k) }));
    await tx.commit();
    await engine.seal(t);
    const s1 = engine.snapshot();
    const seg = s1.table(t).segments.find((g) => g.sealed && g.findRow(ids[0]) >= 0)!;
    const i2 = seg.findRow(ids[2]);
    const first = seg.visibleBitmap(s1.snapshot);
    const bitOf = (b: Uint8Array, i: number) => (b[i >>> 3] >>> (i & 7)) & 1;
    expect(bitOf(first, i2)).toBe(1);
    first.fill(0);
    expect(bitOf(seg.visibleBitmap(s1.snapshot), i2)).toBe(1);
    const tx2 = engine.begin();
    tx2.delete(t, ids[2]);
    await tx2.commit();
    const s2 = engine.snapshot();
    const seg2 = s2.table(t).segments.find((g) => g.sealed && g.findRow(ids[0]) >= 0)!;
    expect(bitOf(seg2.visibleBitmap(s2.snapshot), seg2.findRow(ids[2]))).toBe(0);
    expect(bitOf(seg.visibleBitmap(s1.snapshot), i2)).toBe(1);
    expect(bitOf(seg2.visibleBitmap(s2.snapshot), seg2.findRow(ids[2]))).toBe(0);
    s1.release();
    s2.release();
  });
  it('a cached bitmap answers later snapshots only while no delete falls between them', async () => {
    const tx = engine.begin();
    const ids = Array.from({ length: 20 }, (_, k) => tx.insert(t, { k, emb: vec(4, k) }));
    await tx.commit();
    await engine.seal(t);
    const snaps = [engine.snapshot()];
    const del = async (k: number) => {
      const d = engine.begin();
      d.delete(t, ids[k]);
      await d.commit();
      snaps.push(engine.snapshot());
    };
    const other = async () => {
      // A commit that does not touch the segment: the snapshot advances, visibility does not.
      const w = engine.begin();
      w.insert(t, { k: 99, emb: vec(4, 99) });
      await w.commit();
      snaps.push(engine.snapshot());
    };
    await del(3);
    await other();
    await del(5);
    await other();
    // Deleted at snapshot index: row 3 from 1 on, row 5 from 3 on.
    const seg = snaps[4].table(t).segments.find((g) => g.sealed && g.findRow(ids[0]) >= 0)!;
    const bitOf = (b: Uint8Array, i: number) => (b[i >>> 3] >>> (i & 7)) & 1;
    for (const si of [4, 3, 0, 2, 1, 4, 2, 3, 0, 0, 4]) {
      const bits = seg.visibleBitmap(snaps[si].snapshot);
      expect([si, bitOf(bits, seg.findRow(ids[3])), bitOf(bits, seg.findRow(ids[5])), bitOf(bits, seg.findRow(ids[7]))])
        .toEqual([si, si >= 1 ? 0 : 1, si >= 3 ? 0 : 1, 1]);
    }
    for (const s of snaps) s.release();
  });

  it('allAdmitted: every row visible and non-NULL, per snapshot, without a bitmap copy', async () => {
    const tx = engine.begin();
    const ids = Array.from({ length: 12 }, (_, k) => tx.insert(t, { k, emb: vec(4, k) }));
    await tx.commit();
    await engine.seal(t);
    const before = engine.snapshot();
    const d = engine.begin();
    d.delete(t, ids[4]);
    await d.commit();
    const after = engine.snapshot();
    const seg = before.table(t).segments.find((g) => g.sealed && g.findRow(ids[0]) >= 0)!;
    expect(seg.rowCount()).toBe(12); // this segment holds just these rows
    for (const [snap, want] of [[before, true], [after, false], [before, true]] as const) expect(seg.allAdmitted(snap.snapshot, 'emb')).toBe(want);
    // A snapshot taken before the rows were committed sees none of them.
    expect(seg.allAdmitted(0, 'emb')).toBe(false);
    // A NULL vector: not admitted at any snapshot (the mutable segment answers the same way).
    const n = engine.begin();
    n.insert(t, { k: 100, emb: null });
    await n.commit();
    const withNull = engine.snapshot();
    const mutable = withNull.table(t).segments.find((g) => !g.sealed)!;
    expect(mutable.allAdmitted(withNull.snapshot, 'emb')).toBe(false);
    await engine.seal(t);
    const sealed = engine.snapshot();
    const nullSeg = sealed.table(t).segments.filter((g) => g.sealed).at(-1)!;
    expect(nullSeg.allAdmitted(sealed.snapshot, 'emb')).toBe(false);
    for (const s of [before, after, withNull, sealed]) s.release();
  });
});
