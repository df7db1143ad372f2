// Casts between numeric and the integer / float types, as numeric_int4, numeric_float8,
// float8_numeric etc. do: numeric -> integer rounds half away from zero and fails with
// `integer out of range`; NaN/Infinity -> integer is 0A000; float -> numeric goes through
// %.15g (float8) or %.6g (float4) text, so 0.1::float8::numeric is 0.1.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { parseNumericText } from '../codecs/numeric';
import { fromDecimal, toDecimal } from './decimal';
import { roundDecimal } from './round';

type IntKind = 'smallint' | 'integer' | 'bigint';

const LIMITS: Record<IntKind, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

function toInteger(value: string, kind: IntKind): bigint {
  const d = toDecimal(value);
  if (d.kind === 'nan') throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `cannot convert NaN to ${kind}`);
  if (d.kind === 'inf') throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `cannot convert infinity to ${kind}`);
  const r = roundDecimal(d, 0);
  const v = r.kind === 'finite' ? (r.neg ? -r.coef : r.coef) : 0n;
  const [min, max] = LIMITS[kind];
  if (v < min || v > max) throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, `${kind} out of range`);
  return v;
}

/** numeric_int2. */
export const numericToInt2 = (value: string): number => Number(toInteger(value, 'smallint'));
/** numeric_int4. */
export const numericToInt4 = (value: string): number => Number(toInteger(value, 'integer'));
/** numeric_int8. */
export const numericToInt8 = (value: string): bigint => toInteger(value, 'bigint');

/** int2/int4/int8 -> numeric (exact, scale 0). */
export function numericFromInt(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return BigInt(value).toString();
}

function toFloat(value: string, sqlName: string, narrow: (v: number) => number): number {
  const d = toDecimal(value);
  if (d.kind === 'nan') return NaN;
  if (d.kind === 'inf') return d.neg ? -Infinity : Infinity;
  const canon = fromDecimal(d);
  const v = narrow(Number(canon));
  // float8in/float4in reject overflow to infinity and underflow to zero.
  if (!Number.isFinite(v) || (v === 0 && d.coef !== 0n)) {
    throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, `"${canon}" is out of range for type ${sqlName}`);
  }
  return v;
}

/** numeric_float8. */
export const numericToFloat8 = (value: string): number => toFloat(value, 'double precision', (v) => v);
/** numeric_float4 (the result is a float32 value held in a JS number). */
export const numericToFloat4 = (value: string): number => toFloat(value, 'real', Math.fround);

/** printf's %.{digits}g, as float8_numeric / float4_numeric format their input. */
function formatG(v: number, digits: number): string {
  const s = v.toPrecision(digits);
  const [mant, exp] = s.split('e');
  const trimmed = mant!.includes('.') ? mant!.replace(/0+$/, '').replace(/\.$/, '') : mant!;
  return exp === undefined ? trimmed : `${trimmed}e${exp}`;
}

function fromFloat(v: number, digits: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return parseNumericText(formatG(v, digits));
}

/** float8_numeric (DBL_DIG = 15 significant digits). */
export const numericFromFloat8 = (v: number): string => fromFloat(v, 15);
/** float4_numeric (FLT_DIG = 6 significant digits). */
export const numericFromFloat4 = (v: number): string => fromFloat(Math.fround(v), 6);
