// DDL through the catalog (applyDdl: PostgreSQL's checks, errors and notices) and its storage
// effects in the same transaction: a new table gets a storage table named by its OID, a
// dropped one is dropped, TRUNCATE deletes the visible rows. Effects not listed here (index
// builds, column rewrites, constraint validation) are the next session's work: they are
// accepted in the catalog and have no storage action yet.
import { Catalog, applyDdl, resetSequence, type DdlStmt, type ResolveContext } from '@vecgres/catalog';
import { notSupported } from '@vecgres/errors';
import type { EngineSink } from './result-sink';
import type { SessionTransaction } from './session-tx';
import { ddlTag } from './command-tag';

export function executeDdl(tx: SessionTransaction, stmt: DdlStmt, resolve: ResolveContext, sink: EngineSink): void {
  if (stmt.kind === 'createTable' && stmt.as) throw notSupported('CREATE TABLE ... AS is not supported yet');
  const result = tx.catalog.apply((state) => applyDdl(state, stmt, { ...resolve, registry: tx.db.registry }));
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'createRelation':
        if (effect.kind === 'r') tx.newTables.set(effect.oid, tx.storage.createTable({ name: String(effect.oid) }));
        break;
      case 'resetSequence': {
        const seq = new Catalog(result.state).relation(effect.sequence);
        if (seq?.kind === 'S') resetSequence(tx.db.sequences, seq);
        tx.usedSequences = true;
        break;
      }
      case 'dropRelation': {
        if (effect.kind === 'S') tx.db.sequences.delete(effect.oid);
        if (effect.kind !== 'r') break;
        const id = tx.storageIdOf(effect.oid);
        if (id !== undefined) tx.storage.dropTable(id);
        tx.newTables.delete(effect.oid);
        tx.droppedTables.add(effect.oid);
        break;
      }
      case 'truncate':
        for (const oid of effect.tables) {
          const id = tx.storageIdOf(oid);
          if (id === undefined) continue;
          for (const r of [...tx.storage.rows(id)]) tx.storage.delete(id, r.rowId);
        }
        break;
      default:
        break;
    }
  }
  for (const n of result.notices) sink.notice?.(n);
  sink.complete(ddlTag(stmt));
}
