// numeric + - * / % with PostgreSQL's result scales and special values (PG 14+ infinities):
//   a + b, a - b : scale max(sa, sb)          a * b : scale sa + sb (exact)
//   a / b        : select_div_scale (>= 16 significant digits, >= both input scales), rounded
//                  half away from zero
//   a % b        : a - b * trunc(a / b), scale max(sa, sb), sign of a
// NaN propagates; Inf - Inf, Inf * 0, Inf / Inf and Inf % x are NaN; x / 0 is 22012.
// @see https://www.postgresql.org/docs/16/functions-math.html
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { NAN, NEG_INF, POS_INF, coefAt, divRoundHalfUp, finite, fromDecimal, pow10, toDecimal, type Decimal } from './decimal';

/** 22012 `division by zero`. */
export function divisionByZero(): SqlError {
  return new SqlError(SQLSTATE.DIVISION_BY_ZERO, 'division by zero');
}

const inf = (neg: boolean): Decimal => (neg ? NEG_INF : POS_INF);
const signed = (d: Extract<Decimal, { kind: 'finite' }>): bigint => (d.neg ? -d.coef : d.coef);

function fromSigned(v: bigint, scale: number): Decimal {
  return finite(v < 0n, v < 0n ? -v : v, scale);
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') return b.kind === 'inf' && b.neg !== a.neg ? NAN : a;
  if (b.kind === 'inf') return b;
  const scale = Math.max(a.scale, b.scale);
  return fromSigned(signed(a) * pow10(scale - a.scale) + signed(b) * pow10(scale - b.scale), scale);
}

export function negateDecimal(a: Decimal): Decimal {
  if (a.kind === 'nan') return a;
  if (a.kind === 'inf') return inf(!a.neg);
  return finite(!a.neg, a.coef, a.scale);
}

export function subDecimal(a: Decimal, b: Decimal): Decimal {
  return addDecimal(a, negateDecimal(b));
}

export function mulDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf' || b.kind === 'inf') {
    const other = a.kind === 'inf' ? b : a;
    if (other.kind === 'finite' && other.coef === 0n) return NAN;
    return inf(a.neg !== b.neg);
  }
  return finite(a.neg !== b.neg, a.coef * b.coef, a.scale + b.scale);
}

/** Base-10000 weight and first digit of a nonzero finite value, as NumericVar would hold them. */
function weightAndFirstDigit(d: { coef: bigint; scale: number }): { weight: number; first: number } {
  const digits = d.coef.toString().length;
  const p = digits - 1 - d.scale; // exponent of the leading decimal digit
  const weight = Math.floor(p / 4);
  const shift = -d.scale - 4 * weight;
  const first = shift >= 0 ? d.coef * pow10(shift) : d.coef / pow10(-shift);
  return { weight, first: Number(first) };
}

/** select_div_scale: at least 16 significant digits, no less than either input's scale. */
export function selectDivScale(a: { coef: bigint; scale: number }, b: { coef: bigint; scale: number }): number {
  const w1 = a.coef === 0n ? { weight: 0, first: 0 } : weightAndFirstDigit(a);
  const w2 = b.coef === 0n ? { weight: 0, first: 0 } : weightAndFirstDigit(b);
  let qweight = w1.weight - w2.weight;
  if (w1.first <= w2.first) qweight--;
  let rscale = 16 - qweight * 4;
  rscale = Math.max(rscale, a.scale, b.scale, 0);
  return Math.min(rscale, 1000);
}

/** Exact quotient rounded (or truncated) to `rscale` fraction digits. */
export function divideToScale(a: Extract<Decimal, { kind: 'finite' }>, b: Extract<Decimal, { kind: 'finite' }>, rscale: number, round: boolean): Decimal {
  if (b.coef === 0n) throw divisionByZero();
  // a/b * 10^rscale = A * 10^(sb + rscale) / (B * 10^sa)
  const num = a.coef * pow10(b.scale + rscale);
  const den = b.coef * pow10(a.scale);
  const q = round ? divRoundHalfUp(num, den) : num / den;
  return finite(a.neg !== b.neg, q, rscale);
}

export function divDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') {
    if (b.kind === 'inf') return NAN;
    if (b.coef === 0n) throw divisionByZero();
    return inf(a.neg !== b.neg);
  }
  if (b.kind === 'inf') return finite(false, 0n, 0);
  if (b.coef === 0n) throw divisionByZero();
  return divideToScale(a, b, selectDivScale(a, b), true);
}

export function modDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') {
    if (b.kind === 'finite' && b.coef === 0n) throw divisionByZero();
    return NAN;
  }
  if (b.kind === 'inf') return a;
  if (b.coef === 0n) throw divisionByZero();
  const scale = Math.max(a.scale, b.scale);
  const r = coefAt(a, scale) % coefAt(b, scale);
  return finite(a.neg, r, scale);
}

/** Integer quotient truncated toward zero (div(a, b)). */
export function divTruncDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') {
    if (b.kind === 'inf') return NAN;
    if (b.coef === 0n) throw divisionByZero();
    return inf(a.neg !== b.neg);
  }
  if (b.kind === 'inf') return finite(false, 0n, 0);
  return divideToScale(a, b, 0, false);
}

export function absDecimal(a: Decimal): Decimal {
  if (a.kind === 'nan') return a;
  if (a.kind === 'inf') return POS_INF;
  return finite(false, a.coef, a.scale);
}

/** cmp_numerics: -Inf < finite < +Inf < NaN, and NaN equals NaN (so numerics sort totally). */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const rank = (d: Decimal): number => (d.kind === 'nan' ? 2 : d.kind === 'inf' ? (d.neg ? -1 : 1) : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra !== 0) return Math.sign(ra - rb);
  const fa = a as Extract<Decimal, { kind: 'finite' }>;
  const fb = b as Extract<Decimal, { kind: 'finite' }>;
  const scale = Math.max(fa.scale, fb.scale);
  const va = signed(fa) * pow10(scale - fa.scale);
  const vb = signed(fb) * pow10(scale - fb.scale);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

// String-level API: numeric values are canonical strings (the codec's value model).
type Bin = (a: string, b: string) => string;
const lift = (f: (a: Decimal, b: Decimal) => Decimal): Bin => (a, b) => fromDecimal(f(toDecimal(a), toDecimal(b)));

/** numeric_add. */
export const numericAdd: Bin = lift(addDecimal);
/** numeric_sub. */
export const numericSub: Bin = lift(subDecimal);
/** numeric_mul. */
export const numericMul: Bin = lift(mulDecimal);
/** numeric_div. */
export const numericDiv: Bin = lift(divDecimal);
/** numeric_mod (`%`, mod()). */
export const numericMod: Bin = lift(modDecimal);
/** div(a, b): truncated integer quotient. */
export const numericDivTrunc: Bin = lift(divTruncDecimal);
/** numeric_uminus. */
export const numericNegate = (a: string): string => fromDecimal(negateDecimal(toDecimal(a)));
/** numeric_abs. */
export const numericAbs = (a: string): string => fromDecimal(absDecimal(toDecimal(a)));
/** numeric_cmp: -1, 0, 1 with NaN greatest and equal to itself. */
export const numericCompare = (a: string, b: string): number => compareDecimal(toDecimal(a), toDecimal(b));
