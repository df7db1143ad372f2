// Transaction isolation: BEGIN ISOLATION LEVEL x, SET TRANSACTION ISOLATION LEVEL x (also
// `SET transaction_isolation = x`), SET SESSION CHARACTERISTICS AS TRANSACTION ... (the
// default_transaction_isolation setting), with PostgreSQL 15's errors and warnings.
// READ COMMITTED takes a snapshot per statement, REPEATABLE READ one per transaction;
// SERIALIZABLE behaves as REPEATABLE READ (no predicate locks) but reports itself as
// serializable, and READ UNCOMMITTED as READ COMMITTED, as PostgreSQL does.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { SetStmt, TransactionModes } from '@vecgres/sql';
import type { EngineSink } from './result-sink';
import type { IsolationLevelName, SessionTransaction } from './session-tx';
import type { SessionSettings } from './settings';

const LEVELS: readonly string[] = ['read uncommitted', 'read committed', 'repeatable read', 'serializable'];

function levelFromValue(stmt: SetStmt, name: string): IsolationLevelName {
  const v = stmt.values[0];
  const text = v?.kind === 'const' && v.value.type === 'string' ? v.value.value : v?.kind === 'columnRef' ? v.names.join('.') : '';
  const level = text.toLowerCase();
  if (!LEVELS.includes(level)) {
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid value for parameter "${name}": "${text}"`, {
      hint: 'Available values: serializable, repeatable read, read committed, read uncommitted.',
    });
  }
  return level as IsolationLevelName;
}

/** BEGIN / START TRANSACTION modes (isolation level, READ ONLY / READ WRITE). */
export function applyTransactionModes(tx: SessionTransaction, modes: TransactionModes): void {
  if (modes.isolationLevel) tx.isolation = modes.isolationLevel;
  if (modes.readOnly !== undefined) tx.readOnly = modes.readOnly;
}

/** PostgreSQL's PreventCommandIfReadOnly for INSERT / UPDATE / DELETE. */
export function checkWritable(tx: SessionTransaction, command: string): void {
  if (tx.readOnly && (command === 'insert' || command === 'update' || command === 'delete')) {
    throw new SqlError(SQLSTATE.READ_ONLY_SQL_TRANSACTION, `cannot execute ${command.toUpperCase()} in a read-only transaction`);
  }
}

/** The value SHOW transaction_isolation prints. */
export function currentIsolation(tx: SessionTransaction | undefined, settings: SessionSettings): string {
  return tx?.isolation ?? settings.get('default_transaction_isolation');
}

/** True for the SET forms this file handles. */
export function isTransactionSet(stmt: SetStmt): boolean {
  return stmt.action === 'transaction' || (stmt.name === 'transaction_isolation' && stmt.action === 'value');
}

/**
 * SET TRANSACTION / SET SESSION CHARACTERISTICS / SET transaction_isolation. `block` is the
 * explicit transaction block (undefined outside one).
 */
export function setTransaction(block: SessionTransaction | undefined, stmt: SetStmt, settings: SessionSettings, sink: EngineSink): void {
  const level = stmt.action === 'transaction' ? stmt.transactionModes?.isolationLevel : levelFromValue(stmt, 'transaction_isolation');
  if (stmt.sessionCharacteristics) {
    if (level) settings.set('default_transaction_isolation', level, false);
    const ro = stmt.transactionModes?.readOnly;
    if (ro !== undefined) settings.set('default_transaction_read_only', ro ? 'on' : 'off', false);
    sink.complete('SET');
    return;
  }
  if (!block) {
    // `SET transaction_isolation = x` outside a block is silently a no-op in PostgreSQL.
    if (stmt.action === 'transaction') sink.notice?.({ severity: 'WARNING', sqlstate: SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, message: 'SET TRANSACTION can only be used in transaction blocks' });
    sink.complete('SET');
    return;
  }
  const readOnly = stmt.action === 'transaction' ? stmt.transactionModes?.readOnly : undefined;
  if (readOnly !== undefined) block.readOnly = readOnly;
  if (level && level !== block.isolation) {
    // PostgreSQL's check_XactIsoLevel: the snapshot is fixed once a query ran.
    if (block.statements > 0) {
      throw new SqlError(SQLSTATE.ACTIVE_SQL_TRANSACTION, 'SET TRANSACTION ISOLATION LEVEL must be called before any query');
    }
    block.isolation = level;
  }
  sink.complete('SET');
}
