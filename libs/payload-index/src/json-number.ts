// Canonical spellings of JSON numbers for index terms. jsonb compares numbers by value
// (`'{"a":1.0}' @> '{"a":1}'` is true), but terms compare as strings, so every spelling of a
// value must map to one string before it becomes a term: otherwise a containment candidate set
// would miss true matches.
//
// Canonical form: `0`, or [-]<digits without leading/trailing zeros>[e<exponent>] where the
// value is digits × 10^exponent (exponent omitted when 0), e.g. 1.50 -> 15e-1, 100 -> 1e2,
// -0.0 -> 0. It is not meant to be read back, only to be equal exactly when values are equal.

const NUMBER = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

/** Canonical string of a decimal number literal; null when `text` is not one (or is NaN/Infinity). */
export function canonicalJsonNumber(text: string): string | null {
  const m = NUMBER.exec(text);
  if (m === null) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  let digits = intPart + fracPart;
  let exp = -fracPart.length + (m[4] === undefined ? 0 : Number(m[4]));
  if (!Number.isSafeInteger(exp)) return null;
  digits = digits.replace(/^0+/, '');
  if (digits === '') return '0';
  const trimmed = digits.replace(/0+$/, '');
  exp += digits.length - trimmed.length;
  const sign = m[1] === '-' ? '-' : '';
  return exp === 0 ? sign + trimmed : `${sign}${trimmed}e${exp}`;
}

/** Canonical string of a finite JS number (NaN and infinities are not JSON numbers: null). */
export function canonicalNumberOf(n: number): string | null {
  return Number.isFinite(n) ? canonicalJsonNumber(String(n)) : null;
}
