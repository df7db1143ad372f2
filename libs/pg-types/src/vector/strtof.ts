// C's strtof as pgvector calls it (LC_NUMERIC = C): the longest prefix that is a decimal or
// hexadecimal float, `inf`/`infinity` or `nan` (any case), with an optional sign. pgvector
// reports "out of range" only when strtof overflowed (ERANGE with an infinite result); an
// explicit `inf` literal is reported later as "infinite value not allowed".

/** One parsed float token. `end` is the index after it; `end === start` means no number. */
export interface FloatToken {
  /** The float32 value (Math.fround of the parsed number). */
  value: number;
  end: number;
  /** strtof's ERANGE with an infinite result (a finite literal beyond FLT_MAX). */
  overflow: boolean;
}

// Sticky regexes carry lastIndex, so each call makes its own (V8 caches the compiled pattern).
const decimalRe = () => /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const hexRe = () => /([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?\d+))?/y;
const specialRe = () => /([+-]?)(infinity|inf|nan)/iy;

function hexValue(mantissa: string, exp: string | undefined): number {
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const fracDigits = dot < 0 ? 0 : mantissa.length - dot - 1;
  let v = 0;
  for (const d of digits) v = v * 16 + parseInt(d, 16);
  return v * 2 ** ((exp === undefined ? 0 : Number(exp)) - 4 * fracDigits);
}

/** Parses a float at `start` of `s` (no leading whitespace skipping: callers skip it). */
/** The end of a plain decimal number at `start` ([+-]digits[.digits][e[+-]digits]), or -1 if it is not one. */
function scanDecimal(s: string, start: number): number {
  let i = start;
  const c0 = s.charCodeAt(i);
  if (c0 === 43 || c0 === 45) i++; // + -
  const intStart = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  let digits = i - intStart;
  if (s.charCodeAt(i) === 46) { // .
    const fracStart = ++i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    digits += i - fracStart;
  }
  if (digits === 0) return -1;
  const e = s.charCodeAt(i);
  if (e === 101 || e === 69) { // e E: only part of the number when digits follow
    let j = i + 1;
    const sign = s.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    const expStart = j;
    while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    if (j > expStart) i = j;
  }
  // A hex prefix (0x...) is strtof's hexadecimal form: leave it to the slow path.
  const x = s.charCodeAt(i);
  if ((x === 120 || x === 88) && i - intStart === 1 && s.charCodeAt(intStart) === 48) return -1;
  return i;
}

export function strtof(s: string, start: number): FloatToken {
  const fast = scanDecimal(s, start);
  if (fast > 0) {
    const v = Math.fround(Number(s.slice(start, fast)));
    return { value: v, end: fast, overflow: !Number.isFinite(v) };
  }
  const HEX = hexRe();
  const SPECIAL = specialRe();
  const DECIMAL = decimalRe();
  HEX.lastIndex = start;
  const hex = HEX.exec(s);
  if (hex) {
    const v = Math.fround(hexValue(hex[2], hex[3]) * (hex[1] === '-' ? -1 : 1));
    return { value: v, end: HEX.lastIndex, overflow: !Number.isFinite(v) };
  }
  SPECIAL.lastIndex = start;
  const sp = SPECIAL.exec(s);
  if (sp) {
    const neg = sp[1] === '-';
    const v = sp[2].toLowerCase() === 'nan' ? NaN : neg ? -Infinity : Infinity;
    return { value: v, end: SPECIAL.lastIndex, overflow: false };
  }
  DECIMAL.lastIndex = start;
  const dec = DECIMAL.exec(s);
  if (!dec) return { value: 0, end: start, overflow: false };
  const v = Math.fround(Number(dec[0]));
  return { value: v, end: DECIMAL.lastIndex, overflow: !Number.isFinite(v) };
}

/** pgvector's vector_isspace: ' ', \t, \n, \r, \v, \f. */
export function isVectorSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f';
}

/** Index of the first non-space character at or after `i`. */
export function skipSpaces(s: string, i: number): number {
  while (i < s.length && isVectorSpace(s[i])) i++;
  return i;
}

/**
 * C's strtol(base 10) for sparsevec indices and dims: optional leading whitespace (isspace),
 * sign, digits. Values outside int32 come back as INT_MIN (pgvector: "keep in int range for
 * correct error message later").
 */
export function strtolInt32(s: string, start: number): { value: number; end: number } {
  let i = start;
  while (i < s.length && /\s/.test(s[i])) i++;
  const m = /[+-]?\d+/y;
  m.lastIndex = i;
  const r = m.exec(s);
  if (!r) return { value: 0, end: start };
  const n = Number(r[0]);
  return { value: n > 2147483647 || n < -2147483648 ? -2147483648 : n, end: m.lastIndex };
}
