// FROM clause: each item becomes a leaf (table scan, subquery, function scan) or a join of two
// subtrees, laid out left to right in the query scope's flat row. Conditions are attached to
// tree nodes here and turned into physical joins/filters by plan-joins.ts.
import { SQLSTATE, SqlError, notSupported, undefinedTable } from '@vecgres/errors';
import type { FromItem, FunctionRef, Query, TableRef } from '@vecgres/sql';
import { lookupRelation, type TableRelation } from '../catalog-api';
import { at, type BindContext } from '../bind/bind-context';
import { bindCondition, bindExpr, type ExprEnv } from '../bind/bind-expr';
import { argTypesOf, findFunction } from '../bind/resolve-function';
import { coerceArg, resultType, bindOperator } from '../bind/resolve-operator';
import { Scope, type ScopeColumn } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';
import type { ScanColumn } from './physical-scan';

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
export function requireTable(ctx: BindContext, t: { table: TableRef['table'] }): TableRelation {
  const rel = lookupRelation(ctx.catalog, ctx.resolve, t.table);
  const written = [t.table.schema, t.table.name].filter((p) => p !== undefined).join('.');
  if (!rel) throw undefinedTable(`relation "${written}" does not exist`, at(t.table.location));
  if (rel.kind !== 'r') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a table`, at(t.table.location));
  return rel;
}

function renamed(names: string[], aliasCols: string[] | undefined, alias: string, location: number): string[] {
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

function planTable(env: ExprEnv, item: TableRef): FromTree {
  const rel = requireTable(env.ctx, item);
  const columns = tableColumns(rel);
  const alias = item.alias?.name ?? rel.name;
  const names = renamed(columns.map((c) => c.name), item.alias?.columns, alias, item.location);
  const added = env.scope.add({
    alias,
    tableName: rel.name,
    tableOid: rel.oid,
    columns: columns.map((c, i) => ({ name: names[i], type: c.type, tableOid: rel.oid, attnum: c.attnum })),
  }, item.location);
  const node: PhysicalNode = { kind: 'scan', table: rel.oid, tableName: rel.name, alias, columns };
  return { kind: 'leaf', node, start: added.offset, width: columns.length, filters: [] };
}

function planFunction(env: ExprEnv, item: FunctionRef): FromTree {
  if (item.functions.length !== 1 || item.rowsFrom || item.ordinality) {
    throw notSupported('ROWS FROM and WITH ORDINALITY are not supported yet', at(item.location));
  }
  const call = item.functions[0].call;
  // Function arguments cannot see sibling FROM items (no LATERAL yet): bind in an empty scope.
  const argEnv: ExprEnv = { ...env, scope: new Scope(env.scope.parent), clause: 'functions in FROM' };
  const args = call.args.map((a) => bindExpr(argEnv, a));
  const { proc, args: declared } = findFunction(env.ctx, call.name, call.schema, argTypesOf(args), call.location);
  if (!proc.retset) throw notSupported(`function ${proc.name} in FROM is not supported yet`, at(call.location));
  const coerced = args.map((a, i) => coerceArg(env.ctx, a, declared[i], call.args[i].location));
  const type = resultType(env.ctx, proc.ret, declared, coerced);
  const alias = item.alias?.name ?? proc.name;
  const colName = item.alias?.columns?.[0] ?? alias;
  const added = env.scope.add({ alias, columns: [{ name: colName, type, tableOid: 0, attnum: 0 }] }, item.location);
  const node: PhysicalNode = { kind: 'functionScan', impl: proc.impl, name: proc.name, alias, args: coerced, type };
  return { kind: 'leaf', node, start: added.offset, width: 1, filters: [] };
}

/** Adds one FROM item to `env.scope` and returns its tree. */
export function planFromItem(env: ExprEnv, item: FromItem, planQuery: QueryPlanner): FromTree {
  switch (item.kind) {
    case 'table': return planCteRef(env, item, planQuery) ?? planTable(env, item);
    case 'function': return planFunction(env, item);
    case 'subquery': {
      if (item.lateral) throw notSupported('LATERAL is not supported yet', at(item.location));
      if (!item.alias) throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'subquery in FROM must have an alias', at(item.location));
      const sub = planQuery(item.query, env.scope.parent);
      const names = renamed(sub.columns.map((c) => c.name), item.alias.columns, item.alias.name, item.location);
      const added = env.scope.add({
        alias: item.alias.name,
        columns: sub.columns.map((c, i) => ({ name: names[i], type: c.type, tableOid: 0, attnum: 0 })),
      }, item.location);
      return { kind: 'leaf', node: sub.node, start: added.offset, width: sub.columns.length, filters: [] };
    }
    case 'join': return planJoin(env, item, planQuery);
  }
}

function planJoin(env: ExprEnv, item: Extract<FromItem, { kind: 'join' }>, planQuery: QueryPlanner): FromTree {
  if (item.natural) throw notSupported('NATURAL JOIN is not supported yet', at(item.location));
  if (item.alias) throw notSupported('aliases on JOIN are not supported yet', at(item.location));
  const left = planFromItem(env, item.left, planQuery);
  const leftItems = env.scope.items.length;
  const right = planFromItem(env, item.right, planQuery);
  const conds: BoundExpr[] = [];
  if (item.on) conds.push(bindCondition({ ...env, clause: 'JOIN conditions' }, item.on, 'JOIN/ON'));
  for (const name of item.using ?? []) {
    // USING (c): equality of the left and right item's c (the merged output column is not
    // modelled: `*` shows both copies).
    const l = env.scope.items.slice(0, leftItems).reverse().find((i) => i.columns.some((c) => c.name === name));
    const r = env.scope.items.slice(leftItems).find((i) => i.columns.some((c) => c.name === name));
    if (!l || !r) {
      throw new SqlError(SQLSTATE.UNDEFINED_COLUMN, `column "${name}" specified in USING clause does not exist in ${l ? 'right' : 'left'} table`, at(item.location));
    }
    const col = (it: typeof l): BoundExpr => {
      const i = it.columns.findIndex((c) => c.name === name);
      return { kind: 'column', index: it.offset + i, type: it.columns[i].type, name, table: it.alias };
    };
    conds.push(bindOperator(env.ctx, '=', undefined, col(l), col(r), item.location));
  }
  const start = left.start;
  const width = left.width + right.width;
  if (item.joinType === 'left' || item.joinType === 'right' || item.joinType === 'full') {
    return { kind: 'join', joinType: item.joinType, left, right, on: conds, start, width, filters: [] };
  }
  return { kind: 'join', joinType: 'inner', left, right, on: [], start, width, filters: conds };
}
