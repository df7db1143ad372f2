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
import { isStorageVectorType, storageVectorColumns } from '../storage/vector-columns';
import { annDdlHost, dropAnnIndex } from '../vector-index/ann-index-ddl';

export async function executeDdl(tx: SessionTransaction, stmt: DdlStmt, resolve: ResolveContext, sink: EngineSink, opts: ApplyOptions = {}): Promise<void> {
  // CREATE TABLE ... AS comes through create-table-as.ts, which supplies the query's columns.
  if (stmt.kind === 'createTable' && stmt.as && !opts.asColumns) throw notSupported('CREATE TABLE ... AS is not supported yet');
  const before = tx.catalog.state;
  const registry = tx.db.registry;
  // Index expression types come from the binder (the catalog picks the default opclass by them).
  const result = tx.catalog.apply((state) => applyDdl(state, stmt, {
    ...resolve, registry, sequenceValue: (oid) => tx.db.sequences.get(oid)?.lastValue, typeOfExpr: (expr, table) => typeOfTableExpr({ catalog: new Catalog(state), registry, resolve }, table, expr),
  }, opts));
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'createRelation':
        if (effect.kind === 'r') {
          const vectorColumns = storageVectorColumns(new Catalog(result.state), effect.oid);
          const id = tx.storage.createTable({ name: String(effect.oid), vectorColumns });
          tx.newTables.set(effect.oid, id);
          tx.tables.noteVectorColumns(id, vectorColumns);
        }
        break;
      case 'addColumn': {
        // ALTER TABLE ADD COLUMN of a vector(n): a storage vector column like at CREATE TABLE
        // (existing rows read NULL; a DEFAULT is written by ddl-data-effects through it).
        const catalog = new Catalog(result.state);
        const col = catalog.table(effect.table)?.columns.find((c) => c.attnum === effect.attnum);
        const id = tx.storageIdOf(effect.table);
        if (!col || id === undefined || !isStorageVectorType(catalog, col.type, col.typmod)) break;
        const def = { name: String(effect.attnum), dim: col.typmod };
        tx.storage.addVectorColumn(id, def);
        tx.tables.noteAddedVectorColumn(id, def);
        break;
      }
      case 'resetSequence': {
        const seq = new Catalog(result.state).relation(effect.sequence);
        if (seq?.kind === 'S') resetSequence(tx.db.sequences, seq, effect.value);
        tx.usedSequences = true;
        break;
      }
      case 'dropRelation': {
        if (effect.kind === 'S') tx.db.sequences.delete(effect.oid);
        if (effect.kind === 'i') await dropAnnIndex(annDdlHost(tx), before, effect.oid);
        if (effect.kind !== 'r') break;
        const id = tx.storageIdOf(effect.oid);
        if (id !== undefined) tx.storage.dropTable(id);
        if (id !== undefined) tx.db.annIndexes.forgetTable(id);
        tx.newTables.delete(effect.oid);
        tx.droppedTables.add(effect.oid);
        break;
      }
      case 'truncate':
        for (const oid of effect.tables) {
          const id = tx.storageIdOf(oid);
          if (id === undefined) continue;
          tx.tables.noteWrite(id);
          for (const r of [...tx.storage.rows(id)]) tx.storage.delete(id, r.rowId);
        }
        break;
      default:
        break;
    }
  }
  const dataNotices = await applyDataEffects(tx, result.effects, resolve, before);
  for (const n of [...result.notices, ...dataNotices]) sink.notice?.(n);
  sink.complete(ddlTag(stmt));
}
