// H15's builtin function tables, for registry.ts to search after its own tables:
//
//   EXTRA_FUNCTION_TABLES   scalar functions / operators / function casts by impl key
//   EXTRA_SRF_TABLES        set-returning functions (jsonb_each, regexp_matches,
//                           generate_series over timestamps, ...) for the Function Scan
//   EXTRA_COMPARATORS       three-way comparators for ORDER BY / min / max of types whose JS
//                           values do not compare with < (interval, jsonb, arrays)
//   SQL_VALUE_FUNCTIONS     current_date, current_timestamp, localtimestamp, current_time,
//                           localtime (SQLValueFunction nodes, not pg_proc rows)
//
// Wiring contract (see extra-context.ts):
//   - A function with `contextual: true` (isContextual) takes a FunctionContext first. The
//     compiler builds it per call site: session clock/zone/random + argTypes (the bound
//     arguments' type OIDs after coercion) + resultType. CONTEXTUAL_KEYS lists them.
//   - A function with `setReturning: true` (isSetReturning) returns all rows at once: values for
//     single-column SRFs, arrays for multi-column ones (`columns` says how many).
//   - VARIADIC "any" functions (concat, concat_ws, format, jsonb_build_object/array) get their
//     arguments spread, one JS argument per SQL argument, with NULLs as null (non-strict).
//   - text[] parameters accept a PgArray or a JS array; arrays are returned as PgArray.
//   - Several impl keys end in eq/ne/lt/le/gt/ge by accident (timestamptz_zone, age,
//     interval_scale, quote_nullable, make_timestamptz_at_timezone, ...): registry.ts must look
//     these tables up BEFORE its derived comparisonFunction() fallback.
import type { Comparator } from './compare';
import { ARRAY_FUNCTIONS, arrayCmp, elementComparator } from './array';
import { DATETIME_FUNCTIONS, DATETIME_SRFS, currentDate, intervalCmp } from './datetime';
import { DATETIME_FROM_TEXT_FUNCTIONS } from './datetime-from-text';
import { NUMBER_TO_CHAR_FUNCTIONS } from './number-to-char';
import { TYPE_INFO_FUNCTIONS } from './type-info';
import { contextual, isContextual, type FunctionContext } from './extra-context';
import type { FunctionTable } from './function-table';
import { JSONB_FUNCTIONS, JSONB_SRFS } from './jsonb';
import { compareJsonb } from './jsonb-ops';
import { MATH_FUNCTIONS } from './math';
import { STRING_FUNCTIONS, STRING_SRFS } from './string';
import { UUID_FUNCTIONS, uuidCmp } from './uuid';
import { scaleTimestamp } from './datetime-make';
import { timestampToTime, timestamptzToTimestamp, utcToLocal } from '@vecgres/pg-types';

export { isContextual, isSetReturning, functionContext, type FunctionContext, type ContextualFn, type SetReturningFn } from './extra-context';

export const EXTRA_FUNCTION_TABLES: FunctionTable[] = [
  DATETIME_FUNCTIONS, JSONB_FUNCTIONS, MATH_FUNCTIONS, STRING_FUNCTIONS, ARRAY_FUNCTIONS, UUID_FUNCTIONS,
  DATETIME_FROM_TEXT_FUNCTIONS, NUMBER_TO_CHAR_FUNCTIONS, TYPE_INFO_FUNCTIONS,
];

export const EXTRA_SRF_TABLES: FunctionTable[] = [DATETIME_SRFS, JSONB_SRFS, STRING_SRFS];

/** Impl keys whose function takes a FunctionContext first (derived, so it cannot drift). */
export const CONTEXTUAL_KEYS: readonly string[] = [...EXTRA_FUNCTION_TABLES, ...EXTRA_SRF_TABLES]
  .flatMap((t) => Object.entries(t).filter(([, fn]) => isContextual(fn)).map(([k]) => k));

/**
 * Comparators for sorting by type family name (pg_type.typname; arrays by their element
 * comparator). comparatorFor() in compare.ts falls back to JS `<`, which is wrong for these.
 */
export const EXTRA_COMPARATORS: Record<string, Comparator> = {
  interval: intervalCmp,
  jsonb: compareJsonb,
  uuid: uuidCmp,
};

/** The comparator for an array type whose element type is `elemOid`. */
export function arrayComparator(elemOid: number): Comparator {
  return arrayCmp(elementComparator(elemOid));
}

/** Optional precision argument of current_timestamp(p) etc. */
const precise = (ts: bigint, p?: number | null): bigint => (p === undefined || p === null ? ts : scaleTimestamp(ts, p));

/** SQLValueFunction implementations, all reading the transaction start in the session zone. */
export const SQL_VALUE_FUNCTIONS: FunctionTable = {
  current_date: contextual((ctx: FunctionContext) => currentDate(ctx)),
  current_timestamp: contextual((ctx: FunctionContext, p?: number) => precise(ctx.transactionStart, p)),
  localtimestamp: contextual((ctx: FunctionContext, p?: number) => precise(timestamptzToTimestamp(ctx.transactionStart, ctx.timeZone), p)),
  current_time: contextual((ctx: FunctionContext, p?: number) => {
    const { local, offset } = utcToLocal(ctx.timeZone, ctx.transactionStart);
    return { micros: precise(timestampToTime(local), p), offset };
  }),
  localtime: contextual((ctx: FunctionContext, p?: number) => precise(timestampToTime(timestamptzToTimestamp(ctx.transactionStart, ctx.timeZone)), p)),
};
