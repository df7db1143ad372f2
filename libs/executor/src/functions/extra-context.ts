// The call context that some builtin functions need beyond their arguments, and the marker
// that tells the expression compiler to pass it.
//
// PostgreSQL reads these from backend globals (GetCurrentTransactionStartTimestamp, the
// session_timezone GUC, the drandom() PRNG state, get_fn_expr_argtype for "any" arguments);
// we have no module-level state, so a contextual function takes them as an explicit first
// argument:
//
//   compile time:  fn = lookupScalar(impl)
//                  if (isContextual(fn)) {
//                    const ctx = { ...sessionPart, argTypes: call.args.map(a => a.type.oid),
//                                  resultType: call.type.oid };
//                    call fn(ctx, ...args) for each row
//                  } else fn(...args)
//
// `argTypes` is fixed per call site; everything else is per statement / session.
import { UTC_ZONE, builtinCodecRegistry, type CodecRegistry, type TextOutputOptions, type TimeZone } from '@vecgres/pg-types';
import type { ScalarFn } from './function-table';

export interface FunctionContext {
  /** now() / transaction_timestamp() / current_date: transaction start, µs since 2000-01-01 UTC. */
  readonly transactionStart: bigint;
  /** statement_timestamp(): start of the current statement (µs since 2000-01-01 UTC). */
  readonly statementStart: bigint;
  /** clock_timestamp() / timeofday(): reads the wall clock on every call. */
  clock(): bigint;
  /** The session TimeZone (timestamptz arithmetic, casts, date_part, to_char). */
  readonly timeZone: TimeZone;
  /** random(): uniform in [0, 1) from the session's generator (setseed replaces it). */
  random(): number;
  /** setseed(x): reseeds the session generator (x in [-1, 1], already validated). */
  setSeed(seed: number): void;
  /** Type OIDs of the call's arguments after coercion (polymorphic and "any" arguments). */
  readonly argTypes: readonly number[];
  /** Type OID of the call's result (e.g. the concrete array type of array_append). */
  readonly resultType: number;
  /** The type's output function with the session's settings (DateStyle, IntervalStyle, ...). */
  formatValue(value: unknown, typeOid: number): string;
}

/** A function whose first parameter is a FunctionContext (the remaining ones are the SQL args). */
export type ContextualFn = ScalarFn & { readonly contextual: true };

/** Marks `fn` as taking a FunctionContext first. */
export function contextual<A extends unknown[], R>(fn: (ctx: FunctionContext, ...args: A) => R): ContextualFn {
  return Object.assign(fn as ScalarFn, { contextual: true as const });
}

export function isContextual(fn: ScalarFn): fn is ContextualFn {
  return (fn as Partial<ContextualFn>).contextual === true;
}

/**
 * A set-returning function: called once with its (non-NULL, strict) arguments, returns all
 * its rows. Single-column SRFs return the values; multi-column ones (jsonb_each: key, value)
 * return arrays, one per row, in the proc's OUT-column order.
 */
export type SetReturningFn = ((...args: any[]) => unknown[]) & { readonly setReturning: true; readonly columns: number };

/** Marks `fn` (possibly also contextual) as set-returning with `columns` output columns. */
export function setReturning(columns: number, fn: (...args: any[]) => unknown): SetReturningFn {
  return Object.assign(fn as (...args: any[]) => unknown[], { setReturning: true as const, columns });
}

export function isSetReturning(fn: ScalarFn): fn is SetReturningFn {
  return (fn as Partial<SetReturningFn>).setReturning === true;
}

/** Options for functionContext; unset ones default to UTC, the clock, Math.random. */
export interface FunctionContextOptions {
  transactionStart?: bigint;
  statementStart?: bigint;
  clock?: () => bigint;
  timeZone?: TimeZone;
  random?: () => number;
  setSeed?: (seed: number) => void;
  argTypes?: readonly number[];
  resultType?: number;
  /** Output options for formatValue (TimeZone is taken from `timeZone`). */
  output?: TextOutputOptions;
  codecs?: CodecRegistry;
}

/** Microseconds since 2000-01-01 UTC on the wall clock. */
function wallClock(): bigint {
  return BigInt(Date.now()) * 1000n - 946684800000000n;
}

/**
 * Builds a FunctionContext from session parts (the executor makes one per call site; tests
 * use it with fixed clocks). formatValue uses the builtin codecs unless `codecs` is given.
 */
export function functionContext(opts: FunctionContextOptions = {}): FunctionContext {
  const now = opts.transactionStart ?? wallClock();
  const timeZone = opts.timeZone ?? UTC_ZONE;
  const codecs = opts.codecs ?? builtinCodecRegistry();
  const output: TextOutputOptions = { ...opts.output, timeZone };
  return {
    transactionStart: now,
    statementStart: opts.statementStart ?? now,
    clock: opts.clock ?? wallClock,
    timeZone,
    random: opts.random ?? Math.random,
    setSeed: opts.setSeed ?? (() => undefined),
    argTypes: opts.argTypes ?? [],
    resultType: opts.resultType ?? 0,
    formatValue: (value, oid) => codecs.require(oid).toText(value, output),
  };
}
