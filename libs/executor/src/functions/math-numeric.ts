// numeric sqrt / exp / ln / log / power / factorial with PostgreSQL 15's result scales
// (numeric.c: sqrt_var, numeric_exp, numeric_ln, numeric_log, power_var, estimate_ln_dweight).
//
// Values are computed in BigInt fixed point with guard digits and rounded half away from zero
// to PostgreSQL's rscale. sqrt and integer powers are exact; exp/ln/log/non-integer powers
// carry 10+ guard digits, so the last digit can only differ from PostgreSQL's when the true
// value lies within ~1e-10 of a rounding boundary at the last place.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import { fromDecimal, toDecimal, type Decimal } from '@vecgres/pg-types';

const MIN_SIG_DIGITS = 16;
const MAX_DISPLAY_SCALE = 1000;

type Fin = Extract<Decimal, { kind: 'finite' }>;

const p10 = (n: number): bigint => 10n ** BigInt(n);

/** A finite decimal as signed coefficient and scale. */
function parts(x: string): { c: bigint; s: number } {
  const d = toDecimal(x);
  if (d.kind !== 'finite') throw notSupported('this operation is not supported for numeric infinity or NaN yet');
  return { c: d.neg ? -d.coef : d.coef, s: d.scale };
}

/** numeric text of c / 10^s. */
function text(c: bigint, s: number): string {
  const neg = c < 0n;
  return fromDecimal({ kind: 'finite', neg, coef: neg ? -c : c, scale: s } as Fin);
}

/** Rounds c / 10^from to `to` decimals, half away from zero. */
function roundTo(c: bigint, from: number, to: number): bigint {
  if (to >= from) return c * p10(to - from);
  const f = p10(from - to);
  const q = c / f;
  const r = c % f;
  const twice = (r < 0n ? -r : r) * 2n;
  return twice >= f ? q + (c < 0n ? -1n : 1n) : q;
}

const clampScale = (r: number, ...scales: number[]): number => Math.min(Math.max(r, ...scales, 0), MAX_DISPLAY_SCALE);

/** Base-10000 weight and leading digit groups of |x| (NumericVar's weight / digits). */
function nbase(c: bigint, s: number): { weight: number; digits: number[] } {
  const abs = c < 0n ? -c : c;
  if (abs === 0n) return { weight: 0, digits: [] };
  let str = abs.toString();
  // Pad so the fraction has a multiple of 4 digits, then the integer part too.
  const fracPad = (4 - (s % 4)) % 4;
  str += '0'.repeat(fracPad);
  const fracGroups = (s + fracPad) / 4;
  const intLen = str.length - fracGroups * 4;
  const lead = (4 - (((intLen % 4) + 4) % 4)) % 4;
  str = '0'.repeat(lead) + str;
  const groups: number[] = [];
  for (let i = 0; i < str.length; i += 4) groups.push(Number(str.slice(i, i + 4)));
  let weight = groups.length - fracGroups - 1;
  while (groups.length > 0 && groups[0] === 0) { groups.shift(); weight--; }
  while (groups.length > 0 && groups[groups.length - 1] === 0) groups.pop();
  return { weight, digits: groups };
}

/** estimate_ln_dweight: approximate decimal weight of ln(x). */
function estimateLnDweight(c: bigint, s: number): number {
  if (c <= 0n) return 0;
  const x = Number(text(c, s));
  if (x >= 0.9 && x <= 1.1) {
    const d = c - p10(s);
    if (d === 0n) return 0;
    const v = nbase(d, s);
    return v.weight * 4 + Math.trunc(Math.log10(v.digits[0]!));
  }
  const v = nbase(c, s);
  if (v.digits.length === 0) return 0;
  let digits = v.digits[0]!;
  let dweight = v.weight * 4;
  if (v.digits.length > 1) {
    digits = digits * 10000 + v.digits[1]!;
    dweight -= 4;
  }
  const lnVar = Math.log(digits) + dweight * 2.302585092994046;
  return Math.trunc(Math.log10(Math.abs(lnVar)));
}

/** floor(sqrt(n)) for n >= 0 (Newton's method from an overestimate, decreasing to the floor). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(numeric). */
export function numericSqrt(x: string): string {
  if (x === 'NaN') return x;
  if (x === 'Infinity') return x;
  if (x === '-Infinity' || x.startsWith('-') && /[1-9]/.test(x)) {
    throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_POWER_FUNCTION, 'cannot take square root of a negative number');
  }
  const { c, s } = parts(x);
  const sweight = Math.trunc(((nbase(c, s).weight + 1) * 4) / 2) - 1;
  const rscale = clampScale(MIN_SIG_DIGITS - sweight, s);
  // sqrt(c / 10^s) * 10^(rscale+1) = sqrt(c * 10^(2*rscale + 2 - s)); make the exponent even.
  let e = 2 * (rscale + 1) - s;
  let n = c;
  let extra = 0;
  if (e < 0) { extra = Math.ceil(-e / 2); e += 2 * extra; }
  n *= p10(e);
  const root = isqrt(n);
  return text(roundTo(root, rscale + 1 + extra, rscale), rscale);
}

/** Fixed point helpers at scale S (value = n / 10^S). */
function fixedExp(x: bigint, S: number): bigint {
  // exp(x) = exp(x / 2^k)^(2^k) with |x / 2^k| < 0.5.
  const one = p10(S);
  let k = 0;
  let r = x;
  const half = one / 2n;
  while ((r < 0n ? -r : r) > half) { r /= 2n; k++; }
  const G = S + k + 10;
  const oneG = p10(G);
  const rG = r * p10(G - S);
  let term = oneG;
  let sum = oneG;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * rG) / oneG / i;
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = (sum * sum) / oneG;
  return sum / p10(G - S);
}

/** ln(c / 10^s) at scale S, for a positive value. */
function fixedLn(c: bigint, s: number, S: number): bigint {
  // x = m * 10^e with m in [1, 10): ln x = ln m + e ln 10; ln m by 2 atanh((m-1)/(m+1)) after
  // eight square roots bring m close to 1.
  const digits = c.toString().length;
  const e = digits - 1 - s;
  const G = S + 20;
  const oneG = p10(G);
  const m = (c * oneG) / p10(digits - 1); // m in [1, 10) at scale G
  const lnOf = (v: bigint): bigint => {
    let y = v;
    const roots = 8;
    for (let i = 0; i < roots; i++) y = isqrt(y * oneG);
    const z = ((y - oneG) * oneG) / (y + oneG);
    const z2 = (z * z) / oneG;
    let term = z;
    let sum = z;
    for (let i = 3n; term !== 0n; i += 2n) {
      term = (term * z2) / oneG;
      sum += term / i;
    }
    return sum * 2n * (1n << BigInt(roots));
  };
  let result = lnOf(m);
  if (e !== 0) result += BigInt(e) * lnOf(10n * oneG);
  return result / p10(G - S);
}

function lnChecks(x: string): void {
  if (x === '0' || /^-?0(\.0*)?$/.test(x)) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_LOG, 'cannot take logarithm of zero');
  if (x.startsWith('-')) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_LOG, 'cannot take logarithm of a negative number');
}

/** ln(numeric). */
export function numericLn(x: string): string {
  if (x === 'NaN' || x === 'Infinity') return x;
  lnChecks(x);
  const { c, s } = parts(x);
  const rscale = clampScale(MIN_SIG_DIGITS - estimateLnDweight(c, s), s);
  const S = rscale + 12;
  return text(roundTo(fixedLn(c, s, S), S, rscale), rscale);
}

/** log(base, x) = ln(x) / ln(base). */
export function numericLog(base: string, x: string): string {
  if (base === 'NaN' || x === 'NaN') return 'NaN';
  lnChecks(base);
  lnChecks(x);
  const b = parts(base);
  const n = parts(x);
  const resultDweight = estimateLnDweight(n.c, n.s) - estimateLnDweight(b.c, b.s);
  const rscale = clampScale(MIN_SIG_DIGITS - resultDweight, b.s, n.s);
  const S = rscale + Math.abs(resultDweight) + 20;
  const lnB = fixedLn(b.c, b.s, S);
  if (lnB === 0n) throw new SqlError(SQLSTATE.DIVISION_BY_ZERO, 'division by zero');
  const q = (fixedLn(n.c, n.s, S) * p10(rscale + 2)) / lnB;
  return text(roundTo(q, rscale + 2, rscale), rscale);
}

/** exp(numeric). */
export function numericExp(x: string): string {
  if (x === 'NaN' || x === 'Infinity') return x;
  if (x === '-Infinity') return '0';
  const { c, s } = parts(x);
  const v = Number(text(c, s));
  const approx = Math.max(-2000, Math.min(2000, v * 0.434294481903252));
  const rscale = clampScale(MIN_SIG_DIGITS - Math.trunc(approx), s);
  // exp_var's guard: |x| >= NUMERIC_MAX_RESULT_SCALE * 3 overflows (or underflows to zero).
  if (Math.abs(v) >= 6000) {
    if (v > 0) throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, 'value overflows numeric format');
    return text(0n, rscale);
  }
  return expAt(c, s, rscale, approx);
}

/** exp(c / 10^s) rounded to rscale, with `weight` ~ log10 of the result for guard digits. */
function expAt(c: bigint, s: number, rscale: number, weight: number): string {
  const S = rscale + Math.max(0, Math.ceil(weight)) + 15;
  const xS = roundTo(c, s, S);
  return text(roundTo(fixedExp(xS, S), S, rscale), rscale);
}

/** power(numeric, numeric) (and the ^ operator). */
export function numericPower(base: string, exp: string): string {
  if (base === 'NaN' || exp === 'NaN') return base === '1' || exp === '0' ? '1' : 'NaN';
  const b = parts(base);
  const e = parts(exp);
  if (b.c === 0n && e.c < 0n) {
    throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_POWER_FUNCTION, 'zero raised to a negative power is undefined');
  }
  const integral = e.c % p10(e.s) === 0n;
  if (b.c < 0n && !integral) {
    throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_POWER_FUNCTION, 'a negative number raised to a non-integer power yields a complex result');
  }
  if (integral) {
    const n = e.c / p10(e.s);
    if (n >= -2147483648n && n <= 2147483647n) return powerInt(b.c, b.s, Number(n));
  }
  // Non-integer exponent: exp(ln(base) * exp), result scale from a low-precision estimate.
  if (b.c === 0n) return text(0n, clampScale(MIN_SIG_DIGITS, b.s, e.s));
  const lnDweight = estimateLnDweight(b.c, b.s);
  const lowScale = Math.max(8 - lnDweight, 0);
  const lnLow = roundTo(fixedLn(b.c, b.s, lowScale + 10), lowScale + 10, lowScale);
  const lnNumLow = roundTo(lnLow * e.c, lowScale + e.s, lowScale);
  let val = Number(text(lnNumLow, lowScale));
  if (Math.abs(val) > 2000 * 3.01) {
    if (val > 0) throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, 'value overflows numeric format');
    return text(0n, MAX_DISPLAY_SCALE);
  }
  val *= 0.434294481903252;
  const rscale = clampScale(MIN_SIG_DIGITS - Math.trunc(val), b.s, e.s);
  const sig = Math.max(rscale + Math.trunc(val), 0);
  const S = Math.max(sig - lnDweight + 8, 0) + 12;
  const lnNum = (fixedLn(b.c, b.s, S) * e.c) / p10(e.s);
  return expAt(lnNum, S, rscale, val);
}

/** power_var_int: base ^ n for an int32 n; PostgreSQL 15 keeps 16 decimals at least. */
function powerInt(c: bigint, s: number, n: number): string {
  const rscale = clampScale(MIN_SIG_DIGITS, s);
  if (n === 0) return text(p10(rscale), rscale);
  const digits = (c < 0n ? -c : c).toString().length;
  const approxDigits = Math.abs(n) * digits;
  if (c !== 0n) {
    const f = n * Math.log10(Math.abs(Number(text(c, s))) || Number.MIN_VALUE);
    if (f > 32768 * 4) throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, 'value overflows numeric format');
    if (f + 1 < -MAX_DISPLAY_SCALE) return text(0n, MAX_DISPLAY_SCALE);
  }
  if (approxDigits > 200_000) {
    // Too large to expand exactly: go through logarithms like a non-integer power.
    const lnNum = fixedLn(c < 0n ? -c : c, s, rscale + 30) * BigInt(n);
    const sign = c < 0n && n % 2 !== 0 ? '-' : '';
    const r = expAt(lnNum, rscale + 30, rscale, 0);
    return sign + r;
  }
  const num = c ** BigInt(Math.abs(n));
  const sc = s * Math.abs(n);
  if (n > 0) return text(roundTo(num, sc, rscale), rscale);
  // base^-n = 10^sc / num, rounded to rscale.
  const q = (p10(sc + rscale + 1) * 1n) / num;
  return text(roundTo(q, rscale + 1, rscale), rscale);
}

/** factorial(int8). */
export function numericFactorial(n: bigint): string {
  if (n < 0n) throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, 'factorial of a negative number is undefined');
  if (n > 32177n) throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, 'value overflows numeric format');
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return r.toString();
}

/** gcd / lcm of numerics: exact, at the larger input scale. */
export function numericGcdLcm(a: string, b: string, lcm: boolean): string {
  if (!/^-?\d+(\.\d+)?$/.test(a) || !/^-?\d+(\.\d+)?$/.test(b)) return 'NaN';
  const x = parts(a);
  const y = parts(b);
  const s = Math.max(x.s, y.s);
  const xa = (x.c < 0n ? -x.c : x.c) * p10(s - x.s);
  const ya = (y.c < 0n ? -y.c : y.c) * p10(s - y.s);
  let g = xa;
  let h = ya;
  while (h !== 0n) [g, h] = [h, g % h];
  if (!lcm) return text(g, s);
  if (xa === 0n || ya === 0n) return text(0n, s);
  return text((xa / g) * ya, s);
}
