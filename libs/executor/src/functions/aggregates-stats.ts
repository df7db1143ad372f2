// Statistical aggregates: var_pop / var_samp (variance) / stddev_pop / stddev_samp (stddev).
// Integer and numeric inputs follow numeric_stddev_internal: exact sums N, Σx, Σx², then
// (N·Σx² − (Σx)²) / (N·N) or / (N·(N−1)) at select_div_scale, and sqrt at that same scale;
// a non-positive numerator gives 0. Float inputs use the Youngs-Cramer update of float8_accum.
// Too few rows (none; one for the sample forms) -> NULL.
import type { AggImpl } from './aggregates';
import { decAdd, decDiv, decFromInt, decMul, decRound, decSub, decToString, divScale, parseDec, type Dec } from './decimal';

const STATS = /^(int2|int4|int8|numeric|float4|float8)_accum\+(?:numeric_poly|numeric|float8)_(var|stddev)_(samp|pop)$/;

/** floor(sqrt(n)) for n >= 0. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(a) rounded to `scale` digits (a >= 0). */
function decSqrt(a: Dec, scale: number): Dec {
  // sqrt(d / 10^s) = sqrt(d * 10^(2k - s)) / 10^k with k = scale + 1 (one guard digit).
  const k = scale + 1;
  let e = 2 * k - a.s;
  let kk = k;
  if (e < 0) { const extra = Math.ceil(-e / 2); e += 2 * extra; kk += extra; }
  const root = isqrt(a.d * 10n ** BigInt(e));
  return decRound({ d: root, s: kk }, scale);
}

interface NumState { n: bigint; sx: Dec; sxx: Dec }
interface FloatState { n: number; sx: number; sxx: number }

function numericStats(stddev: boolean, sample: boolean): AggImpl<NumState> {
  return {
    init: () => ({ n: 0n, sx: decFromInt(0), sxx: decFromInt(0) }),
    step: (s, [v]) => {
      if (v === null) return s;
      const x = typeof v === 'string' ? parseDec(v) : decFromInt(v as number | bigint);
      return { n: s.n + 1n, sx: decAdd(s.sx, x), sxx: decAdd(s.sxx, decMul(x, x)) };
    },
    final: (s) => {
      if (s.n === 0n || (sample && s.n === 1n)) return null;
      const n = decFromInt(s.n);
      const num = decSub(decMul(n, s.sxx), decMul(s.sx, s.sx));
      if (num.d <= 0n) return '0';
      const den = decFromInt(s.n * (sample ? s.n - 1n : s.n));
      const scale = divScale(num, den);
      const variance = decDiv(num, den, scale);
      return decToString(stddev ? decSqrt(variance, scale) : variance);
    },
  };
}

function floatStats(stddev: boolean, sample: boolean): AggImpl<FloatState> {
  return {
    init: () => ({ n: 0, sx: 0, sxx: 0 }),
    step: (s, [v]) => {
      if (v === null) return s;
      const x = v as number;
      const n = s.n + 1;
      const sx = s.sx + x;
      let sxx = s.sxx;
      if (s.n > 0) {
        const tmp = x * n - sx;
        sxx += (tmp * tmp) / (n * s.n);
      }
      return { n, sx, sxx };
    },
    final: (s) => {
      if (s.n === 0 || (sample && s.n === 1)) return null;
      const variance = s.sxx / (sample ? s.n - 1 : s.n);
      return stddev ? Math.sqrt(variance) : variance;
    },
  };
}

/** The statistical aggregate for `impl`, or undefined when `impl` is not one. */
export function statsAggregate(impl: string): AggImpl | undefined {
  const m = STATS.exec(impl);
  if (!m) return undefined;
  const stddev = m[2] === 'stddev';
  const sample = m[3] === 'samp';
  return m[1].startsWith('float') ? floatStats(stddev, sample) : numericStats(stddev, sample);
}
