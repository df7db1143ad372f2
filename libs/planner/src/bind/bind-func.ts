// Function calls: plain functions become BoundCall; aggregates (prokind 'a') are collected
// into the query's AggregateCall list and replaced by an aggRef, where the clause allows them
// (PostgreSQL's 42803 errors otherwise). count(*) is the zero-argument count.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { FuncCallExpr } from '@vecgres/sql';
import type { AggregateCall, BoundExpr } from '../types/bound-expr';
import { at } from './bind-context';
import { visibleProcs } from '../catalog-api';
import { boundChildren } from '../types/bound-walk';
import { bindCondition, bindExpr, type ExprEnv } from './bind-expr';
import { argTypesOf, findFunction } from './resolve-function';
import { bindWindowCall } from './bind-window';
import { bindSrfCall } from './bind-srf';
import { coerceArg, resultType } from './resolve-operator';

function groupingError(message: string, location: number): SqlError {
  return new SqlError(SQLSTATE.GROUPING_ERROR, message, at(location));
}

/** Whether an aggregate's result is used inside `e` (an aggregate in an aggregate's argument). */
export function containsAggRef(e: BoundExpr): boolean {
  if (e.kind === 'aggRef') return true;
  return boundChildren(e).some(containsAggRef);
}

export function bindFuncCall(env: ExprEnv, e: FuncCallExpr): BoundExpr {
  const { ctx } = env;
  if (e.over) return bindWindowCall(env, e);
  if (e.withinGroup) throw notSupported('ordered-set aggregates are not supported yet', at(e.location));
  const isAggSyntax = e.star || e.distinct || e.orderBy.length > 0 || e.filter !== undefined;
  // Arguments of a (possible) aggregate are bound as such, so that an aggregate nested in them
  // is reported at its own position, as PostgreSQL does.
  const maybeAgg = visibleProcs(ctx.catalog, ctx.resolve, e.name, e.schema).some((c) => c.proc.kind === 'a');
  const argEnv: ExprEnv = maybeAgg && env.aggs ? { ...env, inAgg: true } : env;
  const args = e.star ? [] : e.args.map((a) => bindExpr(argEnv, a));
  const { proc, args: declared } = findFunction(ctx, e.name, e.schema, argTypesOf(args), e.location);
  const coerced = args.map((a, i) => coerceArg(ctx, a, declared[i], e.args[i]?.location ?? e.location));
  const type = resultType(ctx, proc.ret, declared, coerced);

  if (proc.kind === 'a') {
    if (env.inAgg || coerced.some(containsAggRef)) throw groupingError('aggregate function calls cannot be nested', e.location);
    if (!env.aggs) throw groupingError(`aggregate functions are not allowed in ${env.clause}`, e.location);
    if (e.orderBy.length > 0) throw notSupported('ORDER BY in aggregate calls is not supported yet', at(e.location));
    const call: AggregateCall = {
      name: proc.name,
      impl: proc.impl,
      args: coerced,
      distinct: e.distinct,
      type,
      ...(coerced[0] ? { argType: coerced[0].type } : {}),
      ...(e.filter ? { filter: bindCondition({ ...env, inAgg: true }, e.filter, 'FILTER') } : {}),
    };
    env.aggs.calls.push(call);
    return { kind: 'aggRef', index: env.aggs.calls.length - 1, type };
  }
  if (isAggSyntax) {
    const what = e.star ? '*' : e.distinct ? 'DISTINCT' : e.filter ? 'FILTER' : 'ORDER BY';
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
