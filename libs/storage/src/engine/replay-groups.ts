// Recovery of large transactions logged as a run of TxData records followed by their Commit
// record (see commit-record.ts). The run is applied as it is read (holding it aside would take
// as much memory as the transaction), remembering how to take it back; it is kept when the
// Commit record with the same commitSeq follows, and undone when anything else follows or the
// log ends first (torn, or the server died while streaming it).
//
//   TxData s ─ TxData s ─ ... ─ Commit s      kept
//   TxData s ─ TxData s ─ <end of valid log>  undone
//   TxData s ─ Commit t (t != s) / TxData t   s undone, then t handled
//
// Undo is cheap because nothing else happens in between: a run's records are contiguous (the
// engine lets no other commit in while one streams), recovery never seals, so its inserts are
// the last rows of each mutable segment, and its deletes are remembered one by one. A run only
// ever creates tables (drops and catalog changes are in its Commit record).
import type { WritableSegment } from '../table/table-state';
import { type ApplyCounts, type ReplayContext, applyCommit } from './apply-commit';
import type { CommitRecord } from './commit-record';
import type { EngineState } from './engine-state';

interface PendingRun {
  commitSeq: number;
  /** Per table touched: its mutable segment's row count and mutableFromLsn before the run. */
  marks: Map<number, { rows: number; fromLsn: number | null }>;
  deleted: { seg: WritableSegment; i: number }[];
  created: number[];
  /** Vector columns the run added to existing tables (removed again by undo). */
  addedColumns: { tableId: number; name: string }[];
  counts: ApplyCounts;
}

export class ReplayGroups {
  private pending: PendingRun | null = null;
  /** Runs discarded because their Commit record was missing. */
  discarded = 0;

  constructor(
    private readonly st: EngineState,
    private readonly ctx: ReplayContext,
  ) {}

  /** A TxData record: applied tentatively. Returns nothing: counted once its commit arrives. */
  data(rec: CommitRecord, lsn: number): void {
    if (this.pending && this.pending.commitSeq !== rec.commitSeq) this.undo();
    if (!this.pending) {
      this.pending = { commitSeq: rec.commitSeq, marks: new Map(), deleted: [], created: [], addedColumns: [], counts: { inserts: 0, deletes: 0, ddl: 0 } };
    }
    const run = this.pending;
    for (const op of rec.ops) {
      if (op.kind === 'createTable' && !this.st.tables.has(op.def.id)) run.created.push(op.def.id);
      if (op.kind === 'addVectorColumn' && this.st.tables.get(op.tableId)?.def.vectorColumns.every((c) => c.name !== op.column.name)) {
        run.addedColumns.push({ tableId: op.tableId, name: op.column.name });
      }
      if (op.kind === 'insert' && !run.marks.has(op.tableId)) {
        const t = this.st.tables.get(op.tableId);
        if (t) run.marks.set(op.tableId, { rows: t.mutable.rowCount(), fromLsn: t.mutableFromLsn });
      }
      if (op.kind === 'delete') {
        const found = this.st.tables.get(op.tableId)?.find(op.rowId);
        if (found && found.seg.xmax(found.i) === 0) run.deleted.push(found);
      }
    }
    const c = applyCommit(this.st, rec, lsn, this.ctx);
    run.counts.inserts += c.inserts;
    run.counts.deletes += c.deletes;
    run.counts.ddl += c.ddl;
  }

  /**
   * A Commit record is next: keeps the pending run when it is this commit's (returns what the
   * run applied), undoes it otherwise.
   */
  commit(rec: CommitRecord): ApplyCounts | null {
    const run = this.pending;
    if (!run) return null;
    this.pending = null;
    if (run.commitSeq === rec.commitSeq) return run.counts;
    this.undoRun(run);
    return null;
  }

  /** The log ended: a run still pending never committed. */
  finish(): void {
    this.undo();
  }

  private undo(): void {
    const run = this.pending;
    this.pending = null;
    if (run) this.undoRun(run);
  }

  private undoRun(run: PendingRun): void {
    this.discarded++;
    for (const { seg, i } of run.deleted) seg.setXmax(i, 0);
    for (const [tableId, m] of run.marks) {
      const t = this.st.tables.get(tableId);
      if (!t) continue;
      t.mutable.truncate(m.rows);
      t.mutableFromLsn = m.fromLsn;
    }
    for (const { tableId, name } of run.addedColumns) this.st.tables.get(tableId)?.removeVectorColumn(name);
    for (const id of run.created) {
      this.st.tables.delete(id);
      this.ctx.insertsFrom.delete(id);
    }
    // lastCommitSeq keeps the discarded run's sequence: it is never handed out again, so a
    // later commit cannot be mistaken for this run's Commit record at the next recovery.
  }
}
