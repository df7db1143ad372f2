// DDL through the catalog (applyDdl: PostgreSQL's checks, errors and notices) and its storage
// effects in the same transaction: a new table gets a storage table named by its OID, a
// dropped one is dropped, TRUNCATE deletes the visible rows; column defaults, type rewrites,
// constraint validation and unique index builds are in ddl-data-effects.ts.
import { Catalog, applyDdl, resetSequence, type ApplyOptions, type DdlStmt, type ResolveContext } from '@vecgres/catalog';
import { notSupported } from '@vecgres/errors';
import { typeOfTableExpr } from '@vecgres/planner';
import type { EngineSink } from './result-sink';
import type { SessionTransaction } from './session-tx';
import { ddlTag } from './command-tag';
import { applyDataEffects } from './ddl-data-effects';

export async function executeDdl(tx: SessionTransaction, stmt: DdlStmt, resolve: ResolveContext, sink: EngineSink, opts: ApplyOptions = {}): Promise<void> {
  // CREATE TABLE ... AS comes through create-table-as.ts, which supplies the query's columns.
  if (stmt.kind === 'createTable' && stmt.as && !opts.asColumns) throw notSupported('CREATE TABLE ... AS is not supported yet');
  const before = tx.catalog.state;
  const registry = tx.db.registry;
  // Index expression types come from the binder (the catalog picks the default opclass by them).
  const result = tx.catalog.apply((state) => applyDdl(state, stmt, {
    ...resolve, registry, typeOfExpr: (expr, table) => typeOfTableExpr({ catalog: new Catalog(state), registry, resolve }, table, expr),
  }, opts));
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
  await applyDataEffects(tx, result.effects, resolve, before);
  for (const n of result.notices) sink.notice?.(n);
  sink.complete(ddlTag(stmt));
}
