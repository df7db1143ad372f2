// The arithmetic form of numeric: a numeric value (canonical string, the codec's value model)
// is decoded to an unscaled bigint coefficient plus a display scale, computed on exactly, and
// encoded back. value = (neg ? -1 : 1) * coef / 10^scale, where scale is PostgreSQL's dscale
// (the number of fraction digits shown, which results keep: '1.50' + '1' = '2.50').
import { parseNumericText } from '../codecs/numeric';

export type Decimal =
  | { readonly kind: 'finite'; readonly neg: boolean; readonly coef: bigint; readonly scale: number }
  | { readonly kind: 'nan' }
  | { readonly kind: 'inf'; readonly neg: boolean };

export const NAN: Decimal = { kind: 'nan' };
export const POS_INF: Decimal = { kind: 'inf', neg: false };
export const NEG_INF: Decimal = { kind: 'inf', neg: true };

const CANONICAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Decodes a numeric string (canonical, or any numeric_in text). */
export function toDecimal(value: string): Decimal {
  let m = CANONICAL.exec(value);
  if (!m) {
    const canon = parseNumericText(value);
    if (canon === 'NaN') return NAN;
    if (canon === 'Infinity') return POS_INF;
    if (canon === '-Infinity') return NEG_INF;
    m = CANONICAL.exec(canon)!;
  }
  const frac = m[3] ?? '';
  const coef = BigInt(m[2]! + frac);
  return { kind: 'finite', neg: m[1] === '-' && coef !== 0n, coef, scale: frac.length };
}

/** A finite decimal from its parts (negative zero is normalized away). */
export function finite(neg: boolean, coef: bigint, scale: number): Decimal {
  return { kind: 'finite', neg: neg && coef !== 0n, coef, scale };
}

/** Encodes to numeric's canonical text. */
export function fromDecimal(d: Decimal): string {
  if (d.kind === 'nan') return 'NaN';
  if (d.kind === 'inf') return d.neg ? '-Infinity' : 'Infinity';
  let digits = d.coef.toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, '0');
    digits = `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
  }
  return d.neg ? `-${digits}` : digits;
}

const POW10: readonly bigint[] = Object.freeze(Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i)));

/** 10^n as a bigint (n >= 0). */
export function pow10(n: number): bigint {
  return n < 64 ? POW10[n]! : 10n ** BigInt(n);
}

/** The coefficient rescaled to `scale` fraction digits (scale >= d.scale: exact). */
export function coefAt(d: { coef: bigint; scale: number }, scale: number): bigint {
  return d.coef * pow10(scale - d.scale);
}

/** Divides with rounding half away from zero (num, den > 0). */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  const q = num / den;
  return 2n * (num % den) >= den ? q + 1n : q;
}
