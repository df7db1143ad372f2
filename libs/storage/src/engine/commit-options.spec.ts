import { formatRecoverySummary } from './recovery-log';
import type { RecoverySummary } from './recovery';
import { createItems, openEngine, vec, visibleKeys } from '../testing/engine-fixtures';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';

// A session's synchronous_commit maps to a per-commit override of the engine default.
describe('per-commit synchronousCommit', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('synchronousCommit: false acknowledges one commit before its fsync; the default still waits', async () => {
    const { engine } = await openEngine(dir);
    expect(engine.synchronousCommit).toBe(true);
    const t = await createItems(engine);

    const s0 = engine.walStats();
    const fast = engine.begin();
    fast.insert(t, { k: 1, emb: vec(4, 1) });
    await fast.commit({ synchronousCommit: false });
    const s1 = engine.walStats();
    expect(s1.lastWrittenLsn).toBe(s0.lastWrittenLsn + 1);
    expect(s1.lastSyncedLsn).toBe(s0.lastSyncedLsn); // acknowledged before its fsync
    expect(visibleKeys(engine, t)).toEqual([1]);

    const safe = engine.begin();
    safe.insert(t, { k: 2, emb: vec(4, 2) });
    const { lsn } = await safe.commit();
    expect(engine.walStats().lastSyncedLsn).toBeGreaterThanOrEqual(lsn);

    engine.synchronousCommit = false;
    const forced = engine.begin();
    forced.insert(t, { k: 3, emb: vec(4, 3) });
    const r = await forced.commit({ synchronousCommit: true });
    expect(engine.walStats().lastSyncedLsn).toBeGreaterThanOrEqual(r.lsn);
    await engine.close();

    const { engine: e2 } = await openEngine(dir);
    expect(visibleKeys(e2, t)).toEqual([1, 2, 3]);
    await e2.close();
  });
});

describe('formatRecoverySummary', () => {
  it('names the WAL file and offset where replay stopped', () => {
    const line = formatRecoverySummary({
      hadCheckpoint: true, checkpointLsn: 7, replayFromLsn: 8, lastLsn: 12, commitsReplayed: 5, rowsInserted: 40,
      rowsDeleted: 2, ddl: 1, tables: 3, sealedSegments: 4, walRepaired: ['0000000000000001.wal'], lastCommitSeq: 11,
      walStop: { reason: 'bad-crc', file: '0000000000000001.wal', offset: 4096, lsn: 13, laterFiles: [] },
    } as RecoverySummary);
    expect(line).toBe(
      'recovery: checkpoint at LSN 7; replayed 5 commits (LSN 8..12: 40 rows inserted, 2 deleted, 1 DDL); 3 tables, 4 sealed segments; ' +
        'WAL cut at 0000000000000001.wal offset 4096 (LSN 13: bad-crc); repaired 0000000000000001.wal',
    );
  });
});
