// The e2e package's test helpers (the server process harness itself is @vecgres/server-process).
export { openSqlTarget, oracleUrl, uniqueTableName } from './testing/sql-target';
export type { SqlTarget } from './testing/sql-target';
export { runPsql } from './testing/psql';
export { RawConnection } from './testing/raw-connection';
export { parseDataRow, parseErrorFields, parseRowDescription } from './testing/backend-messages';
