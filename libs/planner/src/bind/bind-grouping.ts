// GROUPING(a, b, ...) (PostgreSQL's GroupingFunc, parse_agg.c transformGroupingFunc). It is
// collected like an aggregate (an AggregateCall with impl 'grouping' and an aggRef in the
// expression), because its value is per output group: the Aggregate node computes it from
// the group's grouping set. Bit i (counting from the right, the LAST argument being bit 0) is
// 1 when that argument is not grouped in the row's set. The arguments must be GROUP BY
// expressions of this query level; that is checked once the keys are known
// (resolveGroupingCalls, called by plan-select.ts).
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { Expr, FuncCallExpr } from '@vecgres/sql';
import type { AggregateCall, BoundExpr } from '../types/bound-expr';
import { boundKey } from '../types/bound-walk';
import { at } from './bind-context';
import { bindExpr, type ExprEnv } from './bind-expr';

const INT4 = { oid: 23, typmod: -1 };

/** PostgreSQL's exprLocation: an operator expression starts at its left operand. */
function startOf(e: Expr): number {
  if (e.kind === 'op' && e.left) {
    const l = startOf(e.left);
    return l >= 0 && (l < e.location || e.location < 0) ? l : e.location;
  }
  return e.location;
}

export function bindGroupingCall(env: ExprEnv, call: FuncCallExpr): BoundExpr {
  if (env.inAgg) throw new SqlError(SQLSTATE.GROUPING_ERROR, 'aggregate function calls cannot be nested', at(call.location));
  if (!env.aggs) throw new SqlError(SQLSTATE.GROUPING_ERROR, `grouping operations are not allowed in ${env.clause}`, at(call.location));
  if (call.args.length > 31) {
    throw new SqlError(SQLSTATE.TOO_MANY_ARGUMENTS, 'GROUPING must have fewer than 32 arguments', at(call.location));
  }
  const args = call.args.map((a) => bindExpr(env, a));
  const agg: AggregateCall = {
    name: 'GROUPING', impl: 'grouping', args, distinct: false, type: INT4,
    grouping: { locations: call.args.map(startOf) },
  };
  env.aggs.calls.push(agg);
  return { kind: 'aggRef', index: env.aggs.calls.length - 1, type: INT4 };
}

/**
 * Fills in each GROUPING call's group key indices; an argument that is no group key is 42803
 * at its position. Returns the calls (new objects; the others unchanged).
 */
export function resolveGroupingCalls(calls: AggregateCall[], groupKeys: BoundExpr[]): AggregateCall[] {
  if (!calls.some((c) => c.grouping)) return calls;
  const keyIndex = new Map(groupKeys.map((k, i) => [boundKey(k), i]));
  return calls.map((c) => {
    if (!c.grouping) return c;
    const keys = c.args.map((a, i) => {
      const k = keyIndex.get(boundKey(a));
      if (k === undefined) {
        throw new SqlError(SQLSTATE.GROUPING_ERROR, 'arguments to GROUPING must be grouping expressions of the associated query level', at(c.grouping!.locations[i]));
      }
      return k;
    });
    return { ...c, grouping: { ...c.grouping, keys } };
  });
}
