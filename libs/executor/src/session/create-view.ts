// CREATE VIEW: the query is planned first (its errors are the statement's errors, and its
// output columns, unknown literals already text, become the view's columns), then the
// catalog records the view with them. Nothing touches storage. The stored form of the query
// (libs/catalog views/view-deparse.ts) is then bound once as the view would be used: a form
// the printer does not model fails here with 0A000 instead of at every later use.
import { Catalog, type ResolveContext } from '@vecgres/catalog';
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { PlannedStatement } from '@vecgres/planner';
import type { CreateViewStmt, Query, Stmt } from '@vecgres/sql';
import { executeDdl } from './ddl-exec';
import type { EngineSink } from './result-sink';
import type { SessionTransaction } from './session-tx';

function unsupportedDefinition(detail: string): SqlError {
  return new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'this view definition is not supported', { detail });
}

export async function executeCreateView(
  tx: SessionTransaction, stmt: CreateViewStmt, resolve: ResolveContext, sink: EngineSink, plan: (s: Stmt) => PlannedStatement,
): Promise<void> {
  const query = plan(stmt.query);
  const viewColumns = query.columns.map((c) => ({ name: c.name, type: c.type.oid, typmod: c.type.typmod }));
  let tag: string | undefined;
  // The tag waits for the check below; notices go through at once.
  const ddlSink: EngineSink = {
    describe: () => undefined, rows: () => undefined, complete: (t) => { tag = t; }, notice: (n) => sink.notice?.(n),
  };
  await executeDdl(tx, stmt, resolve, ddlSink, { viewColumns });
  const cat = new Catalog(tx.catalog.state);
  const view = cat.relations().find((r) => r.kind === 'v' && r.name === stmt.view.name && (stmt.view.schema === undefined || cat.namespace(r.namespace)?.name === stmt.view.schema));
  if (view) {
    const check: Query = {
      kind: 'select', targets: [{ expr: { kind: 'columnRef', names: [], star: true, location: -1 }, location: -1 }],
      from: [{ kind: 'table', table: { schema: cat.namespace(view.namespace)!.name, name: view.name, location: -1 }, inherit: true, location: -1 }],
      groupBy: [], groupByDistinct: false, windows: [], orderBy: [], withTies: false, locking: [], location: -1,
    };
    let bound: PlannedStatement;
    try {
      bound = plan(check);
    } catch (e) {
      throw unsupportedDefinition(e instanceof Error ? e.message : String(e));
    }
    const same = bound.columns.length === viewColumns.length && bound.columns.every((c, i) => c.type.oid === viewColumns[i].type);
    if (!same) throw unsupportedDefinition('the stored query does not reproduce the column types');
  }
  sink.complete(tag ?? 'CREATE VIEW');
}
