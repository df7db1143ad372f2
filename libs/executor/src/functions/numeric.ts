// numeric operators and functions over decimal strings (see decimal.ts). 'NaN' propagates.
import type { FunctionTable } from './function-table';
import { decAdd, decCmp, decDiv, decMul, decRound, decSub, decToString, parseDec, type Dec } from './decimal';
import { divisionByZero } from '@vecgres/errors';

const NAN = 'NaN';

function lift(op: (a: Dec, b: Dec) => Dec) {
  return (a: string, b: string) => (a === NAN || b === NAN ? NAN : decToString(op(parseDec(a), parseDec(b))));
}

function infinityRank(v: string): number {
  return v === 'Infinity' ? 1 : v === '-Infinity' ? -1 : 0;
}

/** numeric comparison with NaN greater than everything (and equal to itself). */
export function numericCmp(a: string, b: string): number {
  if (a === NAN || b === NAN) return a === b ? 0 : a === NAN ? 1 : -1;
  // -Infinity < every number < Infinity < NaN (numeric.c cmp_numerics).
  const ra = infinityRank(a);
  const rb = infinityRank(b);
  if (ra !== 0 || rb !== 0) return Math.sign(ra - rb);
  return decCmp(parseDec(a), parseDec(b));
}

const NUMERIC_MAX_RESULT_SCALE = 2000;

function decTrunc(a: Dec, scale: number): Dec {
  if (scale >= a.s) return a;
  return { d: a.d / 10n ** BigInt(a.s - scale), s: scale };
}

/**
 * round(x, s) / trunc(x, s): s digits after the point (trunc pads, 1.5 -> 1.500 for s = 3);
 * a negative s works left of the point and shows scale 0 (trunc(123.456, -1) = 120).
 */
function toScale(a: Dec, scale: number, f: (a: Dec, s: number) => Dec): Dec {
  // numeric_round / numeric_trunc clamp the scale to +-NUMERIC_MAX_RESULT_SCALE.
  const s = Math.max(-NUMERIC_MAX_RESULT_SCALE, Math.min(NUMERIC_MAX_RESULT_SCALE, scale));
  if (s >= 0) {
    const r = f(a, s);
    return r.s < s ? decRound(r, s) : r;
  }
  const r = f(a, s);
  return { d: r.d * 10n ** BigInt(-s), s: 0 };
}

function decFloorCeil(a: Dec, ceil: boolean): Dec {
  const t = decTrunc(a, 0);
  const exact = t.d * 10n ** BigInt(a.s) === a.d;
  if (exact) return t;
  return { d: t.d + (ceil ? (a.d > 0n ? 1n : 0n) : (a.d < 0n ? -1n : 0n)), s: 0 };
}

export const NUMERIC_FUNCTIONS: FunctionTable = {
  numeric_add: lift(decAdd),
  numeric_sub: lift(decSub),
  numeric_mul: lift(decMul),
  numeric_div: lift((a, b) => decDiv(a, b)),
  numeric_mod: lift((a, b) => {
    if (b.d === 0n) throw divisionByZero('division by zero');
    const q = decDiv(a, b, 0);
    const t = decRound({ d: q.d, s: 0 }, 0);
    // trunc(a / b) for the remainder: decDiv rounds, so step back when it rounded away.
    let qt = t;
    const prod = decMul(qt, b);
    const rem = decSub(a, prod);
    if (rem.d !== 0n && (rem.d < 0n) !== (a.d < 0n)) qt = { d: qt.d - (a.d < 0n === b.d < 0n ? 1n : -1n), s: 0 };
    return decSub(a, decMul(qt, b));
  }),
  numeric_uminus: (a: string) => (a === NAN ? NAN : decToString({ ...parseDec(a), d: -parseDec(a).d })),
  numeric_uplus: (a: string) => a,
  numeric_abs: (a: string) => (a === NAN ? NAN : a.replace(/^-/, '')),
  numeric_larger: (a: string, b: string) => (numericCmp(a, b) >= 0 ? a : b),
  numeric_smaller: (a: string, b: string) => (numericCmp(a, b) <= 0 ? a : b),
  round: (a: string) => (a === NAN ? NAN : decToString(decRound(parseDec(a), 0))),
  trunc: (a: string) => (a === NAN ? NAN : decToString(decTrunc(parseDec(a), 0))),
  numeric_trunc: (a: string, s: number) => (a === NAN ? NAN : decToString(toScale(parseDec(a), s, decTrunc))),
  numeric_floor: (a: string) => (a === NAN ? NAN : decToString(decFloorCeil(parseDec(a), false))),
  numeric_ceil: (a: string) => (a === NAN ? NAN : decToString(decFloorCeil(parseDec(a), true))),
  numeric_round: (a: string, s: number) => (a === NAN ? NAN : decToString(toScale(parseDec(a), s, decRound))),
};
