// Test helper for the builtin function tables (H15's datetime/jsonb/math/string/array/uuid):
// arguments are written as `type:text` and go through the type's input function, results come
// back through its output function, so expectations are PostgreSQL's literal psql output.
//
//   callFn(TABLE, 'date_pli', ['date:2024-01-31', 'int4:30'], 'date')  -> '2024-03-01'
//   errorOf(() => callFn(...))                                        -> '22008 date out of range'
import { isSqlError } from '@vecgres/errors';
import { UTC_ZONE, builtinCodecRegistry, type TimeZone } from '@vecgres/pg-types';
import { functionContext, isContextual, type FunctionContextOptions } from '../functions/extra-context';
import type { FunctionTable } from '../functions/function-table';

const codecs = builtinCodecRegistry();

/** Type names usable in `type:text` arguments. */
export const TYPE_OIDS: Record<string, number> = {
  bool: 16, bytea: 17, int8: 20, int2: 21, int4: 23, text: 25, json: 114, float4: 700, float8: 701,
  varchar: 1043, date: 1082, time: 1083, timestamp: 1114, timestamptz: 1184, interval: 1186, timetz: 1266,
  numeric: 1700, uuid: 2950, jsonb: 3802, 'int4[]': 1007, 'text[]': 1009, 'int8[]': 1016, 'float8[]': 1022,
  'numeric[]': 1231, 'bool[]': 1000, 'date[]': 1182, 'jsonb[]': 3807, 'uuid[]': 2951, 'varchar[]': 1015,
};

export interface CallOptions extends FunctionContextOptions {
  timeZone?: TimeZone;
}

function oidOf(type: string): number {
  const oid = TYPE_OIDS[type];
  if (oid === undefined) throw new Error(`unknown test type ${type}`);
  return oid;
}

/** Parses `type:text` (or the literal `null`) into [oid, value]. */
export function parseArg(arg: string, zone: TimeZone = UTC_ZONE): [number, unknown] {
  const i = arg.indexOf(':');
  const type = arg.slice(0, i);
  const text = arg.slice(i + 1);
  const oid = oidOf(type);
  if (text === 'NULL') return [oid, null];
  return [oid, codecs.require(oid).fromText(text, { timeZone: zone })];
}

/** A value of `type` from its text form. */
export function val(type: string, text: string, zone: TimeZone = UTC_ZONE): unknown {
  return codecs.require(oidOf(type)).fromText(text, { timeZone: zone });
}

/** The text form of a value of `type` (null stays null). */
export function show(type: string, value: unknown, zone: TimeZone = UTC_ZONE): string | null {
  if (value === null || value === undefined) return null;
  return codecs.require(oidOf(type)).toText(value, { timeZone: zone });
}

/** Calls impl from table with parsed arguments; contextual functions get a context first. */
export function callRaw(table: FunctionTable, impl: string, args: readonly string[], opts: CallOptions = {}): unknown {
  const fn = table[impl];
  if (!fn) throw new Error(`no function ${impl}`);
  const zone = opts.timeZone ?? UTC_ZONE;
  const parsed = args.map((a) => parseArg(a, zone));
  const values = parsed.map(([, v]) => v);
  if (!isContextual(fn)) return fn(...values);
  const ctx = functionContext({ ...opts, timeZone: zone, argTypes: opts.argTypes ?? parsed.map(([oid]) => oid) });
  return fn(ctx, ...values);
}

/** callRaw, with the result printed as `resultType` (psql's text). */
export function callFn(table: FunctionTable, impl: string, args: readonly string[], resultType: string, opts: CallOptions = {}): string | null {
  return show(resultType, callRaw(table, impl, args, opts), opts.timeZone ?? UTC_ZONE);
}

/** `SQLSTATE message` of the SqlError `fn` throws (fails the test if it throws nothing else). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isSqlError(e)) return `${e.sqlstate} ${e.message}`;
    throw e;
  }
  throw new Error('expected an error');
}
