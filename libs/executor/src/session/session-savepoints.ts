// SAVEPOINT / RELEASE / ROLLBACK TO over one session transaction. A savepoint remembers the
// storage transaction's buffered writes, the catalog's working state (CatalogTransaction keeps
// its own stack under the same names), the storage tables created/dropped so far and the
// session settings; ROLLBACK TO restores all four and keeps the savepoint, RELEASE forgets it
// and every later one. Names may repeat: the latest definition wins, as in PostgreSQL.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { TransactionStmt } from '@vecgres/sql';
import type { TransactionSavepoint } from '@vecgres/storage';
import type { EngineSink } from './result-sink';
import type { SessionTransaction } from './session-tx';
import type { SessionSettings } from './settings';
import { vectorIndexOids } from '../vector-index/ann-orphans';

export interface SessionSavepoint {
  name: string;
  storage: TransactionSavepoint;
  newTables: ReadonlyMap<number, number>;
  droppedTables: ReadonlySet<number>;
  settings: ReadonlyMap<string, string>;
}

const COMMAND: Record<string, string> = { savepoint: 'SAVEPOINT', rollbackTo: 'ROLLBACK TO SAVEPOINT', release: 'RELEASE SAVEPOINT' };

function find(tx: SessionTransaction, name: string): number {
  for (let i = tx.savepoints.length - 1; i >= 0; i--) if (tx.savepoints[i].name === name) return i;
  throw new SqlError(SQLSTATE.S_E_INVALID_SPECIFICATION, `savepoint "${name}" does not exist`);
}

/**
 * Runs SAVEPOINT / RELEASE / ROLLBACK TO. `tx` is the explicit block (undefined outside one:
 * PostgreSQL's 25P01 error, also inside an implicit multi-statement transaction).
 */
export function savepointCommand(tx: SessionTransaction | undefined, stmt: TransactionStmt, settings: SessionSettings, sink: EngineSink): void {
  if (!tx) {
    throw new SqlError(SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, `${COMMAND[stmt.action]} can only be used in transaction blocks`);
  }
  const name = stmt.name ?? '';
  switch (stmt.action) {
    case 'savepoint':
      tx.catalog.savepoint(name);
      tx.savepoints.push({
        name,
        storage: tx.storage.savepoint(),
        newTables: new Map(tx.newTables),
        droppedTables: new Set(tx.droppedTables),
        settings: settings.snapshot(),
      });
      sink.complete('SAVEPOINT');
      return;
    case 'release':
      tx.savepoints.length = find(tx, name);
      tx.catalog.release(name);
      sink.complete('RELEASE');
      return;
    case 'rollbackTo': {
      const i = find(tx, name);
      const sp = tx.savepoints[i];
      tx.savepoints.length = i + 1;
      tx.catalog.rollbackTo(name);
      // hnsw / ivfflat files of indexes created after the savepoint go with them.
      void tx.db.annIndexes.endTransaction(tx, false, vectorIndexOids(tx.catalog.state));
      tx.storage.rollbackTo(sp.storage);
      tx.newTables.clear();
      for (const [oid, id] of sp.newTables) tx.newTables.set(oid, id);
      tx.droppedTables.clear();
      for (const oid of sp.droppedTables) tx.droppedTables.add(oid);
      settings.restore(sp.settings);
      sink.complete('ROLLBACK');
      return;
    }
    default:
      throw new SqlError(SQLSTATE.INTERNAL_ERROR, `unexpected transaction action ${stmt.action}`);
  }
}
