// LATERAL: a FROM item that reads the items to its left. PostgreSQL allows it for `LATERAL
// (subquery)` and for any function in FROM (implicitly lateral). Planned as a Lateral Join
// whose left input is everything to the left (the whole comma list so far, or the JOIN's
// left side) and whose right input is re-run per left row:
//
//   FROM a, b, LATERAL (SELECT ... WHERE x = b.y) s
//     -> leaf[ LateralJoin( planFromTree(a x b), subquery(s) ) ]
//
// The left items are copied into a `lateral scope` (offsets relative to the left input) that
// is the parent scope of the right item, so its references to them bind as outer references
// one level up, which the executor serves from the current left row. WHERE conditions are
// applied above the join (no pushdown into its inputs).
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { FromItem, FunctionRef, SubqueryRef } from '@vecgres/sql';
import { at } from '../bind/bind-context';
import type { ExprEnv } from '../bind/bind-expr';
import { Scope, unnamedSubqueryAlias, type ScopeItem } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import type { FromTree, QueryPlanner } from './plan-from';
import { andAll, crossJoin, planFromTree, shiftColumns } from './plan-joins';
import { planFunctionItem } from './plan-function-from';

export interface LateralRight {
  /** The right item as a leaf at its place in the flat FROM row. */
  tree: Extract<FromTree, { kind: 'leaf' }>;
  /** Whether it reads the left items (else it is an ordinary FROM item). */
  lateral: boolean;
}

export function isLateralCandidate(item: FromItem): item is FunctionRef | SubqueryRef {
  return item.kind === 'function' || (item.kind === 'subquery' && item.lateral);
}

function lateralScope(env: ExprEnv, leftItems: ScopeItem[]): Scope {
  const s = new Scope(env.scope.parent);
  for (const { offset: _offset, ...it } of leftItems) s.add(it, -1);
  return s;
}

/** Plans a function (any) or LATERAL subquery item that may read `leftItems`. */
export function planLateralRight(env: ExprEnv, item: FunctionRef | SubqueryRef, leftItems: ScopeItem[], planQuery: QueryPlanner): LateralRight {
  const lat = lateralScope(env, leftItems);
  if (item.kind === 'function') {
    const p = planFunctionItem(env, item, lat);
    const added = env.scope.add({ alias: p.alias, columns: p.columns.map((c) => ({ ...c, tableOid: 0, attnum: 0 })) }, item.location);
    return { tree: { kind: 'leaf', node: p.node, start: added.offset, width: p.columns.length, filters: [] }, lateral: p.lateral };
  }
  const alias = item.alias?.name ?? unnamedSubqueryAlias(env.scope);
  const sub = planQuery(item.query, lat);
  if (lat.readsOuter) env.scope.readsOuter = true;
  const given = item.alias?.columns ?? [];
  if (given.length > sub.columns.length) {
    throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, `table "${alias}" has ${sub.columns.length} columns available but ${given.length} columns specified`, at(item.location));
  }
  const added = env.scope.add({
    alias,
    columns: sub.columns.map((c, i) => ({ name: given[i] ?? c.name, type: c.type, tableOid: 0, attnum: 0 })),
  }, item.location);
  return { tree: { kind: 'leaf', node: sub.node, start: added.offset, width: sub.columns.length, filters: [] }, lateral: true };
}

/** `left [INNER|LEFT] JOIN LATERAL right ON conds` (conditions over the flat FROM row). */
export function lateralJoinTree(joinType: string, left: FromTree, right: LateralRight, conds: BoundExpr[], location: number): FromTree {
  if (joinType !== 'inner' && joinType !== 'cross' && joinType !== 'left') {
    throw notSupported('RIGHT and FULL JOIN with a LATERAL reference are not supported (PostgreSQL requires INNER or LEFT)', at(location));
  }
  const condition = andAll(conds.map((c) => shiftColumns(c, left.start)));
  return {
    kind: 'leaf',
    node: {
      kind: 'lateralJoin',
      joinType: joinType === 'left' ? 'left' : 'inner',
      left: planFromTree(left, undefined),
      right: right.tree.node,
      ...(condition ? { condition } : {}),
      rightWidth: right.tree.width,
    },
    start: left.start,
    width: left.width + right.tree.width,
    filters: [],
  };
}

/** A FROM list, left to right; each lateral item joins everything planned before it. */
export function planFromList(env: ExprEnv, items: FromItem[], planItem: (item: FromItem) => FromTree, planQuery: QueryPlanner): FromTree[] {
  let trees: FromTree[] = [];
  for (const item of items) {
    if (trees.length > 0 && isLateralCandidate(item)) {
      const left = crossJoin(trees);
      const right = planLateralRight(env, item, [...env.scope.items], planQuery);
      trees = right.lateral ? [lateralJoinTree('inner', left, right, [], item.location)] : [...trees, right.tree];
      continue;
    }
    trees.push(planItem(item));
  }
  return trees;
}
