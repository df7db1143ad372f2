// Exact decimal arithmetic for numeric values (decimal strings, pg-types' value model) on
// BigInt: value = digits / 10^scale. Enough of numeric.c for the engine's operators and
// aggregates: + - * /, comparison, rounding, and PostgreSQL's division result scale
// (select_div_scale). NaN is kept as the string 'NaN' and sorts above every number.
import { divisionByZero, notSupported } from '@vecgres/errors';
import { parseNumericText } from '@vecgres/pg-types';

export interface Dec { d: bigint; s: number }

export function parseDec(text: string): Dec {
  let t = text.trim();
  if (/[eEiI]/.test(t)) {
    // Exponent notation (a numeric constant such as 1e308) is canonicalised first; numeric
    // infinities have no BigInt form, so operations that would need one say so cleanly.
    if (/inf/i.test(t)) throw notSupported('this operation is not supported for numeric infinity yet');
    t = parseNumericText(t);
  }
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  const [i, f = ''] = body.split('.');
  return { d: BigInt((neg ? '-' : '') + ((i || '0') + f)), s: f.length };
}

export function decToString(x: Dec): string {
  const neg = x.d < 0n;
  let digits = (neg ? -x.d : x.d).toString();
  if (x.s > 0) {
    digits = digits.padStart(x.s + 1, '0');
    digits = `${digits.slice(0, digits.length - x.s)}.${digits.slice(digits.length - x.s)}`;
  }
  return neg && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const s = Math.max(a.s, b.s);
  return [a.d * pow10(s - a.s), b.d * pow10(s - b.s), s];
}

export function decAdd(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return { d: x + y, s };
}

export function decSub(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return { d: x - y, s };
}

export function decMul(a: Dec, b: Dec): Dec {
  return { d: a.d * b.d, s: a.s + b.s };
}

export function decCmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Rounds half away from zero to `scale` digits (numeric's round()). */
export function decRound(a: Dec, scale: number): Dec {
  if (scale >= a.s) return { d: a.d * pow10(scale - a.s), s: scale };
  const f = pow10(a.s - scale);
  const q = a.d / f;
  const r = a.d % f;
  const twice = (r < 0n ? -r : r) * 2n;
  const up = twice >= f ? (a.d < 0n ? -1n : 1n) : 0n;
  return { d: q + up, s: scale };
}

/** Base-10000 weight and first digit group of |x| (numeric.c's representation). */
function weightAndFirst(x: Dec): { weight: number; first: number } {
  const abs = x.d < 0n ? -x.d : x.d;
  if (abs === 0n) return { weight: 0, first: 0 };
  const digits = abs.toString();
  const intLen = digits.length - x.s;
  if (intLen > 0) {
    const weight = Math.floor((intLen - 1) / 4);
    const firstLen = intLen - weight * 4;
    return { weight, first: Number(digits.slice(0, firstLen)) };
  }
  // Pure fraction: leading zero groups after the point.
  const frac = digits.padStart(x.s, '0');
  const lead = frac.length - frac.replace(/^0+/, '').length;
  const group = Math.floor(lead / 4);
  return { weight: -(group + 1), first: Number(frac.slice(group * 4, group * 4 + 4).padEnd(4, '0')) };
}

/** select_div_scale: at least 16 significant digits, at least the inputs' scales, at most 1000. */
export function divScale(a: Dec, b: Dec): number {
  const wa = weightAndFirst(a);
  const wb = weightAndFirst(b);
  let qweight = wa.weight - wb.weight;
  if (wa.first <= wb.first) qweight--;
  let rscale = 16 - qweight * 4;
  rscale = Math.max(rscale, a.s, b.s, 0);
  return Math.min(rscale, 1000);
}

/** a / b rounded to `scale` (default: PostgreSQL's choice); 22012 for b = 0. */
export function decDiv(a: Dec, b: Dec, scale = divScale(a, b)): Dec {
  if (b.d === 0n) throw divisionByZero('division by zero');
  // a/b = (a.d / 10^a.s) / (b.d / 10^b.s); compute with one extra digit, then round.
  const extra = scale + 1;
  const num = a.d * pow10(b.s + extra);
  const den = b.d * pow10(a.s);
  const q = num / den;
  return decRound({ d: q, s: extra }, scale);
}

export function decFromInt(v: number | bigint): Dec {
  return { d: BigInt(v), s: 0 };
}

/** numeric -> integer with round half away from zero. */
export function decToBigInt(a: Dec): bigint {
  return decRound(a, 0).d;
}
