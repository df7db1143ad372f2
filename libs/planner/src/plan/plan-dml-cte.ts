// Data-modifying WITH queries: `WITH d AS (DELETE ... RETURNING id) SELECT count(*) FROM d`.
// The INSERT / UPDATE / DELETE is planned as a subplan that the statement runs exactly once,
// before its main query, even when nothing references it (PlannedStatement.preSteps); each
// reference is a CTE Scan of its RETURNING rows. Difference from PostgreSQL: the main query
// runs after the DML in the same transaction, so it sees the DML's effects (PostgreSQL runs
// both on one snapshot and the main query does not).
import { notSupported } from '@vecgres/errors';
import type { CommonTableExpr, Query, TableRef } from '@vecgres/sql';
import { at, type BindContext } from '../bind/bind-context';
import type { ExprEnv } from '../bind/bind-expr';
import type { TypeRef } from '../types/bound-expr';
import { planConstraintSet } from './plan-constraints';
import { renamed, type FromTree } from './plan-from';
import { planDelete, planInsert, planUpdate } from './plan-modify';
import type { QueryPlanner } from './plan-query';

export interface DmlCte {
  subplan: number;
  /** RETURNING columns (none: referencing the CTE is an error). */
  columns: Array<{ name: string; type: TypeRef }>;
}

export function isDmlCte(cte: CommonTableExpr): boolean {
  return cte.query.kind === 'insert' || cte.query.kind === 'update' || cte.query.kind === 'delete';
}

/** Plans the DML of `cte` and makes it visible to later references under its name. */
export function defineDmlCte(ctx: BindContext, host: QueryPlanner, cte: CommonTableExpr): void {
  const stmt = cte.query;
  if (stmt.kind !== 'insert' && stmt.kind !== 'update' && stmt.kind !== 'delete') return;
  const m = stmt.kind === 'insert' ? planInsert(ctx, stmt, host) : stmt.kind === 'update' ? planUpdate(ctx, stmt, host) : planDelete(ctx, stmt, host);
  if (m.node.kind === 'insert' || m.node.kind === 'update' || m.node.kind === 'delete') m.node.constraints = planConstraintSet(ctx, m.node.table, host);
  const subplan = ctx.addSubplan(m.node);
  ctx.preSteps.push(subplan);
  ctx.ctes.push({
    name: cte.name,
    // Never planned as a query: `dml` takes its place (see planDmlCteRef).
    query: stmt as unknown as Query,
    ...(cte.columns ? { columns: cte.columns } : {}),
    depth: ctx.ctes.length,
    dml: { subplan, columns: m.columns.map((c) => ({ name: c.name, type: c.type })) },
  });
}

/** A FROM reference to a data-modifying WITH query. */
export function planDmlCteRef(env: ExprEnv, item: TableRef, name: string, cteColumns: string[] | undefined, dml: DmlCte): FromTree {
  if (dml.columns.length === 0) {
    throw notSupported(`WITH query "${name}" does not have a RETURNING clause`, at(item.location));
  }
  const alias = item.alias?.name ?? name;
  const base = renamed(dml.columns.map((c) => c.name), cteColumns, name, item.location);
  const names = renamed(base, item.alias?.columns, alias, item.location);
  const added = env.scope.add({
    alias,
    columns: dml.columns.map((c, i) => ({ name: names[i], type: c.type, tableOid: 0, attnum: 0 })),
  }, item.location);
  const types = dml.columns.map((c) => c.type);
  return { kind: 'leaf', node: { kind: 'cteScan', name, alias, subplan: dml.subplan, types }, start: added.offset, width: types.length, filters: [] };
}
