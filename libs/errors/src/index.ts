// @vecgres/errors: the SqlError class, the SQLSTATE table generated from PostgreSQL's
// errcodes.txt (tools/gen-sqlstate), and stage helpers. A leaf: imports nothing.
export { SqlError, isSqlError, type ErrorSeverity, type SqlErrorOptions } from './sql-error';
export {
  SQLSTATE,
  SQLSTATE_CLASS,
  SQLSTATE_CONDITION,
  type SqlState,
  type SqlStateName,
  type SqlStateClass,
} from './generated/sqlstate';
export { sqlstateClass, isKnownSqlstate } from './sqlstate-lookup';
export * from './helpers';
