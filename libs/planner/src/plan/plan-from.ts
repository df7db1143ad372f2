// FROM clause: each item becomes a leaf (table scan, subquery, function scan) or a join of two
// subtrees, laid out left to right in the query scope's flat row. Conditions are attached to
// tree nodes here and turned into physical joins/filters by plan-joins.ts.
import { payloadIndexesOf } from './payload-index-choice';
import { SQLSTATE, SqlError, insufficientPrivilege, notSupported, undefinedTable } from '@vecgres/errors';
import type { FromItem, Query, TableRef } from '@vecgres/sql';
import { lookupRelation, type TableRelation } from '../catalog-api';
import { checkNotOtherTemp } from './other-temp';
import { at, type BindContext } from '../bind/bind-context';
import { bindCondition, type ExprEnv } from '../bind/bind-expr';
import { bindOperator } from '../bind/resolve-operator';
import { coerceAll, selectCommonType } from '../bind/coerce';
import type { MergedColumn } from '../bind/join-using';
import { unnamedSubqueryAlias, type Scope, type ScopeColumn, type ScopeItem } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';
import type { ScanColumn } from './physical-scan';
import { recursiveRefNode, type RecursiveCte } from './plan-recursive';
import { isLateralCandidate, lateralJoinTree, planLateralRight } from './plan-lateral';
import { systemViewColumns, systemViewRef } from './system-view-ref';
import { planDmlCteRef } from './plan-dml-cte';
import { planViewRef, userViewRef, viewNotUpdatable } from './plan-view-ref';

export type FromTree =
  | { kind: 'leaf'; node: PhysicalNode; start: number; width: number; filters: BoundExpr[] }
  | {
      kind: 'join';
      joinType: 'inner' | 'left' | 'right' | 'full';
      left: FromTree;
      right: FromTree;
      /** ON conditions of an outer join (inner join conditions are distributed like WHERE). RIGHT
       * joins are planned as LEFT joins with the inputs swapped, then the columns put back. */
      on: BoundExpr[];
      start: number;
      width: number;
      filters: BoundExpr[];
    };

/** Plans a nested query (FROM subquery) with the given parent scope. */
export type QueryPlanner = (query: Query, parent: Scope | undefined) => {
  node: PhysicalNode;
  columns: Array<{ name: string; type: ScopeColumn['type'] }>;
};

export function tableColumns(rel: TableRelation): ScanColumn[] {
  return rel.columns.filter((c) => !c.dropped).map((c) => ({ attnum: c.attnum, name: c.name, type: { oid: c.type, typmod: c.typmod } }));
}

/** The table a name refers to, or 42P01 `relation "x" does not exist` at its position. */
export function requireTable(ctx: BindContext, t: { table: TableRef['table'] }, verb?: string): TableRelation {
  // System relations are computed, never written (PostgreSQL refuses non-superusers so).
  const view = systemViewRef(ctx, t.table);
  if (view) throw insufficientPrivilege(`permission denied for ${view.kind === 'v' ? 'view' : 'table'} ${view.name}`, at(t.table.location));
  const rel = lookupRelation(ctx.catalog, ctx.resolve, t.table);
  const written = [t.table.schema, t.table.name].filter((p) => p !== undefined).join('.');
  if (!rel) throw undefinedTable(`relation "${written}" does not exist`, at(t.table.location));
  const target = verb !== undefined ? userViewRef(ctx, t.table) : undefined;
  if (target) throw viewNotUpdatable(target, verb!, t.table.location);
  if (rel.kind !== 'r') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a table`, at(t.table.location));
  checkNotOtherTemp(ctx, rel);
  return rel;
}

export function renamed(names: string[], aliasCols: string[] | undefined, alias: string, location: number): string[] {
  if (!aliasCols) return names;
  if (aliasCols.length > names.length) {
    throw new SqlError(
      SQLSTATE.INVALID_COLUMN_REFERENCE,
      `table "${alias}" has ${names.length} columns available but ${aliasCols.length} columns specified`,
      at(location),
    );
  }
  return names.map((n, i) => aliasCols[i] ?? n);
}

/** A FROM name that refers to a WITH query: its body planned as a subquery, renamed by the CTE's column list. */
function planCteRef(env: ExprEnv, item: TableRef, planQuery: QueryPlanner): FromTree | undefined {
  if (item.table.schema !== undefined) return undefined;
  const cte = env.ctx.findCte(item.table.name);
  if (!cte) return undefined;
  if (cte.recursive) return planRecursiveRef(env, item, cte.name, cte.recursive);
  if (cte.dml) return planDmlCteRef(env, item, cte.name, cte.columns, cte.dml);
  const sub = env.ctx.withCteDepth(cte.depth, () => planQuery(cte.query, env.scope.parent));
  const alias = item.alias?.name ?? cte.name;
  const base = renamed(sub.columns.map((c) => c.name), cte.columns, cte.name, item.location);
  const names = renamed(base, item.alias?.columns, alias, item.location);
  const added = env.scope.add({
    alias,
    columns: sub.columns.map((c, i) => ({ name: names[i], type: c.type, tableOid: 0, attnum: 0 })),
  }, item.location);
  return { kind: 'leaf', node: sub.node, start: added.offset, width: sub.columns.length, filters: [] };
}

function planRecursiveRef(env: ExprEnv, item: TableRef, name: string, rec: RecursiveCte): FromTree {
  const alias = item.alias?.name ?? name;
  const names = renamed(rec.columns.map((c) => c.name), item.alias?.columns, alias, item.location);
  const added = env.scope.add({ alias, columns: rec.columns.map((c, i) => ({ name: names[i], type: c.type, tableOid: 0, attnum: 0 })) }, item.location);
  return { kind: 'leaf', node: recursiveRefNode(rec, name, alias), start: added.offset, width: rec.columns.length, filters: [] };
}

function planTable(env: ExprEnv, item: TableRef): FromTree {
  // pg_catalog / information_schema relations scan the session's virtual system rows.
  const view = systemViewRef(env.ctx, item.table);
  const table = view ? undefined : requireTable(env.ctx, item);
  const rel = view ?? table!;
  const columns = table ? tableColumns(table) : systemViewColumns(view!);
  const alias = item.alias?.name ?? rel.name;
  const names = renamed(columns.map((c) => c.name), item.alias?.columns, alias, item.location);
  const added = env.scope.add({
    alias,
    tableName: rel.name,
    tableOid: rel.oid,
    columns: columns.map((c, i) => ({ name: names[i], type: c.type, tableOid: rel.oid, attnum: c.attnum })),
  }, item.location);
  const payload = table ? payloadIndexesOf(env.ctx.catalog, rel.oid, columns) : [];
  const node: PhysicalNode = { kind: 'scan', table: rel.oid, tableName: rel.name, alias, columns, ...(payload.length > 0 ? { payloadIndexes: payload } : {}) };
  return { kind: 'leaf', node, start: added.offset, width: columns.length, filters: [] };
}

/** Adds one FROM item to `env.scope` and returns its tree. */
export function planFromItem(env: ExprEnv, item: FromItem, planQuery: QueryPlanner): FromTree {
  switch (item.kind) {
    case 'table': return planCteRef(env, item, planQuery) ?? planViewRef(env, item, planQuery) ?? planTable(env, item);
    case 'function': return planLateralRight(env, item, [], planQuery).tree;
    case 'subquery': {
      const alias = item.alias?.name ?? unnamedSubqueryAlias(env.scope);
      const sub = planQuery(item.query, env.scope.parent);
      const names = renamed(sub.columns.map((c) => c.name), item.alias?.columns, alias, item.location);
      const added = env.scope.add({
        alias,
        columns: sub.columns.map((c, i) => ({ name: names[i], type: c.type, tableOid: 0, attnum: 0 })),
      }, item.location);
      return { kind: 'leaf', node: sub.node, start: added.offset, width: sub.columns.length, filters: [] };
    }
    case 'join': return planJoin(env, item, planQuery);
  }
}

function naturalColumns(left: ScopeItem[], right: ScopeItem[]): string[] {
  const rightNames = new Set(right.flatMap((i) => i.columns.map((c) => c.name)));
  const out: string[] = [];
  for (const c of left.flatMap((i) => i.columns)) if (rightNames.has(c.name) && !out.includes(c.name)) out.push(c.name);
  return out;
}

function planJoin(env: ExprEnv, item: Extract<FromItem, { kind: 'join' }>, planQuery: QueryPlanner): FromTree {
  if (item.alias) throw notSupported('aliases on JOIN are not supported yet', at(item.location));
  const firstItem = env.scope.items.length;
  const left = planFromItem(env, item.left, planQuery);
  const leftItems = env.scope.items.length;
  const lateral = isLateralCandidate(item.right) ? planLateralRight(env, item.right, env.scope.items.slice(firstItem), planQuery) : undefined;
  const right = lateral?.tree ?? planFromItem(env, item.right, planQuery);
  const conds: BoundExpr[] = [];
  if (item.on) conds.push(bindCondition({ ...env, clause: 'JOIN conditions' }, item.on, 'JOIN/ON'));
  // NATURAL: USING every column name both sides have, in the left side's order.
  const leftSide = env.scope.items.slice(firstItem, leftItems);
  const using = item.natural ? naturalColumns(leftSide, env.scope.items.slice(leftItems)) : item.using ?? [];
  const merged: MergedColumn[] = [];
  for (const name of using) {
    // USING (c): equality of the left and right item's c, plus the merged column (join-using.ts).
    const l = leftSide.slice().reverse().find((i) => i.columns.some((c) => c.name === name));
    const r = env.scope.items.slice(leftItems).find((i) => i.columns.some((c) => c.name === name));
    if (!l || !r) {
      // PostgreSQL reports this one without a position.
      throw new SqlError(SQLSTATE.UNDEFINED_COLUMN, `column "${name}" specified in USING clause does not exist in ${l ? 'right' : 'left'} table`);
    }
    const col = (it: typeof l): Extract<BoundExpr, { kind: 'column' }> => {
      const i = it.columns.findIndex((c) => c.name === name);
      return { kind: 'column', index: it.offset + i, type: it.columns[i].type, name, table: it.alias };
    };
    const lcol = col(l);
    const rcol = col(r);
    // A chain `a JOIN b USING (c) JOIN d USING (c)` compares with the earlier merged c.
    const prior = env.scope.joinGroups.flatMap((g) => g.merged).find((m) => m.name === name && m.cols.includes(lcol.index));
    const lval = prior?.expr ?? lcol;
    conds.push(bindOperator(env.ctx, '=', undefined, lval, rcol, item.location));
    const locs = [item.location, item.location];
    const type = selectCommonType(env.ctx, [lval, rcol], 'JOIN/USING', locs);
    const [lv, rv] = coerceAll(env.ctx, [lval, rcol], type, 'JOIN/USING', locs);
    const expr: BoundExpr = item.joinType === 'full' ? { kind: 'coalesce', args: [lv, rv], type } : item.joinType === 'right' ? rv : lv;
    const source = l.columns[l.columns.findIndex((c) => c.name === name)];
    merged.push({ name, cols: [...(prior?.cols ?? [lcol.index]), rcol.index], expr, type, source });
  }
  if (merged.length > 0) env.scope.joinGroups.push({ items: env.scope.items.slice(firstItem), merged });
  if (lateral?.lateral) return lateralJoinTree(item.joinType, left, lateral, conds, item.location);
  const start = left.start;
  const width = left.width + right.width;
  if (item.joinType === 'left' || item.joinType === 'right' || item.joinType === 'full') {
    return { kind: 'join', joinType: item.joinType, left, right, on: conds, start, width, filters: [] };
  }
  return { kind: 'join', joinType: 'inner', left, right, on: [], start, width, filters: conds };
}
