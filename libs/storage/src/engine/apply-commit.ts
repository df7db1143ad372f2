// Applying a commit record to the in-memory tables, both for a live commit and during WAL
// replay. Replay must be idempotent over records the checkpoint already covers:
//  - inserts below a table's replay point are already in its sealed segments: skipped;
//  - deletes are re-applied (same xmax on the same row) or ignored if a merge dropped the row;
//  - DDL for tables the manifest already has/lacks, or columns it already has, is skipped.
import type { CommitRecord } from './commit-record';
import type { EngineState } from './engine-state';

export interface ReplayContext {
  /** LSN from which inserts of each table must be re-applied (mutableFromLsn, or checkpoint + 1). */
  insertsFrom: Map<number, number>;
  checkpointLsn: number;
  droppedTables: Set<number>;
}

export interface ApplyCounts {
  inserts: number;
  deletes: number;
  ddl: number;
}

export function applyCommit(st: EngineState, rec: CommitRecord, lsn: number, replay?: ReplayContext): ApplyCounts {
  const counts: ApplyCounts = { inserts: 0, deletes: 0, ddl: 0 };
  const seq = rec.commitSeq;
  for (const op of rec.ops) {
    switch (op.kind) {
      case 'createTable':
        if (st.tables.has(op.def.id) || replay?.droppedTables.has(op.def.id)) break;
        if (replay && lsn <= replay.checkpointLsn) break; // created and dropped before the checkpoint
        st.addTable(op.def, 1);
        replay?.insertsFrom.set(op.def.id, lsn);
        counts.ddl++;
        break;
      case 'dropTable': {
        const t = st.tables.get(op.tableId);
        if (!t) break;
        st.tables.delete(op.tableId);
        for (const s of t.sealed) s.drop();
        replay?.droppedTables.add(op.tableId);
        counts.ddl++;
        break;
      }
      case 'insert': {
        const t = st.tables.get(op.tableId);
        if (!t) break;
        if (op.rowId >= t.nextRowId) t.nextRowId = op.rowId + 1;
        if (replay && lsn < (replay.insertsFrom.get(op.tableId) ?? replay.checkpointLsn + 1)) break;
        if (replay && t.find(op.rowId)) break;
        t.mutable.append(op.rowId, seq, op.payload, op.vectors);
        if (t.mutableFromLsn === null) t.mutableFromLsn = lsn;
        counts.inserts++;
        break;
      }
      case 'delete': {
        const t = st.tables.get(op.tableId);
        const found = t?.find(op.rowId);
        if (!found) break;
        found.seg.setXmax(found.i, seq);
        counts.deletes++;
        break;
      }
      case 'catalog':
        if (!replay || lsn > replay.checkpointLsn) st.catalogJson = op.json;
        break;
      case 'addVectorColumn': {
        const t = st.tables.get(op.tableId);
        // Replay over a checkpoint that already has the column: skipped.
        if (!t || t.def.vectorColumns.some((c) => c.name === op.column.name)) break;
        t.addVectorColumn(op.column);
        counts.ddl++;
        break;
      }
    }
  }
  if (seq > st.lastCommitSeq) st.lastCommitSeq = seq;
  return counts;
}
