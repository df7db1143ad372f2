// Math functions by impl key that float.ts / numeric.ts / int.ts do not cover: float8
// transcendental and trigonometric functions, sign/pi, numeric sqrt/exp/ln/log/power/
// factorial (math-numeric.ts), sign/div/scale, gcd/lcm, width_bucket, div, integer
// shifts, random/setseed (contextual: the session's generator). Errors are PostgreSQL 15's.
import { SQLSTATE, SqlError, numericOutOfRange } from '@vecgres/errors';
import { numericDivTrunc, numericSign, toDecimal } from '@vecgres/pg-types';
import { contextual, type FunctionContext } from './extra-context';
import type { FunctionTable } from './function-table';
import { formatG } from './datetime-make';
import {
  numericExp, numericFactorial, numericGcdLcm, numericLn, numericLog, numericPower, numericSqrt,
} from './math-numeric';
import { numericCmp } from './numeric';
import { decSub, decToString, parseDec } from './decimal';

const RADIANS_PER_DEGREE = 0.0174532925199432957692;

const overflow = () => numericOutOfRange('value out of range: overflow');
const underflow = () => numericOutOfRange('value out of range: underflow');
const outOfRange = () => numericOutOfRange('input is out of range');

function logChecks(x: number): void {
  if (x === 0) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_LOG, 'cannot take logarithm of zero');
  if (x < 0) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_LOG, 'cannot take logarithm of a negative number');
}

/** A float8 function of a finite-or-not input, with PostgreSQL's overflow/underflow checks. */
function checked(fn: (x: number) => number, infOk = true): (x: number) => number {
  return (x: number) => {
    const r = fn(x);
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && infOk) throw overflow();
    return r;
  };
}

/** Trigonometric input check: infinities are out of range (NaN passes through). */
function trig(fn: (x: number) => number): (x: number) => number {
  return (x: number) => {
    if (Number.isNaN(x)) return x;
    if (!Number.isFinite(x)) throw outOfRange();
    return fn(x);
  };
}

function inverseTrig(fn: (x: number) => number): (x: number) => number {
  return (x: number) => {
    if (Number.isNaN(x)) return x;
    if (x < -1 || x > 1) throw outOfRange();
    return fn(x);
  };
}

function widthBucketError(message: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, message);
}

/** width_bucket(float8, float8, float8, int4). */
function widthBucketFloat(operand: number, low: number, high: number, count: number): number {
  if (count <= 0) throw widthBucketError('count must be greater than zero');
  if (Number.isNaN(operand) || Number.isNaN(low) || Number.isNaN(high)) {
    throw widthBucketError('operand, lower bound, and upper bound cannot be NaN');
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) throw widthBucketError('lower and upper bounds must be finite');
  if (low === high) throw widthBucketError('lower bound cannot equal upper bound');
  const over = () => {
    if (count + 1 > 2147483647) throw numericOutOfRange('integer out of range');
    return count + 1;
  };
  const bucket = (num: number, den: number) => {
    const r = Number.isFinite(den) ? count * (num / den) : count * ((num / 2) / (den / 2));
    return Math.min(Math.trunc(r), count - 1) + 1;
  };
  if (low < high) {
    if (operand < low) return 0;
    if (operand >= high) return over();
    return Number.isFinite(high - low) ? bucket(operand - low, high - low) : bucket(operand / 2 - low / 2, high / 2 - low / 2);
  }
  if (operand > low) return 0;
  if (operand <= high) return over();
  return Number.isFinite(low - high) ? bucket(low - operand, low - high) : bucket(low / 2 - operand / 2, low / 2 - high / 2);
}

/** width_bucket(numeric, numeric, numeric, int4), exact. */
function widthBucketNumeric(operand: string, low: string, high: string, count: number): number {
  if (count <= 0) throw widthBucketError('count must be greater than zero');
  if (operand === 'NaN' || low === 'NaN' || high === 'NaN') {
    throw widthBucketError('operand, lower bound, and upper bound cannot be NaN');
  }
  if (/Infinity/.test(low) || /Infinity/.test(high)) throw widthBucketError('lower and upper bounds must be finite');
  const c = numericCmp(low, high);
  if (c === 0) throw widthBucketError('lower bound cannot equal upper bound');
  const o = numericCmp(operand, low);
  const h = numericCmp(operand, high);
  const over = () => {
    if (count + 1 > 2147483647) throw numericOutOfRange('integer out of range');
    return count + 1;
  };
  if (c < 0 ? o < 0 : o > 0) return 0;
  if (c < 0 ? h >= 0 : h <= 0) return over();
  const num = c < 0 ? decSub(parseDec(operand), parseDec(low)) : decSub(parseDec(low), parseDec(operand));
  const den = c < 0 ? decSub(parseDec(high), parseDec(low)) : decSub(parseDec(low), parseDec(high));
  // Both differences are positive: bucket = floor(num * count / den) + 1, exactly.
  const scale = Math.max(num.s, den.s);
  const n = num.d * 10n ** BigInt(scale - num.s) * BigInt(count);
  const d = den.d * 10n ** BigInt(scale - den.s);
  return Number(n / d) + 1;
}

function gcdInt(a: bigint, b: bigint, min: bigint, label: string): bigint {
  // |min| is not representable: gcd(min, 0) and gcd(min, min) overflow.
  if ((a === min && (b === 0n || b === min)) || (b === min && a === 0n)) throw numericOutOfRange(label);
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function lcmInt(a: bigint, b: bigint, min: bigint, max: bigint, label: string): bigint {
  if (a === 0n || b === 0n) return 0n;
  const g = gcdInt(a, b, min, label);
  const r = (a / g) * b;
  const abs = r < 0n ? -r : r;
  if (abs > max) throw numericOutOfRange(label);
  return abs;
}

const shift16 = (v: number) => (v << 16) >> 16;

export const MATH_FUNCTIONS: FunctionTable = {
  // ---- float8 ----
  dexp: (x: number) => {
    if (Number.isNaN(x)) return x;
    if (!Number.isFinite(x)) return x > 0 ? x : 0;
    const r = Math.exp(x);
    if (!Number.isFinite(r)) throw overflow();
    if (r === 0) throw underflow();
    return r;
  },
  dlog1: (x: number) => { logChecks(x); return Math.log(x); },
  dlog10: (x: number) => { logChecks(x); return Math.log10(x); },
  dsin: trig(Math.sin),
  dcos: trig(Math.cos),
  dtan: trig(Math.tan),
  dcot: trig((x) => 1 / Math.tan(x)),
  dasin: inverseTrig(Math.asin),
  dacos: inverseTrig(Math.acos),
  datan: (x: number) => Math.atan(x),
  datan2: (y: number, x: number) => Math.atan2(y, x),
  degrees: checked((x) => x / RADIANS_PER_DEGREE),
  radians: checked((x) => x * RADIANS_PER_DEGREE),
  dpi: () => Math.PI,
  dsign: (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  width_bucket_float8: widthBucketFloat,
  drandom: contextual((ctx: FunctionContext) => ctx.random()),
  setseed: contextual((ctx: FunctionContext, seed: number) => {
    if (!(seed >= -1 && seed <= 1)) {
      throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `setseed parameter ${formatG(seed)} is out of allowed range [-1,1]`);
    }
    ctx.setSeed(seed);
    return null;
  }),

  // ---- numeric ----
  numeric_sqrt: numericSqrt,
  numeric_exp: numericExp,
  numeric_ln: numericLn,
  numeric_log: numericLog,
  /** log(numeric) / log10(numeric) are SQL functions: log(10, x). */
  log: (x: string) => numericLog('10', x),
  log10: (x: string) => numericLog('10', x),
  numeric_power: numericPower,
  numeric_fac: (n: bigint) => numericFactorial(BigInt(n)),
  numeric_sign: (x: string) => numericSign(x),
  numeric_div_trunc: (a: string, b: string) => numericDivTrunc(a, b),
  numeric_scale: (x: string) => {
    const d = toDecimal(x);
    return d.kind === 'finite' ? d.scale : null;
  },
  numeric_min_scale: (x: string) => {
    const d = toDecimal(x);
    if (d.kind !== 'finite') return null;
    const frac = (x.split('.')[1] ?? '').replace(/0+$/, '');
    return frac.length;
  },
  numeric_trim_scale: (x: string) => {
    const d = toDecimal(x);
    if (d.kind !== 'finite' || !x.includes('.')) return x;
    return decToString(parseDec(x.replace(/\.?0+$/, '')));
  },
  numeric_gcd: (a: string, b: string) => numericGcdLcm(a, b, false),
  numeric_lcm: (a: string, b: string) => numericGcdLcm(a, b, true),
  width_bucket_numeric: widthBucketNumeric,

  // ---- integers ----
  int4gcd: (a: number, b: number) => Number(gcdInt(BigInt(a), BigInt(b), -2147483648n, 'integer out of range')),
  int8gcd: (a: bigint, b: bigint) => gcdInt(BigInt(a), BigInt(b), -9223372036854775808n, 'bigint out of range'),
  int4lcm: (a: number, b: number) => Number(lcmInt(BigInt(a), BigInt(b), -2147483648n, 2147483647n, 'integer out of range')),
  int8lcm: (a: bigint, b: bigint) => lcmInt(BigInt(a), BigInt(b), -9223372036854775808n, 9223372036854775807n, 'bigint out of range'),
  int2shl: (a: number, b: number) => shift16(a << b),
  int2shr: (a: number, b: number) => a >> b,
  int4shl: (a: number, b: number) => a << b,
  int4shr: (a: number, b: number) => a >> b,
  int8shl: (a: bigint, b: number) => BigInt.asIntN(64, BigInt(a) << BigInt(b & 63)),
  int8shr: (a: bigint, b: number) => BigInt(a) >> BigInt(b & 63),
};
