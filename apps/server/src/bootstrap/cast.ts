// Value conversions between the bootstrap's types, following PostgreSQL's cast rules for
// them: explicit casts (`::type`) allow the I/O conversions to and from text, assignment
// casts (INSERT, COPY) only numeric<->numeric and anything->text.
// Values: int2/int4 number, int8 bigint, float4/float8 number, numeric string, text string,
// bool boolean, bytea Buffer, unknown string (an untyped literal).
import {
  SqlError,
  SQLSTATE,
  datatypeMismatch,
  numericOutOfRange,
} from '@vecgres/errors';
import { TYPE_OID, builtinCodecRegistry, formatFloat4, formatFloat8, parseNumericText } from '@vecgres/pg-types';
import { NUMERIC_TYPES, STRING_TYPES, typeDisplayName } from './sql-types';

export type CastContext = 'explicit' | 'assignment';

const CODECS = builtinCodecRegistry();

const INT_LIMITS: ReadonlyMap<number, [bigint, bigint, string]> = new Map([
  [TYPE_OID.int2, [-32768n, 32767n, 'smallint out of range']],
  [TYPE_OID.int4, [-2147483648n, 2147483647n, 'integer out of range']],
  [TYPE_OID.int8, [-9223372036854775808n, 9223372036854775807n, 'bigint out of range']],
]);

/** Rounds half away from zero, on the exact decimal string (numeric -> int). */
function roundNumericString(value: string): bigint {
  const neg = value.startsWith('-');
  const abs = neg ? value.slice(1) : value;
  const [int = '0', frac = ''] = abs.split('.');
  let n = BigInt(int || '0');
  if ((frac[0] ?? '0') >= '5') n += 1n;
  return neg ? -n : n;
}

function toInteger(value: unknown, from: number, to: number): number | bigint {
  const [min, max, message] = INT_LIMITS.get(to)!;
  let n: bigint;
  if (typeof value === 'bigint') n = value;
  else if (from === TYPE_OID.numeric) {
    if (!/^-?\d/.test(value as string)) throw numericOutOfRange(`cannot convert ${value} to ${typeDisplayName(to)}`);
    n = roundNumericString(value as string);
  } else {
    const v = value as number;
    if (!Number.isFinite(v)) throw numericOutOfRange(message);
    // float -> int uses rint(): round half to even.
    const r = Math.round(v);
    n = BigInt(Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r);
  }
  if (n < min || n > max) throw numericOutOfRange(message);
  return to === TYPE_OID.int8 ? n : Number(n);
}

function toFloat(value: unknown, to: number): number {
  const v = typeof value === 'string' ? Number(value) : Number(value as number | bigint);
  if (to === TYPE_OID.float8) return v;
  const f = Math.fround(v);
  if (!Number.isFinite(f) && Number.isFinite(v)) throw numericOutOfRange('value out of range: overflow');
  return f;
}

function toNumeric(value: unknown, from: number): string {
  if (typeof value === 'bigint' || from === TYPE_OID.int2 || from === TYPE_OID.int4) return String(value);
  if (from === TYPE_OID.numeric) return value as string;
  const v = value as number;
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  // float -> numeric keeps DBL_DIG (FLT_DIG) significant digits, like float8_numeric.
  return parseNumericText(from === TYPE_OID.float4 ? formatFloat4(v, 0) : formatFloat8(v, 0));
}

function cannotCast(from: number, to: number): SqlError {
  return new SqlError(SQLSTATE.CANNOT_COERCE, `cannot cast type ${typeDisplayName(from)} to ${typeDisplayName(to)}`);
}

/** Converts a non-null value of type `from` to type `to`. */
export function castValue(value: unknown, from: number, to: number, context: CastContext = 'explicit'): unknown {
  if (from === to) return value;
  if (from === TYPE_OID.unknown) return CODECS.require(to).fromText(value as string);
  if (STRING_TYPES.has(to)) return CODECS.require(from).toText(value);
  if (NUMERIC_TYPES.has(from) && NUMERIC_TYPES.has(to)) {
    if (INT_LIMITS.has(to)) return toInteger(value, from, to);
    if (to === TYPE_OID.numeric) return toNumeric(value, from);
    return toFloat(value, to);
  }
  if (context === 'assignment') {
    throw datatypeMismatch(`expression of type ${typeDisplayName(from)} cannot be assigned to ${typeDisplayName(to)}`);
  }
  if (STRING_TYPES.has(from)) return CODECS.require(to).fromText(value as string);
  if (from === TYPE_OID.int4 && to === TYPE_OID.bool) return value !== 0;
  if (from === TYPE_OID.bool && to === TYPE_OID.int4) return value ? 1 : 0;
  throw cannotCast(from, to);
}

/** Whether an assignment cast exists (INSERT / COPY target columns). */
export function canAssign(from: number, to: number): boolean {
  return (
    from === to ||
    from === TYPE_OID.unknown ||
    STRING_TYPES.has(to) ||
    (NUMERIC_TYPES.has(from) && NUMERIC_TYPES.has(to))
  );
}
