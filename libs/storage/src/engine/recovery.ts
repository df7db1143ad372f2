// Start-up recovery: load the last checkpoint (manifest + sealed segments, each verified), then
// replay the WAL after it to rebuild the mutable segments and later deletes/DDL, cutting off a
// torn tail. The summary says what happened, for the server log.
import { segmentDir, walDir } from '../data-dir/layout';
import { dataCorrupted } from '../errors';
import { SealedSegment } from '../segment/sealed-segment';
import { openWal } from '../wal/open-wal';
import { WalRecordType } from '../wal/wal-format';
import type { WalStop } from '../wal/wal-reader';
import type { WalWriter, WalWriterOptions } from '../wal/wal-writer';
import { type ReplayContext, applyCommit } from './apply-commit';
import { decodeCommit } from './commit-record';
import type { EngineContext } from './engine-context';
import { emptyManifest, readManifest } from './manifest';
import { replayStartLsn } from './persist-manifest';
import { ReplayGroups } from './replay-groups';

export interface RecoverySummary {
  /** False for a new data directory (no manifest yet). */
  hadCheckpoint: boolean;
  checkpointLsn: number;
  /** First LSN replayed and the last valid LSN found. */
  replayFromLsn: number;
  lastLsn: number;
  /** Commit records replayed, and what they re-applied. */
  commitsReplayed: number;
  rowsInserted: number;
  rowsDeleted: number;
  ddl: number;
  tables: number;
  sealedSegments: number;
  /** Set when the WAL ended in a torn or corrupt record (cut off, with everything after it). */
  walStop?: WalStop;
  /** WAL files truncated or deleted because of walStop. */
  walRepaired: string[];
  lastCommitSeq: number;
  /** Large transactions whose TxData records were found without their Commit record: discarded. */
  transactionsDiscarded?: number;
}

export async function recover(
  base: Omit<EngineContext, 'wal'>,
  walOpts: WalWriterOptions,
): Promise<{ wal: WalWriter; summary: RecoverySummary }> {
  const { fs, native, dataDir, state } = base;
  const found = await readManifest(fs, native, dataDir);
  const m = found ?? emptyManifest(base.formatVersion);
  state.checkpointLsn = m.checkpointLsn;
  state.lastCommitSeq = m.lastCommitSeq;
  state.nextTableId = m.nextTableId;
  state.nextSegmentSeq = m.nextSegmentSeq;
  state.catalogJson = JSON.stringify(m.catalog ?? null);
  let sealedSegments = 0;
  const ctx: ReplayContext = { insertsFrom: new Map(), checkpointLsn: m.checkpointLsn, droppedTables: new Set() };
  for (const mt of m.tables) {
    const t = state.addTable(mt.def, mt.nextRowId);
    t.sealedBeforeLsn = mt.insertsFromLsn;
    ctx.insertsFrom.set(mt.def.id, mt.insertsFromLsn);
    for (const ms of mt.segments) {
      const seg = await SealedSegment.open(fs, native, segmentDir(dataDir, mt.def.id, ms.id), ms.deletes);
      if (seg.rowCount() !== ms.rows) {
        throw dataCorrupted(`segment "${seg.dir}" has ${seg.rowCount()} rows, the manifest says ${ms.rows}`);
      }
      t.sealed.push(seg);
      sealedSegments++;
    }
  }
  const fromLsn = replayStartLsn(m);
  let commits = 0;
  let rowsInserted = 0;
  let rowsDeleted = 0;
  let ddl = 0;
  const groups = new ReplayGroups(state, ctx);
  const { writer, scan, repaired } = await openWal(fs, native, walDir(dataDir), {
    ...walOpts,
    fromLsn,
    minNextLsn: m.checkpointLsn + 1,
    onRecord: (rec) => {
      if (rec.type !== WalRecordType.Commit && rec.type !== WalRecordType.TxData) return;
      let decoded;
      try {
        decoded = decodeCommit(rec.payload);
      } catch (e) {
        throw dataCorrupted(`WAL record at LSN ${rec.lsn} passed its checksum but cannot be decoded`, { cause: e });
      }
      if (rec.type === WalRecordType.TxData) {
        groups.data(decoded, rec.lsn);
        return;
      }
      const run = groups.commit(decoded);
      if (run) {
        rowsInserted += run.inserts;
        rowsDeleted += run.deletes;
        ddl += run.ddl;
      }
      const c = applyCommit(state, decoded, rec.lsn, ctx);
      commits++;
      rowsInserted += c.inserts;
      rowsDeleted += c.deletes;
      ddl += c.ddl;
    },
  });
  groups.finish();
  // Everything recovered was durable (it was read back from disk): it is all visible.
  state.visibleSeq = state.lastCommitSeq;
  return {
    wal: writer,
    summary: {
      hadCheckpoint: found !== null,
      checkpointLsn: m.checkpointLsn,
      replayFromLsn: fromLsn,
      lastLsn: writer.nextLogSequence - 1,
      commitsReplayed: commits,
      rowsInserted,
      rowsDeleted,
      ddl,
      tables: state.tables.size,
      sealedSegments,
      ...(scan.stop ? { walStop: scan.stop } : {}),
      walRepaired: repaired,
      lastCommitSeq: state.lastCommitSeq,
      transactionsDiscarded: groups.discarded,
    },
  };
}
