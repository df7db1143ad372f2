import * as fs from 'node:fs';
import * as path from 'node:path';

import { FORMAT_VERSION, VERSION_FILE } from '../data-dir/layout';
import { createItems, openEngine, vec, visibleKeys } from '../testing/engine-fixtures';
import { countingFs } from '../testing/counting-fs';
import { testNative } from '../testing/native';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';
import type { StorageEngine } from './storage-engine';

async function insertKeys(engine: StorageEngine, t: number, keys: number[]): Promise<number[]> {
  const tx = engine.begin();
  const ids = keys.map((k) => tx.insert(t, { k, tag: `r${k}`, emb: k % 5 === 0 ? null : vec(4, k) }));
  await tx.commit();
  return ids;
}

function segmentDirs(dir: string, t: number): string[] {
  const root = path.join(dir, 'segments', `t${t}`);
  return fs.existsSync(root) ? fs.readdirSync(root).filter((d) => !d.endsWith('.tmp')).sort() : [];
}

describe('durability: recovery, seal, checkpoint, merge', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('replays committed transactions after a restart; uncommitted ones leave nothing', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    await insertKeys(engine, t, [1, 2, 3]);
    const open = engine.begin();
    open.insert(t, { k: 99, emb: null }); // never committed
    const cat = engine.begin();
    cat.setCatalog({ tables: ['items'] });
    await cat.commit();
    await engine.close();

    const { engine: e2, recovery } = await openEngine(dir);
    expect(recovery).toMatchObject({ hadCheckpoint: false, commitsReplayed: 3, rowsInserted: 3, tables: 1 });
    expect(recovery.walStop).toBeUndefined();
    expect(visibleKeys(e2, t)).toEqual([1, 2, 3]);
    expect(e2.catalog()).toEqual({ tables: ['items'] });
    const v = e2.snapshot();
    const rows = [...v.table(t).rows()];
    expect(rows.find((r) => r.values.k === 2)?.values).toEqual({ k: 2, tag: 'r2', emb: vec(4, 2) });
    v.release();
    await e2.close();
  });

  it('drops a torn last commit at recovery and reports where the WAL stopped', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    await insertKeys(engine, t, [1]);
    await insertKeys(engine, t, [2, 3]);
    await engine.close();
    const walPath = path.join(dir, 'wal', fs.readdirSync(path.join(dir, 'wal'))[0]);
    const size = fs.statSync(walPath).size;
    fs.truncateSync(walPath, size - 5);
    const { engine: e2, recovery } = await openEngine(dir);
    expect(recovery.walStop).toMatchObject({ reason: 'short-record', lsn: 3 });
    expect(recovery.walRepaired).toEqual([path.basename(walPath)]);
    expect(visibleKeys(e2, t)).toEqual([1]);
    // The next commit reuses LSN 3 on a clean tail.
    await insertKeys(e2, t, [4]);
    await e2.close();
    const { engine: e3, recovery: r3 } = await openEngine(dir);
    expect(r3.walStop).toBeUndefined();
    expect(visibleKeys(e3, t)).toEqual([1, 4]);
    await e3.close();
  });

  it('group commit: concurrent transactions share WAL fsyncs; synchronousCommit off defers them', async () => {
    const cfs = countingFs();
    const { engine } = await openEngine(dir, { fs: cfs });
    const t = await createItems(engine);
    const n = 20;
    const before = cfs.walSyncs();
    const txs = Array.from({ length: n }, (_, k) => {
      const tx = engine.begin();
      tx.insert(t, { k, emb: vec(4, k) });
      return tx;
    });
    await Promise.all(txs.map((tx) => tx.commit()));
    const used = cfs.walSyncs() - before;
    expect(used).toBeGreaterThanOrEqual(1);
    expect(used).toBeLessThan(n / 4);
    expect(visibleKeys(engine, t)).toHaveLength(n);

    engine.synchronousCommit = false;
    const s0 = engine.walStats();
    await insertKeys(engine, t, [100]);
    const s1 = engine.walStats();
    expect(s1.lastWrittenLsn).toBe(s0.lastWrittenLsn + 1);
    expect(s1.lastSyncedLsn).toBe(s0.lastSyncedLsn); // acknowledged before its fsync
    expect(visibleKeys(engine, t)).toContain(100);
    await engine.close(); // close flushes it
    const { engine: e2 } = await openEngine(dir);
    expect(visibleKeys(e2, t)).toContain(100);
    await e2.close();
  });

  it('seals into a verified segment directory, reopens it, and reads vectors through mmap', async () => {
    const native = testNative();
    const { engine } = await openEngine(dir);
    const t = await createItems(engine, 3);
    const keys = Array.from({ length: 50 }, (_, i) => i);
    const tx = engine.begin();
    for (const k of keys) tx.insert(t, { k, emb: k % 5 === 0 ? null : vec(3, k) });
    await tx.commit();
    const sealed = await engine.seal(t);
    expect(sealed?.rows).toBe(50);
    const [segId] = segmentDirs(dir, t);
    const segPath = path.join(dir, 'segments', `t${t}`, segId);
    expect(fs.readdirSync(segPath).sort()).toEqual(
      ['deleted.bitmap', 'meta.json', 'payload.bin', 'rowids.u32', 'vectors.emb.f32', 'vectors.emb.valid', 'xmax.u64', 'xmin.u64'].sort(),
    );
    // The vector file: 64-byte header, then the rows at byte 64.
    const vf = fs.readFileSync(path.join(segPath, 'vectors.emb.f32'));
    expect(vf.subarray(0, 8).toString()).toBe('VGRSVEC1');
    expect(vf.length).toBe(64 + 50 * 3 * 4);
    expect(Array.from(new Float32Array(vf.buffer.slice(vf.byteOffset + 64 + 7 * 12, vf.byteOffset + 64 + 8 * 12)))).toEqual(Array.from(vec(3, 7)));
    // Deletes after sealing do not rewrite the segment.
    const del = engine.begin();
    const victim = [...del.rows(t)].find((r) => r.values.k === 7);
    del.delete(t, victim!.rowId);
    await del.commit();
    await engine.checkpoint({ v: 1 });
    expect(fs.readdirSync(segPath).some((f) => f.startsWith('deletes.'))).toBe(true);
    await engine.close();

    const { engine: e2, recovery } = await openEngine(dir);
    expect(recovery).toMatchObject({ hadCheckpoint: true, sealedSegments: 1, commitsReplayed: 0 });
    expect(visibleKeys(e2, t)).toEqual(keys.filter((k) => k !== 7));
    const v = e2.snapshot();
    const seg = v.table(t).segments[0];
    expect(seg.sealed).toBe(true);
    const arena = seg.vectorArena('emb');
    expect(arena.kind).toBe('mapped');
    if (arena.kind === 'mapped') {
      const row = new Float32Array(3);
      arena.file.readInto(arena.byteOffset + 9 * 12, row);
      expect(Array.from(row)).toEqual(Array.from(vec(3, 9)));
      expect(await native.mappedCrc32c(arena.file, 0, arena.file.byteLength)).toBe(native.crc32c(vf));
    }
    expect(seg.vector('emb', 10)).toBeNull();
    expect(e2.catalog()).toEqual({ v: 1 });
    v.release();
    await e2.close();
  });

  it('a corrupted segment file is refused with an error naming it', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    await insertKeys(engine, t, [1, 2, 3, 4]);
    await engine.seal(t);
    await engine.checkpoint();
    await engine.close();
    const [segId] = segmentDirs(dir, t);
    for (const file of ['vectors.emb.f32', 'payload.bin', 'xmin.u64']) {
      const p = path.join(dir, 'segments', `t${t}`, segId, file);
      const orig = fs.readFileSync(p);
      const bad = Buffer.from(orig);
      bad[bad.length - 1] ^= 0x01;
      fs.writeFileSync(p, bad);
      await expect(openEngine(dir)).rejects.toMatchObject({
        sqlstate: 'XX001',
        message: expect.stringContaining(p),
      });
      fs.writeFileSync(p, orig);
    }
    const { engine: ok } = await openEngine(dir);
    expect(visibleKeys(ok, t)).toEqual([1, 2, 3, 4]);
    await ok.close();
  });

  it('checkpoint truncates the WAL and recovery replays only what follows it', async () => {
    const { engine } = await openEngine(dir, { walSegmentBytes: 512 });
    const t = await createItems(engine);
    for (let k = 0; k < 30; k++) await insertKeys(engine, t, [k]);
    await engine.seal(t);
    const walFiles = () => fs.readdirSync(path.join(dir, 'wal')).length;
    const before = walFiles();
    const cp = await engine.checkpoint({ cat: 'x' });
    expect(cp.walFilesRemoved.length).toBeGreaterThan(0);
    expect(walFiles()).toBeLessThan(before);
    await insertKeys(engine, t, [100, 101]);
    await engine.close();
    const { engine: e2, recovery } = await openEngine(dir);
    expect(recovery).toMatchObject({ checkpointLsn: cp.checkpointLsn, commitsReplayed: 1, rowsInserted: 2 });
    expect(visibleKeys(e2, t)).toEqual([...Array.from({ length: 30 }, (_, i) => i), 100, 101]);
    await e2.close();
  });

  it('merge keeps the live rows, drops rows deleted before the oldest snapshot, and survives restart', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    const ids: number[] = [];
    for (let s = 0; s < 4; s++) {
      ids.push(...(await insertKeys(engine, t, [s * 10, s * 10 + 1, s * 10 + 2])));
      await engine.seal(t);
    }
    const tx = engine.begin();
    tx.delete(t, ids[0]);
    tx.delete(t, ids[4]);
    await tx.commit();
    // An open snapshot taken now still needs rows deleted after it (k = 22 below).
    const old = engine.snapshot();
    const tx2 = engine.begin();
    tx2.delete(t, ids[8]);
    await tx2.commit();
    const live = visibleKeys(engine, t);
    const view = engine.snapshot();
    const sealedIds = view.table(t).segments.filter((s) => s.sealed).map((s) => s.id);
    view.release();
    const res = await engine.merge(t, sealedIds);
    expect(res).toMatchObject({ rowsIn: 12, rowsOut: 10, purged: 2 });
    expect(visibleKeys(engine, t)).toEqual(live);
    // The older snapshot still sees the row deleted after it (its pinned sources stay mapped).
    expect([...old.table(t).rows()].map((r) => r.values.k)).toContain(22);
    old.release();
    await engine.checkpoint();
    expect(segmentDirs(dir, t)).toEqual([res!.into]);
    await engine.close();
    const { engine: e2 } = await openEngine(dir);
    expect(visibleKeys(e2, t)).toEqual(live);
    expect(e2.tableSize(t)).toMatchObject({ sealedSegments: 1, rowVersions: 10, vectorFileBytes: 64 + 10 * 16 });
    await e2.close();
  });

  it('adds extra files to a sealed segment atomically and verifies them on open', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    await insertKeys(engine, t, [1, 2]);
    const s = await engine.seal(t);
    await engine.addSegmentFiles(t, s!.segmentId, { 'hnsw.graph': new Uint8Array([1, 2, 3]) });
    await expect(engine.addSegmentFiles(t, s!.segmentId, { 'meta.json': new Uint8Array(1) })).rejects.toMatchObject({ sqlstate: '22023' });
    expect(Array.from(await engine.readSegmentFile(t, s!.segmentId, 'hnsw.graph'))).toEqual([1, 2, 3]);
    await engine.close();
    const p = path.join(dir, 'segments', `t${t}`, s!.segmentId, 'hnsw.graph');
    fs.writeFileSync(p, new Uint8Array([1, 2, 4]));
    await expect(openEngine(dir)).rejects.toMatchObject({ sqlstate: 'XX001', message: expect.stringContaining(p) });
  });

  it('refuses a data directory of another format version, naming both versions', async () => {
    const { engine } = await openEngine(dir);
    await engine.close();
    fs.writeFileSync(path.join(dir, VERSION_FILE), `${FORMAT_VERSION + 1}\n`);
    const err = await openEngine(dir).catch((e) => e);
    expect(err).toMatchObject({ sqlstate: '55000', severity: 'FATAL', message: 'database files are incompatible with server' });
    expect(err.detail).toContain(`format version ${FORMAT_VERSION + 1}`);
    expect(err.detail).toContain(`this version ${FORMAT_VERSION}`);
  });

  it('locks the data directory against a second opener and takes over a stale lock', async () => {
    const { engine } = await openEngine(dir);
    await expect(openEngine(dir)).rejects.toMatchObject({ sqlstate: '55006' });
    await engine.close();
    fs.writeFileSync(path.join(dir, 'vecgres.pid'), '999999999\n'); // no such process
    const { engine: e2 } = await openEngine(dir);
    await e2.close();
  });
});
