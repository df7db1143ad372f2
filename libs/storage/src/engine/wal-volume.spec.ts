// Checkpoint by WAL volume (max_wal_size): once the WAL written since the last checkpoint
// exceeds maxWalBytes, the engine checkpoints (sealing mutable segments first), so old WAL files
// go and recovery replays little, however long the ingest.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { createItems, openEngine, vec } from '../testing/engine-fixtures';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';
import type { StorageEngine } from './storage-engine';

async function ingest(engine: StorageEngine, t: number, batches: number, from = 0): Promise<void> {
  for (let b = 0; b < batches; b++) {
    const tx = engine.begin();
    for (let i = 0; i < 100; i++) tx.insert(t, { k: from + b * 100 + i, emb: vec(64, i) });
    await tx.commit();
  }
}

describe('checkpoint by WAL volume (max_wal_size)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  const walBytes = () => fs.readdirSync(path.join(dir, 'wal')).reduce((n, f) => n + fs.statSync(path.join(dir, 'wal', f)).size, 0);

  it('keeps the WAL near max_wal_size during a long ingest, and recovery replays only the tail', async () => {
    // 40 commits of 100 rows x 64 floats: ~1.1 MB of WAL, with checkpoints every 256 KiB.
    const { engine } = await openEngine(dir, { maxWalBytes: 256 * 1024, walSegmentBytes: 64 * 1024 });
    const t = await createItems(engine, 64);
    let maxWal = 0;
    for (let round = 0; round < 8; round++) {
      await ingest(engine, t, 5, round * 500);
      await engine.idle();
      maxWal = Math.max(maxWal, walBytes());
    }
    expect(engine.walStats().bytesWritten).toBeGreaterThan(1024 * 1024);
    // A checkpoint ran (sealing first) and removed WAL: far less than written remains.
    expect(engine.tableSize(t).sealedSegments).toBeGreaterThan(0);
    expect(maxWal).toBeLessThan(700 * 1024);
    await engine.close();
    const { engine: e2, recovery } = await openEngine(dir);
    expect(recovery.hadCheckpoint).toBe(true);
    expect(recovery.rowsInserted).toBeLessThan(4000);
    const v = e2.snapshot();
    expect(v.table(t).count()).toBe(4000);
    v.release();
    await e2.close();
  }, 60_000);

  it('runs the onMaxWalSize hook instead when set, and never with maxWalBytes = 0', async () => {
    const { engine } = await openEngine(dir, { maxWalBytes: 64 * 1024 });
    const t = await createItems(engine, 64);
    let calls = 0;
    engine.onMaxWalSize = async () => {
      calls++;
      await engine.checkpoint({ from: 'hook' }, { seal: true });
    };
    await ingest(engine, t, 10);
    await engine.idle();
    expect(calls).toBeGreaterThan(0);
    expect(engine.catalog()).toEqual({ from: 'hook' });
    await engine.close();

    const { engine: off } = await openEngine(dir, { maxWalBytes: 0 });
    let offCalls = 0;
    off.onMaxWalSize = async () => {
      offCalls++;
    };
    await ingest(off, t, 10, 1000);
    await off.idle();
    expect(offCalls).toBe(0);
    await off.close();
  }, 60_000);
});
