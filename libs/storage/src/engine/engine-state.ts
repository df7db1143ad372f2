// The engine's in-memory state, shared by commit, recovery, read views and maintenance. Owned
// by one StorageEngine instance (never module-level).
import type { RowCodec } from '../row/row-codec';
import { TableState } from '../table/table-state';
import type { StorageTableDef } from '../table/table-def';
import { serializationFailure, unknownTable } from '../errors';
import type { CommitRecord } from './commit-record';

export class EngineState {
  tables = new Map<number, TableState>();
  /** Highest commit sequence assigned (its WAL record may not be durable yet). */
  lastCommitSeq = 0;
  /** Highest commit sequence whose commit has been acknowledged: new snapshots read at this. */
  visibleSeq = 0;
  nextTableId = 1;
  nextSegmentSeq = 1;
  /** Numbers transactions' temp (spill) files. */
  nextTxFile = 1;
  checkpointLsn = 0;
  /** Latest catalog blob as JSON text (from the checkpoint or a later committed setCatalog). */
  catalogJson = 'null';
  /** Snapshots of open read views and transactions, by handle id: the merge horizon. */
  readonly activeSnapshots = new Map<number, number>();
  private nextHandle = 1;

  constructor(readonly codec: RowCodec) {}

  newSegmentId = (): string => `s${String(this.nextSegmentSeq++).padStart(8, '0')}`;

  addTable(def: StorageTableDef, nextRowId: number): TableState {
    const t = new TableState(def, nextRowId, this.newSegmentId);
    this.tables.set(def.id, t);
    if (def.id >= this.nextTableId) this.nextTableId = def.id + 1;
    return t;
  }

  table(id: number): TableState {
    const t = this.tables.get(id);
    if (!t) throw unknownTable(id);
    return t;
  }

  registerSnapshot(seq: number): number {
    const h = this.nextHandle++;
    this.activeSnapshots.set(h, seq);
    return h;
  }

  unregisterSnapshot(handle: number): void {
    this.activeSnapshots.delete(handle);
  }

  /** Rows deleted at or before this are invisible to every current and future reader. */
  oldestActiveSnapshot(): number {
    let min = this.visibleSeq;
    for (const s of this.activeSnapshots.values()) if (s < min) min = s;
    return min;
  }

  /**
   * First-committer-wins check before a commit is logged: every row a transaction deletes (or
   * updates) must be visible to its snapshot and not deleted by anyone else since.
   */
  checkConflicts(rec: CommitRecord, snapshot: number): void {
    this.checkDeleteConflicts(
      rec.ops.filter((op): op is Extract<typeof op, { kind: 'delete' }> => op.kind === 'delete'),
      snapshot,
    );
  }

  /** checkConflicts over the rows a transaction deletes. */
  checkDeleteConflicts(deletes: Iterable<{ tableId: number; rowId: number }>, snapshot: number): void {
    for (const op of deletes) {
      const t = this.table(op.tableId);
      const found = t.find(op.rowId);
      if (!found || found.seg.xmin(found.i) > snapshot) {
        throw serializationFailure('could not serialize access due to concurrent update', {
          detail: `row ${op.rowId} of table ${t.def.name} is not visible to this transaction`,
        });
      }
      if (found.seg.xmax(found.i) !== 0) {
        throw serializationFailure('could not serialize access due to concurrent update', {
          detail: `row ${op.rowId} of table ${t.def.name} was deleted by another transaction`,
        });
      }
    }
  }
}
