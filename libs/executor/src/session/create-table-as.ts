// CREATE TABLE ... AS SELECT (createas.c): the query is planned first for its output columns
// (names and types, unknown literals already text), the catalog records the table with them,
// then the rows go in as `INSERT INTO <new table> <query>` in the same transaction, so
// constraints, codecs and storage work as for any insert. The tag is `SELECT n`.
import { Catalog, type ResolveContext } from '@vecgres/catalog';
import type { PlannedStatement } from '@vecgres/planner';
import type { CreateTableStmt, InsertStmt, Stmt } from '@vecgres/sql';
import type { PlanRun } from '../exec/run-plan';
import { dmlTag } from './command-tag';
import { executeDdl } from './ddl-exec';
import type { EngineSink } from './result-sink';
import type { SessionTransaction } from './session-tx';

export interface CreateTableAsHost {
  plan(stmt: Stmt): PlannedStatement;
  run(plan: PlannedStatement): PlanRun;
}

export async function executeCreateTableAs(
  tx: SessionTransaction, stmt: CreateTableStmt & { as: NonNullable<CreateTableStmt['as']> }, resolve: ResolveContext,
  sink: EngineSink, host: CreateTableAsHost,
): Promise<void> {
  const query = host.plan(stmt.as.query);
  const asColumns = query.columns.map((c) => ({ name: c.name, type: c.type.oid, typmod: c.type.typmod }));
  const before = new Set(tx.newTables.keys());
  await executeDdl(tx, stmt, resolve, {
    describe: () => undefined, rows: () => undefined, complete: () => undefined,
    notice: (n) => sink.notice?.(n),
  }, { asColumns });
  const created = [...tx.newTables.keys()].find((oid) => !before.has(oid));
  // IF NOT EXISTS on an existing table (nothing created) and WITH NO DATA: PostgreSQL's tag
  // is `CREATE TABLE AS`; only a filled table reports `SELECT n`.
  if (created === undefined || !stmt.as.withData) return sink.complete('CREATE TABLE AS');
  const catalog = new Catalog(tx.catalog.state);
  const rel = catalog.relation(created)!;
  const insert: InsertStmt = {
    kind: 'insert',
    target: { table: { schema: catalog.namespace(rel.namespace)!.name, name: rel.name, location: -1 }, inherit: false },
    columns: [],
    source: stmt.as.query,
    returning: [],
    location: stmt.location,
  };
  const run = host.run(host.plan(insert));
  for await (const _batch of run.batches) { /* drained for the side effect */ }
  sink.complete(dmlTag('select', run.counter.rows));
}
