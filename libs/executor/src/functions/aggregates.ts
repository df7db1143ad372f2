// Aggregate implementations keyed by the catalog's aggregate impl (transfn[+finalfn]).
// State machines with PostgreSQL's results: count -> bigint; sum(int2/int4) -> bigint,
// sum(int8) / sum(numeric) -> numeric; avg(integers/numeric) -> numeric at select_div_scale;
// sum/avg over no (non-NULL) rows -> NULL; min/max by the type's order.
import { notSupported } from '@vecgres/errors';
import { PgArray } from '@vecgres/pg-types';
import type { AggregateCall } from '@vecgres/planner';
import { jsonAggregate } from './aggregates-json';
import { statsAggregate } from './aggregates-stats';
import { orderedSetAggregate } from './aggregates-ordered-set';
import { comparatorFor } from './compare';
import type { FunctionContext } from './extra-context';
import { decAdd, decDiv, decFromInt, decToString, parseDec, type Dec } from './decimal';
import { numericCmp } from './numeric';
import { fitInt } from './int';
import { bpcharCmp, textCmp } from './text';
import { VECTOR_AGGREGATES } from './vector';

export interface AggImpl<S = any> {
  init(): S;
  /** Called with the argument values of one input row (NULL-skipping is done here). */
  step(state: S, args: unknown[]): S;
  final(state: S): unknown;
}

const countStar: AggImpl<bigint> = { init: () => 0n, step: (s) => s + 1n, final: (s) => s };
const countAny: AggImpl<bigint> = { init: () => 0n, step: (s, a) => (a[0] === null ? s : s + 1n), final: (s) => s };

/** sum of int2/int4 into a bigint (null until the first non-NULL input). */
const sumIntToInt8: AggImpl<bigint | null> = {
  init: () => null,
  step: (s, [v]) => (v === null ? s : (fitInt((s ?? 0n) + BigInt(v as number), 8) as bigint)),
  final: (s) => s,
};

const sumToNumeric: AggImpl<Dec | null> = {
  init: () => null,
  step: (s, [v]) => (v === null ? s : decAdd(s ?? decFromInt(0), typeof v === 'string' ? parseDec(v) : decFromInt(v as bigint))),
  final: (s) => (s === null ? null : decToString(s)),
};

function sumFloat(single: boolean): AggImpl<number | null> {
  return {
    init: () => null,
    step: (s, [v]) => (v === null ? s : single ? Math.fround((s ?? 0) + (v as number)) : (s ?? 0) + (v as number)),
    final: (s) => s,
  };
}

const avgToNumeric: AggImpl<{ sum: Dec; n: bigint }> = {
  init: () => ({ sum: decFromInt(0), n: 0n }),
  step: (s, [v]) => {
    if (v === null) return s;
    const x = typeof v === 'string' ? parseDec(v) : decFromInt(v as number | bigint);
    return { sum: decAdd(s.sum, x), n: s.n + 1n };
  },
  final: (s) => (s.n === 0n ? null : decToString(decDiv(s.sum, decFromInt(s.n)))),
};

const avgFloat: AggImpl<{ sum: number; n: number }> = {
  init: () => ({ sum: 0, n: 0 }),
  step: (s, [v]) => (v === null ? s : { sum: s.sum + (v as number), n: s.n + 1 }),
  final: (s) => (s.n === 0 ? null : s.sum / s.n),
};

function extreme(cmp: (a: any, b: any) => number, sign: 1 | -1): AggImpl<unknown> {
  return {
    init: () => null,
    step: (s, [v]) => (v === null ? s : s === null || sign * cmp(v, s) > 0 ? v : s),
    final: (s) => s,
  };
}

function boolAgg(isAnd: boolean): AggImpl<boolean | null> {
  return {
    init: () => null,
    step: (s, [v]) => (v === null ? s : s === null ? (v as boolean) : isAnd ? s && (v as boolean) : s || (v as boolean)),
    final: (s) => s,
  };
}

const stringAgg: AggImpl<string | null> = {
  init: () => null,
  step: (s, [v, d]) => (v === null ? s : s === null ? (v as string) : s + ((d as string | null) ?? '') + (v as string)),
  final: (s) => s,
};

const arrayAgg: AggImpl<unknown[] | null> = {
  init: () => null,
  step: (s, [v]) => [...(s ?? []), v],
  final: (s) => (s === null ? null : PgArray.of(s)),
};

const FIXED: Record<string, AggImpl> = {
  int8inc: countStar,
  int8inc_any: countAny,
  int4_sum: sumIntToInt8,
  int2_sum: sumIntToInt8,
  'int8_avg_accum+numeric_poly_sum': sumToNumeric,
  'numeric_avg_accum+numeric_sum': sumToNumeric,
  float4pl: sumFloat(true),
  float8pl: sumFloat(false),
  'int4_avg_accum+int8_avg': avgToNumeric,
  'int2_avg_accum+int8_avg': avgToNumeric,
  'int8_avg_accum+numeric_poly_avg': avgToNumeric,
  'numeric_avg_accum+numeric_avg': avgToNumeric,
  'float4_accum+float8_avg': avgFloat,
  'float8_accum+float8_avg': avgFloat,
  booland_statefunc: boolAgg(true),
  boolor_statefunc: boolAgg(false),
  'string_agg_transfn+string_agg_finalfn': stringAgg,
  'array_agg_transfn+array_agg_finalfn': arrayAgg,
};

/** The implementation of one aggregate call of a plan. */
export function aggregateImpl(call: AggregateCall, fctx?: FunctionContext): AggImpl {
  const fixed = FIXED[call.impl];
  if (fixed) return fixed;
  if (Object.hasOwn(VECTOR_AGGREGATES, call.impl)) return VECTOR_AGGREGATES[call.impl];
  const json = fctx ? jsonAggregate(call.impl, fctx) : undefined;
  if (json) return json;
  const stats = statsAggregate(call.impl) ?? orderedSetAggregate(call.impl);
  if (stats) return stats;
  const m = /^(.*?)_?(larger|smaller)$/.exec(call.impl);
  if (m) {
    const family = m[1];
    const cmp = family === 'numeric' ? numericCmp : family === 'text' ? textCmp : family === 'bpchar' ? bpcharCmp : comparatorFor(`${family}lt`, call.argType?.oid);
    return extreme(cmp, m[2] === 'larger' ? 1 : -1);
  }
  throw notSupported(`aggregate ${call.name} is not implemented yet (${call.impl})`);
}
