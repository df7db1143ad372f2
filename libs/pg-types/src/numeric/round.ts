// round / trunc / ceil / floor / sign for numeric (round_var, trunc_var, ...). Rounding is
// half away from zero; the result's display scale is the requested scale (never negative), so
// round(1.5) = 2, round(2.345, 2) = 2.35, round(1, 2) = 1.00, round(1234, -2) = 1200.
// NaN and ±Infinity come back unchanged.
import { finite, fromDecimal, pow10, toDecimal, type Decimal } from './decimal';

/** PostgreSQL clamps the scale argument to ±NUMERIC_MAX_RESULT_SCALE. */
const MAX_RESULT_SCALE = 2000;

function rescale(d: Decimal, scale: number, mode: 'round' | 'trunc' | 'ceil' | 'floor'): Decimal {
  if (d.kind !== 'finite') return d;
  const s = Math.max(-MAX_RESULT_SCALE, Math.min(MAX_RESULT_SCALE, Math.trunc(scale)));
  const outScale = Math.max(s, 0);
  if (s >= d.scale) return finite(d.neg, d.coef * pow10(outScale - d.scale), outScale);
  // Drop (d.scale - s) digits, then pad back zeros when s < 0.
  const div = pow10(d.scale - s);
  let q = d.coef / div;
  const r = d.coef % div;
  if (r !== 0n) {
    if (mode === 'round' && 2n * r >= div) q += 1n;
    else if (mode === 'ceil' && !d.neg) q += 1n;
    else if (mode === 'floor' && d.neg) q += 1n;
  }
  return finite(d.neg, s < 0 ? q * pow10(-s) : q, outScale);
}

export function roundDecimal(d: Decimal, scale = 0): Decimal {
  return rescale(d, scale, 'round');
}
export function truncDecimal(d: Decimal, scale = 0): Decimal {
  return rescale(d, scale, 'trunc');
}

/** numeric_round(x, s). */
export const numericRound = (x: string, scale = 0): string => fromDecimal(rescale(toDecimal(x), scale, 'round'));
/** numeric_trunc(x, s). */
export const numericTrunc = (x: string, scale = 0): string => fromDecimal(rescale(toDecimal(x), scale, 'trunc'));
/** numeric_ceil: smallest integer >= x (scale 0). */
export const numericCeil = (x: string): string => fromDecimal(rescale(toDecimal(x), 0, 'ceil'));
/** numeric_floor: largest integer <= x (scale 0). */
export const numericFloor = (x: string): string => fromDecimal(rescale(toDecimal(x), 0, 'floor'));

/** numeric_sign: -1, 0, 1 (scale 0), NaN for NaN, ±1 for ±Infinity. */
export function numericSign(x: string): string {
  const d = toDecimal(x);
  if (d.kind === 'nan') return 'NaN';
  if (d.kind === 'inf') return d.neg ? '-1' : '1';
  return d.coef === 0n ? '0' : d.neg ? '-1' : '1';
}
