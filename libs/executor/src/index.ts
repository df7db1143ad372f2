// @vecgres/executor: runs the planner's physical plans over @vecgres/storage, and the Session
// (transactions, DDL through the catalog, SET/SHOW/EXPLAIN) the server drives per connection.
// See libs/planner/README.md for the design of both packages.
export { Database, type DatabaseOptions } from './session/database';
export { Session, type EnginePortal, type PreparedStatement } from './session/session';
export { dropLeftoverTempSchemas } from './session/temp-tables';
export { CollectingSink, type EngineSink, type EngineNotice } from './session/result-sink';
export { runPlan, type PlanRun, type RunOptions } from './exec/run-plan';
export { BATCH_SIZE, type Row, type TableAccess, type ExecContext } from './exec/exec-context';
export { encodeRow, decodeRow } from './storage/row-format';
export { vecgresMemoryRows, type MemoryRow } from './session/size-functions';
export { vacuumTable } from './session/maintenance-exec';
/** client_min_messages level check (PostgreSQL's order), for filtering notices at the wire. */
export { clientReceives } from './vector-index/ann-build-context';
