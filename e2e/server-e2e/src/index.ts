// The e2e package exports its harness so other suites (e2e/sqllogic, benchmarks) can start a
// server process the same way.
export { startServer } from './testing/server-process';
export type { ServerExit, ServerHandle, ServerOptions } from './testing/server-process';
export { openSqlTarget, oracleUrl, uniqueTableName } from './testing/sql-target';
export type { SqlTarget } from './testing/sql-target';
export { runPsql } from './testing/psql';
export { RawConnection } from './testing/raw-connection';
export { parseDataRow, parseErrorFields, parseRowDescription } from './testing/backend-messages';
export { rssMiB, peakRssMiB, sampleRss } from './testing/process-stats';
export { makeTempDir } from './testing/temp-dir';
