// The row source of UPDATE ... FROM and DELETE ... USING (and of plain UPDATE / DELETE, with
// no extra items): the target table's scan, with its row id, cross-joined with the FROM/USING
// items, all in one scope. Layout of the flat row:
//
//   [target columns (0..n-1)] [row id (n)] [FROM item columns (n+1..)]
//
// The row id slot belongs to no scope item, so `*` and name lookup never see it. WHERE is
// bound over the whole row and planned like a SELECT's (join keys, pushdown). A target row
// that joins several FROM rows is written once (the modify operators skip repeated row ids),
// with the first match, as PostgreSQL does with an arbitrary one.
import { payloadIndexesOf } from './payload-index-choice';
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { Expr, FromItem, SetClause } from '@vecgres/sql';
import type { TableRelation } from '../catalog-api';
import { at, type BindContext } from '../bind/bind-context';
import type { ExprEnv } from '../bind/bind-expr';
import { Scope } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import { crossJoin } from './plan-joins';
import { planFromItem, type FromTree, type QueryPlanner as FromQueryPlanner } from './plan-from';
import type { QueryPlanner } from './plan-query';
import type { ScanColumn } from './physical-scan';

export interface ModifySource {
  scope: Scope;
  /** The target scan (with row id) joined with the FROM/USING items; WHERE not applied yet. */
  tree: FromTree;
}

export function planModifySource(
  ctx: BindContext, host: QueryPlanner, rel: TableRelation, columns: ScanColumn[],
  alias: string | undefined, from: readonly FromItem[], location: number,
): ModifySource {
  const scope = new Scope();
  scope.add({
    alias: alias ?? rel.name,
    tableName: rel.name,
    tableOid: rel.oid,
    columns: columns.map((c) => ({ name: c.name, type: c.type, tableOid: rel.oid, attnum: c.attnum })),
  }, location);
  scope.width += 1; // the row id slot
  const payload = payloadIndexesOf(ctx.catalog, rel.oid, columns);
  const scan: FromTree = {
    kind: 'leaf',
    node: { kind: 'scan', table: rel.oid, tableName: rel.name, alias: alias ?? rel.name, columns, rowId: true, ...(payload.length > 0 ? { payloadIndexes: payload } : {}) },
    start: 0,
    width: columns.length + 1,
    filters: [],
  };
  const planQuery: FromQueryPlanner = (q, parent) => {
    const sub = host.planQuery(q, parent);
    return { node: sub.node, columns: sub.columns };
  };
  const env: ExprEnv = { ctx, scope, clause: 'FROM', subqueries: host };
  const trees = from.map((item) => planFromItem(env, item, planQuery));
  return { scope, tree: crossJoin([scan, ...trees]) };
}

/** Column references passing the FROM items' columns through (after target values + row id). */
export function fromColumns(scope: Scope): BoundExpr[] {
  return scope.items.slice(1).flatMap((item) => item.columns.map((c, j): BoundExpr => ({
    kind: 'column', index: item.offset + j, type: c.type, name: c.name, table: item.alias,
  })));
}

/**
 * The value expression of one SET item before binding. `(a, b) = (SELECT x, y ...)` becomes
 * one scalar subquery per column, each selecting its own output column (the subquery runs
 * once per column; PostgreSQL runs it once per row).
 */
export function setItemValue(s: SetClause): Expr {
  if (!s.multiAssign) return s.value;
  const v = s.value;
  if (v.kind !== 'scalarSubquery') {
    throw notSupported('source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression', at(v.location));
  }
  const q = v.query;
  if (q.kind !== 'select' || q.targets.some((t) => t.expr.kind === 'columnRef' && t.expr.star)) {
    throw notSupported('this multiple-column UPDATE source is not supported yet', at(v.location));
  }
  if (q.targets.length !== s.multiAssign.count) {
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'number of columns does not match number of values', at(v.location));
  }
  return { ...v, query: { ...q, targets: [q.targets[s.multiAssign.index - 1]] } };
}
