// The planner's entry point: one parsed query or DML statement + a catalog snapshot ->
// a PlannedStatement (plain data). DDL, transaction control and utility statements are not
// planned; the executor's session handles them.
import { notSupported } from '@vecgres/errors';
import type { Stmt } from '@vecgres/sql';
import { BindContext, type BindOptions } from '../bind/bind-context';
import { planConstraintSet } from './plan-constraints';
import type { OutputColumn } from '../types/output-column';
import { planDelete, planInsert, planUpdate } from './plan-modify';
import { QueryPlanner } from './plan-query';
import type { QueryColumn } from './plan-select';
import type { PlannedStatement } from './planned-statement';

/** Statement kinds planStatement accepts. */
export type PlannableStmt = Extract<Stmt, { kind: 'select' | 'values' | 'setOp' | 'insert' | 'update' | 'delete' }>;

export function isPlannable(stmt: Stmt): stmt is PlannableStmt {
  return ['select', 'values', 'setOp', 'insert', 'update', 'delete'].includes(stmt.kind);
}

function outputColumns(ctx: BindContext, cols: QueryColumn[]): OutputColumn[] {
  return cols.map((c) => ({
    name: c.name,
    type: c.type,
    typlen: ctx.type(c.type.oid)?.len ?? -1,
    tableOid: c.tableOid,
    attnum: c.attnum,
  }));
}

export function planStatement(stmt: Stmt, opts: BindOptions): PlannedStatement {
  const ctx = new BindContext(opts);
  const host = new QueryPlanner(ctx);
  switch (stmt.kind) {
    case 'select': case 'values': case 'setOp': {
      const q = host.planTop(stmt);
      return {
        kind: 'plan', command: 'select', root: q.node, subplans: ctx.subplans, params: ctx.finalParams(),
        columns: outputColumns(ctx, q.columns), visibleWidth: q.columns.length,
        ...(ctx.preSteps.length > 0 ? { preSteps: ctx.preSteps } : {}),
      };
    }
    case 'insert': case 'update': case 'delete': {
      const m = stmt.kind === 'insert' ? planInsert(ctx, stmt, host) : stmt.kind === 'update' ? planUpdate(ctx, stmt, host) : planDelete(ctx, stmt, host);
      if (m.node.kind === 'insert' || m.node.kind === 'update' || m.node.kind === 'delete') m.node.constraints = planConstraintSet(ctx, m.node.table, host);
      return {
        kind: 'plan', command: stmt.kind, root: m.node, subplans: ctx.subplans, params: ctx.finalParams(),
        columns: outputColumns(ctx, m.columns), visibleWidth: m.columns.length,
        ...(ctx.preSteps.length > 0 ? { preSteps: ctx.preSteps } : {}),
      };
    }
    default:
      throw notSupported(`${stmt.kind} statements are not planned`);
  }
}
