// Subqueries in expressions: scalar `(SELECT ...)`, EXISTS, `x IN (SELECT ...)` and
// `x op ANY|ALL (SELECT ...)`. The inner query is planned with the current scope as its
// parent (so it may reference outer columns); its plan goes into the statement's subplans.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { Expr, Query } from '@vecgres/sql';
import type { PhysicalNode } from '../plan/physical-node';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { at } from './bind-context';
import { bindExpr, type ExprEnv } from './bind-expr';
import { bindOperator } from './resolve-operator';
import { rewriteRowInSubquery } from './row-in-subquery';
import type { Scope } from './scope';
import { T } from './type-oids';

export interface PlannedSubquery { plan: PhysicalNode; columns: TypeRef[]; correlated: boolean }

/** Plans a query nested in an expression; provided by the statement planner (breaks the cycle). */
export interface SubqueryPlanner {
  plan(query: Query, parent: Scope): PlannedSubquery;
}

const BOOL: TypeRef = { oid: T.bool, typmod: -1 };

export function bindSubquery(env: ExprEnv, e: Extract<Expr, { kind: 'exists' | 'scalarSubquery' | 'subqueryCompare' | 'arraySubquery' }>): BoundExpr {
  const { ctx } = env;
  const rowIn = e.kind === 'subqueryCompare' ? rewriteRowInSubquery(ctx, e) : undefined;
  if (rowIn) return bindExpr(env, rowIn);
  const sub = env.subqueries.plan(e.query, env.scope);
  const plan = ctx.addSubplan(sub.plan);
  if (e.kind === 'exists') return { kind: 'subquery', mode: 'exists', plan, correlated: sub.correlated, type: BOOL };
  if (sub.columns.length !== 1) {
    // PostgreSQL: a scalar / ARRAY() subquery "must return only one column"; IN / ANY / ALL
    // with a single left expression says "has too many columns" (or "too few").
    const compare = e.kind === 'subqueryCompare';
    const msg = !compare ? 'subquery must return only one column' : sub.columns.length > 1 ? 'subquery has too many columns' : 'subquery has too few columns';
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, msg, at(e.location));
  }
  if (e.kind === 'scalarSubquery') {
    return { kind: 'subquery', mode: 'scalar', plan, correlated: sub.correlated, type: sub.columns[0] };
  }
  if (e.kind === 'arraySubquery') {
    const arrayOid = ctx.type(sub.columns[0].oid)?.array;
    if (!arrayOid) throw notSupported(`could not find array type for data type ${ctx.typeName(sub.columns[0].oid)}`, at(e.location));
    return { kind: 'subquery', mode: 'array', plan, correlated: sub.correlated, type: { oid: arrayOid, typmod: -1 } };
  }
  // Resolve `left op <column>` with a placeholder of the subquery column's type.
  const left = bindExpr(env, e.left);
  const placeholder: BoundExpr = { kind: 'param', index: -1, type: sub.columns[0] };
  const cmp = bindOperator(ctx, e.op, e.schema, left, placeholder, e.location);
  if (cmp.type.oid !== T.bool) {
    throw new SqlError(SQLSTATE.DATATYPE_MISMATCH, `op ANY/ALL (array) requires operator to yield boolean`, at(e.location));
  }
  // A binary-compatible relabel of the column (oid = ANY (SELECT regclass ...)) changes no
  // value, so the rows compare as they come.
  const right = cmp.args[1];
  const relabelled = right.kind === 'cast' && right.method === 'binary' && right.arg === placeholder && right.type.typmod < 0;
  if (right !== placeholder && !relabelled) {
    throw notSupported('subquery comparisons that need a coercion of the subquery column are not supported yet', at(e.location));
  }
  return {
    kind: 'subquery',
    mode: e.quantifier,
    plan,
    correlated: sub.correlated,
    left: cmp.args[0],
    cmpImpl: cmp.impl,
    type: BOOL,
  };
}
