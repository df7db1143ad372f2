// Committing a transaction whose writes spilled to its temp file (see tx-log.ts), without
// ever holding all of them in memory:
//
//   under the commit gate (no other commit may log in between) and the maintenance queue:
//   conflict check ─▶ reserve commit seq s
//   for each block of ~4 MiB of ops from the temp file:
//       append TxData(s, ops) to the WAL (wait for the write: bounded WAL buffers)
//       apply to memory (rows stamped s: invisible, s > visibleSeq)
//       a table whose mutable segment crossed the seal threshold: seal it WITHOUT a manifest
//   append Commit(s, dropTable/catalog ops) ─▶ durable ─▶ visibleSeq = s
//   if anything was sealed: the caller queues a manifest write (now it may reference rows of s)
//
// Invariants: a manifest never references a segment holding rows of a commit whose Commit
// record is not durable (we hold the maintenance queue, so no seal/merge/checkpoint writes one
// meanwhile, and we write it only after the commit); the run of TxData records is contiguous
// and directly followed by its Commit record, which is what recovery relies on
// (replay-groups.ts). A failure after the first TxData record poisons the WAL: memory holds
// rows stamped s that must never become visible, so the engine refuses commits until restart.
import { WalRecordType } from '../wal/wal-format';
import { applyCommit } from './apply-commit';
import { decodeCommit, encodeCommit, encodeCommitRaw } from './commit-record';
import type { EngineContext } from './engine-context';
import { sealTable } from './seal';
import type { CommitOptions, CommitResult, SpilledWrites } from './transaction';

/** Ops bytes per TxData record (also what one streaming step holds in memory, a few times over). */
export const TX_DATA_RECORD_BYTES = 1024 * 1024;

export interface SealLimits {
  rows: number;
  bytes: number;
}

export async function streamCommit(
  ctx: EngineContext,
  writes: SpilledWrites,
  snapshot: number,
  opts: CommitOptions,
  limits: SealLimits,
): Promise<CommitResult & { sealed: boolean }> {
  const st = ctx.state;
  st.checkDeleteConflicts(writes.deletes(), snapshot);
  const seq = st.lastCommitSeq + 1;
  st.lastCommitSeq = seq;
  let sealed = false;
  let lsn = 0;
  try {
    for await (const block of writes.blocks(TX_DATA_RECORD_BYTES)) {
      const payload = encodeCommitRaw(seq, block.n, block.ops);
      const appended = ctx.wal.append(WalRecordType.TxData, payload, false);
      const rec = decodeCommit(payload);
      applyCommit(st, rec, appended.lsn);
      await appended.done;
      const touched = new Set<number>();
      for (const op of rec.ops) if (op.kind === 'insert') touched.add(op.tableId);
      for (const id of touched) {
        const t = st.tables.get(id);
        if (!t || (t.mutable.rowCount() < limits.rows && t.mutable.memoryBytes() < limits.bytes)) continue;
        if (await sealTable(ctx, t, { persist: false })) sealed = true;
      }
    }
    const rec = { commitSeq: seq, ops: writes.finalOps };
    const appended = ctx.wal.append(WalRecordType.Commit, encodeCommit(rec), opts.synchronousCommit);
    lsn = appended.lsn;
    applyCommit(st, rec, lsn);
    await appended.done;
  } catch (e) {
    ctx.wal.poison(e);
    throw e;
  }
  if (seq > st.visibleSeq) st.visibleSeq = seq;
  return { commitSeq: seq, lsn, sealed };
}
