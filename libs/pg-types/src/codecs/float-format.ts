// Text output of float4/float8 exactly as PostgreSQL 12+ prints it.
//  - extra_float_digits > 0 (the default, 1): shortest digits that read back to the same value
//    (PostgreSQL uses Ryu: src/common/d2s.c, f2s.c), fixed notation when the decimal exponent
//    is in [-4, 15) for float8 and [-4, 6) for float4, else `1e+100` / `1.5e-05` style.
//  - extra_float_digits <= 0: printf("%.*g", DBL_DIG|FLT_DIG + extra_float_digits).
// JS's Number#toExponential() without an argument yields the same shortest-closest digits as
// Ryu for doubles; for float4 we search the shortest precision that survives Math.fround.

const DBL_DIG = 15;
const FLT_DIG = 6;

interface Decimal {
  /** Significant digits, no leading zeros ("15" for 1.5). */
  digits: string;
  /** Decimal exponent of the first digit (0 for 1.5, -5 for 0.000015). */
  exp: number;
}

function splitExponential(s: string): Decimal {
  const e = s.indexOf('e');
  return { digits: s.slice(0, e).replace('.', ''), exp: Number(s.slice(e + 1)) };
}

function shortestDouble(abs: number): Decimal {
  return splitExponential(abs.toExponential());
}

function shortestFloat(abs: number): Decimal {
  for (let p = 1; p < 9; p++) {
    const s = abs.toExponential(p - 1);
    if (Math.fround(Number(s)) === abs) return splitExponential(s);
  }
  return splitExponential(abs.toExponential(8));
}

function scientific(d: Decimal): string {
  const mant = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  const sign = d.exp < 0 ? '-' : '+';
  return `${mant}e${sign}${String(Math.abs(d.exp)).padStart(2, '0')}`;
}

function fixed(d: Decimal): string {
  if (d.exp < 0) return `0.${'0'.repeat(-d.exp - 1)}${d.digits}`;
  if (d.digits.length <= d.exp + 1) return d.digits + '0'.repeat(d.exp + 1 - d.digits.length);
  return `${d.digits.slice(0, d.exp + 1)}.${d.digits.slice(d.exp + 1)}`;
}

function special(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return null;
}

function shortest(v: number, float4: boolean): string {
  const s = special(v);
  if (s !== null) return s;
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const abs = Math.abs(v);
  const d = float4 ? shortestFloat(abs) : shortestDouble(abs);
  const limit = float4 ? FLT_DIG : DBL_DIG;
  const body = d.exp >= -4 && d.exp < limit ? fixed(d) : scientific(d);
  return v < 0 ? `-${body}` : body;
}

/** printf's %.{precision}g (no '#' flag: trailing zeros and a bare point are removed). */
export function formatG(v: number, precision: number): string {
  const s = special(v);
  if (s !== null) return s;
  const p = Math.max(1, precision);
  const neg = v < 0 || Object.is(v, -0);
  const abs = Math.abs(v);
  const d = splitExponential(abs.toExponential(p - 1));
  let body: string;
  if (d.exp < p && d.exp >= -4) {
    body = abs.toFixed(p - 1 - d.exp);
    if (body.includes('.')) body = body.replace(/0+$/, '').replace(/\.$/, '');
  } else {
    d.digits = d.digits.replace(/0+$/, '') || '0';
    body = scientific(d);
  }
  return neg ? `-${body}` : body;
}

/** float8out. */
export function formatFloat8(v: number, extraFloatDigits = 1): string {
  if (extraFloatDigits > 0) return shortest(v, false);
  return formatG(v, DBL_DIG + extraFloatDigits);
}

/** float4out (v must already be a float32 value, e.g. from Math.fround). */
export function formatFloat4(v: number, extraFloatDigits = 1): string {
  if (extraFloatDigits > 0) return shortest(v, true);
  return formatG(v, FLT_DIG + extraFloatDigits);
}
