// Function calls: plain functions become BoundCall; aggregates (prokind 'a') are collected
// into the query's AggregateCall list and replaced by an aggRef, where the clause allows them
// (PostgreSQL's 42803 errors otherwise). count(*) is the zero-argument count.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { FuncCallExpr } from '@vecgres/sql';
import type { AggregateCall, BoundExpr } from '../types/bound-expr';
import { at } from './bind-context';
import { visibleProcs } from '../catalog-api';
import { boundChildren, boundKey } from '../types/bound-walk';
import { bindCondition, bindExpr, comparisonImpl, type ExprEnv } from './bind-expr';
import { argTypesOf, findFunction } from './resolve-function';
import { bindKey, bindWindowCall } from './bind-window';
import { bindSrfCall } from './bind-srf';
import { bindGroupingCall } from './bind-grouping';
import { hasNamedArgs, positionalCall } from './named-args';
import { bindWholeRowCall } from './whole-row';
import { coerceArgs } from './coerce-args';
import { resultType } from './resolve-operator';

function groupingError(message: string, location: number): SqlError {
  return new SqlError(SQLSTATE.GROUPING_ERROR, message, at(location));
}

/** Whether an aggregate's result is used inside `e` (an aggregate in an aggregate's argument). */
export function containsAggRef(e: BoundExpr): boolean {
  if (e.kind === 'aggRef') return true;
  return boundChildren(e).some(containsAggRef);
}

/** PostgreSQL: with DISTINCT, each ORDER BY expression must be one of the arguments (42P10). */
function checkDistinctOrder(args: BoundExpr[], keys: BoundExpr[], locations: number[]): void {
  const argKeys = new Set(args.map((a) => boundKey(a)));
  keys.forEach((k, i) => {
    if (!argKeys.has(boundKey(k))) {
      throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, 'in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list', at(locations[i]));
    }
  });
}

export function bindFuncCall(env: ExprEnv, call: FuncCallExpr): BoundExpr {
  if (call.grouping) return bindGroupingCall(env, call);
  const { ctx } = env;
  const e = hasNamedArgs(call) ? positionalCall(ctx, call) : call;
  const wholeRow = bindWholeRowCall(env, e);
  if (wholeRow) return wholeRow;
  if (e.over) return bindWindowCall(env, e);
  const isAggSyntax = e.star || e.distinct || e.withinGroup || e.orderBy.length > 0 || e.filter !== undefined;
  // Arguments of a (possible) aggregate are bound as such, so that an aggregate nested in them
  // is reported at its own position, as PostgreSQL does.
  const maybeAgg = visibleProcs(ctx.catalog, ctx.resolve, e.name, e.schema).some((c) => c.proc.kind === 'a');
  const argEnv: ExprEnv = maybeAgg && env.aggs ? { ...env, inAgg: true } : env;
  // WITHIN GROUP (ORDER BY y): the ordered-set aggregate's aggregated arguments follow the direct ones.
  const args = e.star ? [] : [...e.args, ...(e.withinGroup ? e.orderBy.map((s) => s.expr) : [])].map((a) => bindExpr(argEnv, a));
  const { proc, args: declared } = findFunction(ctx, e.name, e.schema, argTypesOf(args), e.location);
  const locs = [...e.args.map((a) => a.location), ...(e.withinGroup ? e.orderBy.map((s) => s.expr.location) : [])];
  const coerced = coerceArgs(ctx, args, declared, args.map((_, i) => locs[i] ?? e.location));
  const orderedSet = proc.kind === 'a' && proc.impl.startsWith('ordered_set_transition');
  if (proc.kind === 'a' && orderedSet !== e.withinGroup) {
    throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, orderedSet
      ? `WITHIN GROUP is required for ordered-set aggregate ${proc.name}`
      : `${proc.name} is not an ordered-set aggregate, so it cannot have WITHIN GROUP`, at(e.location));
  }
  const type = resultType(ctx, proc.ret, declared, coerced);

  if (proc.kind === 'a') {
    if (env.inAgg || coerced.some(containsAggRef)) throw groupingError('aggregate function calls cannot be nested', e.location);
    if (!env.aggs) throw groupingError(`aggregate functions are not allowed in ${env.clause}`, e.location);
    const orderBy = e.withinGroup
      ? e.orderBy.map((s, i) => {
          const expr = coerced[e.args.length + i];
          const desc = s.direction === 'desc';
          return { expr, desc, nullsFirst: s.nulls === 'default' ? desc : s.nulls === 'first', cmpImpl: comparisonImpl(ctx, expr.type.oid, s.expr.location) };
        })
      : e.orderBy.map((s) => bindKey({ ...env, inAgg: true }, s));
    if (e.distinct) checkDistinctOrder(coerced, orderBy.map((k) => k.expr), e.orderBy.map((s) => s.expr.location));
    const call: AggregateCall = {
      name: proc.name,
      impl: proc.impl,
      args: coerced,
      distinct: e.distinct,
      type,
      ...(coerced[0] ? { argType: coerced[0].type } : {}),
      ...(orderBy.length > 0 ? { orderBy } : {}),
      ...(e.filter ? { filter: bindCondition({ ...env, inAgg: true }, e.filter, 'FILTER') } : {}),
    };
    env.aggs.calls.push(call);
    return { kind: 'aggRef', index: env.aggs.calls.length - 1, type };
  }
  if (isAggSyntax) {
    const what = e.star ? '*' : e.distinct ? 'DISTINCT' : e.withinGroup ? 'WITHIN GROUP' : e.filter ? 'FILTER' : 'ORDER BY';
    throw new SqlError(
      SQLSTATE.WRONG_OBJECT_TYPE,
      `${what} specified, but ${proc.name} is not an aggregate function`,
      at(e.location),
    );
  }
  if (proc.retset) return bindSrfCall(env, proc, coerced, type, e.location);
  return {
    kind: 'call',
    impl: proc.impl,
    name: proc.name,
    form: 'func',
    args: coerced,
    type,
    strict: proc.strict,
    volatile: proc.vol === 'v',
    location: e.location,
  };
}
