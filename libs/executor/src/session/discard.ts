// DISCARD TEMP | SEQUENCES | PLANS | ALL (PostgreSQL's discard.c). TEMP drops the session's
// temp schema with its contents; SEQUENCES forgets currval/lastval; PLANS has nothing to drop
// (plans are not cached across statements); ALL does all of them plus RESET ALL, and like
// PostgreSQL refuses to run inside a transaction block (25001).
import type { ResolveContext, SequenceSession } from '@vecgres/catalog';
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { DiscardStmt, SetStmt } from '@vecgres/sql';
import type { EngineSink } from './result-sink';
import type { SessionTransaction } from './session-tx';
import type { SessionSettings } from './settings';
import { dropTempSchema, type OnCommitAction } from './temp-tables';

const RESET_ALL: SetStmt = { kind: 'set', action: 'resetAll', name: 'all', values: [], local: false, location: -1 };

export interface DiscardHost {
  /** The explicit transaction block, if one is open. */
  tx: SessionTransaction | undefined;
  /** The transaction to work in (the block or the implicit one). */
  current(): SessionTransaction;
  settings: SessionSettings;
  sequences: SequenceSession;
  onCommit: Map<number, OnCommitAction>;
  resolve: ResolveContext;
}

export async function discardStatement(stmt: DiscardStmt, host: DiscardHost, sink: EngineSink): Promise<void> {
  if (stmt.target === 'all' && host.tx) {
    throw new SqlError(SQLSTATE.ACTIVE_SQL_TRANSACTION, 'DISCARD ALL cannot run inside a transaction block');
  }
  if (stmt.target === 'temp' || stmt.target === 'all') {
    const tx = host.current();
    tx.beginStatement();
    if (host.resolve.tempSchema) await dropTempSchema(tx, host.resolve.tempSchema, host.resolve);
    host.onCommit.clear();
  }
  if (stmt.target === 'sequences' || stmt.target === 'all') host.sequences.reset();
  if (stmt.target === 'all') host.settings.apply(RESET_ALL);
  sink.complete(`DISCARD ${stmt.target.toUpperCase()}`);
}
