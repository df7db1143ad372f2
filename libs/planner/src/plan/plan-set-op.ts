// VALUES lists and UNION / INTERSECT / EXCEPT. Both resolve each column's type with
// select_common_type over the rows (or the two sides) and coerce every value to it, as
// PostgreSQL's transformValuesClause / transformSetOperationTree do.
import { SQLSTATE, SqlError, notSupported, undefinedTable } from '@vecgres/errors';
import type { ConstExpr, Query, SetOpQuery, SortBy, ValuesQuery } from '@vecgres/sql';
import { at, type BindContext } from '../bind/bind-context';
import { bindConst, bindExpr, comparisonImpl, type ExprEnv } from '../bind/bind-expr';
import { coerceAll, selectCommonType } from '../bind/coerce';
import { Scope } from '../bind/scope';
import { T } from '../bind/type-oids';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { bindLimit, resolveUnknownOutput, type PlannedQuery, type QueryColumn, type QueryPlannerHost } from './plan-select';
import type { PhysicalNode } from './physical-node';
import type { SortKey } from './physical-sort';

function checkTail(q: Query): void {
  if (q.locking.length > 0) throw notSupported('FOR UPDATE/SHARE is not supported here', at(q.location));
}

/** Sort + Limit over output columns only (the ORDER BY of VALUES and set operations). */
function finishTail(ctx: BindContext, q: Query, node: PhysicalNode, columns: QueryColumn[], host: QueryPlannerHost): PhysicalNode {
  if (q.orderBy.length > 0) {
    const keys = q.orderBy.map((s: SortBy): SortKey => {
      let i = -1;
      if (s.expr.kind === 'const' && s.expr.value.type === 'int4') i = s.expr.value.value - 1;
      else if (s.expr.kind === 'columnRef' && s.expr.names.length === 1) i = columns.findIndex((c) => c.name === (s.expr as { names: string[] }).names[0]);
      else if (s.expr.kind === 'columnRef' && !s.expr.star && s.expr.names.length > 1) {
        // The result of a set operation has no range table: `ORDER BY l.x` names no table.
        throw undefinedTable(`missing FROM-clause entry for table "${s.expr.names[s.expr.names.length - 2]}"`, at(s.expr.location));
      }
      if (i < 0 || i >= columns.length) {
        throw notSupported('ORDER BY on a UNION/INTERSECT/EXCEPT or VALUES result must name a result column', at(s.expr.location));
      }
      const desc = s.direction === 'desc';
      const type = columns[i].type;
      return {
        expr: { kind: 'column', index: i, type, name: columns[i].name },
        desc,
        nullsFirst: s.nulls === 'default' ? desc : s.nulls === 'first',
        cmpImpl: comparisonImpl(ctx, type.oid, s.location),
      };
    });
    node = { kind: 'sort', input: node, keys };
  }
  const count = bindLimit(ctx, q.limit, 'LIMIT', host);
  const offset = bindLimit(ctx, q.offset, 'OFFSET', host);
  if (count || offset) node = { kind: 'limit', input: node, ...(count ? { count } : {}), ...(offset ? { offset } : {}) };
  return node;
}

/** VALUES (...), (...): rows of expressions without input (column1, column2, ...). */
export function planValues(ctx: BindContext, q: ValuesQuery, parent: Scope | undefined, host: QueryPlannerHost): PlannedQuery {
  checkTail(q);
  const scope = new Scope(parent);
  const env: ExprEnv = { ctx, scope, clause: 'VALUES', subqueries: host };
  const width = q.rows[0]?.length ?? 0;
  const rows = q.rows.map((r) => {
    if (r.length !== width) {
      throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'VALUES lists must all be the same length', at(r[0]?.location ?? q.location));
    }
    return r.map((e) => (e.kind === 'default' ? defaultNotAllowed(e.location) : bindExpr(env, e)));
  });
  const columns: QueryColumn[] = [];
  for (let c = 0; c < width; c++) {
    const col = rows.map((r) => r[c]);
    const locs = q.rows.map((r) => r[c].location);
    let type = selectCommonType(ctx, col, 'VALUES', locs);
    const coerced = coerceAll(ctx, col, type, 'VALUES', locs).map((e, i) => resolveUnknownOutput(ctx, e, locs[i]));
    type = coerced[0]?.type ?? type;
    coerced.forEach((e, i) => (rows[i][c] = e));
    columns.push({ name: `column${c + 1}`, type, tableOid: 0, attnum: 0 });
  }
  const node = finishTail(ctx, q, { kind: 'values', rows, width }, columns, host);
  return { node, columns, width, correlated: scope.readsOuter };
}

function defaultNotAllowed(location: number): BoundExpr {
  throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'DEFAULT is not allowed in this context', at(location));
}

/**
 * The untyped literals (`'a'`, NULL) of a leaf SELECT's output columns: PostgreSQL leaves them
 * of type unknown in set-operation leaves, so `SELECT 1 UNION SELECT 'a'` resolves to integer
 * and fails converting 'a' (22P02) instead of matching integer with text (42804).
 */
function leafLiterals(q: Query, width: number): (ConstExpr | undefined)[] {
  if (q.kind !== 'select' || q.targets.length !== width) return [];
  return q.targets.map((t) => {
    const e = t.expr;
    return e.kind === 'const' && (e.value.type === 'string' || e.value.type === 'null') ? e : undefined;
  });
}

function castColumns(ctx: BindContext, node: PhysicalNode, from: QueryColumn[], to: TypeRef[], construct: string, lits: (ConstExpr | undefined)[]): PhysicalNode {
  const lit = (i: number): ConstExpr | undefined => (to[i].oid !== T.text ? lits[i] : undefined);
  if (from.every((c, i) => c.type.oid === to[i].oid && !lit(i))) return node;
  const exprs = from.map((c, i): BoundExpr => {
    const l = lit(i);
    // A literal column is the same constant on every row: project it coerced from unknown.
    const e: BoundExpr = l ? bindConst(l) : { kind: 'column', index: i, type: c.type, name: c.name };
    return coerceAll(ctx, [e], to[i], construct, [l ? l.location : -1])[0];
  });
  return { kind: 'project', input: node, exprs };
}

export function planSetOp(ctx: BindContext, q: SetOpQuery, parent: Scope | undefined, host: QueryPlannerHost): PlannedQuery {
  checkTail(q);
  const left = host.planQuery(q.left, parent);
  const right = host.planQuery(q.right, parent);
  const word = q.op.toUpperCase();
  if (left.columns.length !== right.columns.length) {
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, `each ${word} query must have the same number of columns`, at(q.right.location));
  }
  const llits = leafLiterals(q.left, left.columns.length);
  const rlits = leafLiterals(q.right, right.columns.length);
  const unknown: TypeRef = { oid: T.unknown, typmod: -1 };
  const types = left.columns.map((c, i) => {
    const pair: BoundExpr[] = [
      { kind: 'column', index: 0, type: llits[i] ? unknown : c.type, name: c.name },
      { kind: 'column', index: 0, type: rlits[i] ? unknown : right.columns[i].type, name: right.columns[i].name },
    ];
    return selectCommonType(ctx, pair, word, [q.left.location, q.right.location]);
  });
  const l = castColumns(ctx, left.node, left.columns, types, word, llits);
  const r = castColumns(ctx, right.node, right.columns, types, word, rlits);
  const columns = left.columns.map((c, i) => ({ name: c.name, type: types[i], tableOid: 0, attnum: 0 }));
  const node = finishTail(ctx, q, { kind: 'setOp', op: q.op, all: q.all, left: l, right: r, width: columns.length }, columns, host);
  return { node, columns, width: columns.length, correlated: left.correlated || right.correlated };
}
