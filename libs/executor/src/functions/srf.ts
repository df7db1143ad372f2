// Set-returning functions by impl key: the family tables (JSONB_SRFS, STRING_SRFS,
// DATETIME_SRFS: SetReturningFn, see extra-context.ts) plus the core ones defined here
// (generate_series over int4/int8/numeric, unnest, generate_subscripts). `srfRows` returns a
// function's rows as arrays of its output columns.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { PgArray } from '@vecgres/pg-types';
import type { SrfCall } from '@vecgres/planner';
import { decAdd, decCmp, decToString, parseDec } from './decimal';
import { DATETIME_SRFS } from './datetime';
import { functionContext, isContextual, isSetReturning, setReturning, type FunctionContextOptions } from './extra-context';
import type { FunctionTable, ScalarFn } from './function-table';
import { JSONB_SRFS } from './jsonb';
import { lookupScalar } from './registry';
import { STRING_SRFS } from './string';

const stepZero = () => new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'step size cannot equal zero');

function seriesInt(asNumber: boolean) {
  return (a: number | bigint, b: number | bigint, s: number | bigint = 1): Iterable<unknown> => {
    const step = BigInt(s);
    if (step === 0n) throw stepZero();
    const stop = BigInt(b);
    return (function* ints() {
      for (let v = BigInt(a); step > 0n ? v <= stop : v >= stop; v += step) yield asNumber ? Number(v) : v;
    })();
  };
}

function seriesNumeric(a: string, b: string, s = '1'): Iterable<unknown> {
  const step = parseDec(s);
  if (step.d === 0n) throw stepZero();
  const end = parseDec(b);
  const up = step.d > 0n;
  const start = parseDec(a);
  return (function* numerics() {
    for (let v = start; up ? decCmp(v, end) <= 0 : decCmp(v, end) >= 0; v = decAdd(v, step)) yield decToString(v);
  })();
}

/** generate_subscripts(arr, dim [, reverse]): the subscripts of dimension `dim`. */
function subscripts(arr: PgArray, dim: number, reverse = false): unknown[] {
  if (dim < 1 || dim > arr.dims.length) return [];
  const lo = arr.lowerBounds[dim - 1];
  const out = Array.from({ length: arr.dims[dim - 1] }, (_, i) => lo + i);
  return reverse ? out.reverse() : out;
}

const CORE_SRFS: FunctionTable = {
  generate_series_int4: setReturning(1, seriesInt(true)),
  generate_series_step_int4: setReturning(1, seriesInt(true)),
  generate_series_int8: setReturning(1, seriesInt(false)),
  generate_series_step_int8: setReturning(1, seriesInt(false)),
  generate_series_numeric: setReturning(1, seriesNumeric),
  generate_series_step_numeric: setReturning(1, seriesNumeric),
  // Every element in storage order, whatever the number of dimensions (PostgreSQL's unnest).
  array_unnest: setReturning(1, (arr: PgArray) => [...arr.elements]),
  generate_subscripts: setReturning(1, subscripts),
  generate_subscripts_nodir: setReturning(1, subscripts),
};

const TABLES = [CORE_SRFS, JSONB_SRFS, STRING_SRFS, DATETIME_SRFS];

function lookupSrf(impl: string): ScalarFn | undefined {
  for (const t of TABLES) if (Object.hasOwn(t, impl)) return t[impl];
  return undefined;
}

/**
 * Compiles one call: `(args) => rows`, each row an array of the call's output columns. The rows
 * are an Iterable: generate_series produces its values lazily, so callers that pull them in
 * batches never hold more than a batch (a huge or endless series is bounded by the statement's
 * timeout, not by memory).
 */
export function compileSrf(
  call: SrfCall, ctxOptions: FunctionContextOptions = {}, sessionFunctions: Readonly<Record<string, ScalarFn>> = {},
): (args: unknown[]) => Iterable<unknown[]> {
  // Session functions first (catalog SRFs such as pg_partition_ancestors, current_schema()).
  const fn = sessionFunctions[call.impl] ?? (call.scalar ? lookupScalar(call.impl) : lookupSrf(call.impl));
  if (!fn) throw notSupported(`function ${call.name} in FROM is not implemented yet (${call.impl})`);
  const width = call.columns.length;
  const invoke = isContextual(fn)
    ? ((fctx) => (args: unknown[]) => fn(fctx, ...args))(functionContext({
        ...ctxOptions, argTypes: call.args.map((a) => a.type.oid), resultType: call.columns[0]?.oid ?? 0,
      }))
    : (args: unknown[]) => fn(...args);
  return (args) => {
    if (call.strict && args.some((a) => a === null)) return [];
    if (call.scalar || !isSetReturning(fn)) return [[invoke(args)]];
    const rows = invoke(args) as Iterable<unknown>;
    return width === 1 && fn.columns === 1 ? wrapValues(rows) : (rows as Iterable<unknown[]>);
  };
}

function* wrapValues(values: Iterable<unknown>): Iterable<unknown[]> {
  for (const v of values) yield [v];
}
