// numeric: values travel as exact decimal strings in PostgreSQL's canonical output form
// (`-12.340`, `0`, `NaN`, `Infinity`, `-Infinity`), so no precision is lost in JS.
// Text input mirrors numeric_in (whitespace, sign, `_` between digits, exponent, 0x/0o/0b
// integers, NaN/Infinity spellings); the display scale is kept (`1.50` stays `1.50`).
// Binary mirrors numeric_send/numeric_recv:
//   int16 ndigits | int16 weight | uint16 sign | int16 dscale | ndigits x int16 base-10000 digit
// where weight is the power of 10000 of the first digit group and sign is 0x0000 (+),
// 0x4000 (-), 0xC000 (NaN), 0xD000 (+Inf), 0xF000 (-Inf).
// @see https://www.postgresql.org/docs/16/datatype-numeric.html#DATATYPE-NUMERIC-DECIMAL
import type { TypeCodec } from '../codec';
import { invalidBinaryFormat, invalidInputSyntax, numericValueOutOfRange } from '../errors';
import { PG_TYPES } from '../oids';
import { parseIntegerText } from './int';

const SIGN_POS = 0x0000;
const SIGN_NEG = 0x4000;
const SIGN_NAN = 0xc000;
const SIGN_PINF = 0xd000;
const SIGN_NINF = 0xf000;
/** NUMERIC_DSCALE_MASK: the largest display scale the format can carry. */
const MAX_DSCALE = 0x3fff;
/** Exponents beyond this cannot be represented (PostgreSQL's weight/dscale limits). */
const MAX_EXPONENT = 0x3fff * 4;

const DECIMAL = /^([+-]?)((?:\d(?:_?\d)*)?)(?:\.((?:\d(?:_?\d)*)?))?(?:[eE]([+-]?\d+))?$/;
const SPECIAL = /^([+-]?)(infinity|inf)$/i;
const NON_DECIMAL = /^[+-]?0[xXoObB]/;

interface DecimalParts {
  negative: boolean;
  /** Integer digits without leading zeros ('' for zero). */
  int: string;
  /** Fraction digits, exactly dscale of them. */
  frac: string;
}

function canonical(p: DecimalParts): string {
  const int = p.int.replace(/^0+/, '') || '0';
  const isZero = /^0*$/.test(int + p.frac);
  const body = p.frac.length > 0 ? `${int}.${p.frac}` : int;
  return p.negative && !isZero ? `-${body}` : body;
}

function parseDecimal(text: string, trimmed: string): string {
  const m = DECIMAL.exec(trimmed);
  const intDigits = (m?.[2] ?? '').replace(/_/g, '');
  const fracDigits = (m?.[3] ?? '').replace(/_/g, '');
  if (!m || (intDigits.length === 0 && fracDigits.length === 0)) {
    throw invalidInputSyntax('numeric', text);
  }
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) {
    throw numericValueOutOfRange('value overflows numeric format');
  }
  // Move the decimal point by the exponent; the display scale becomes the number of fraction
  // digits left over (never negative), as numeric_in computes dscale.
  const all = intDigits + fracDigits;
  const point = intDigits.length + exponent;
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '';
    frac = '0'.repeat(-point) + all;
  } else if (point >= all.length) {
    int = all + '0'.repeat(point - all.length);
    frac = '';
  } else {
    int = all.slice(0, point);
    frac = all.slice(point);
  }
  if (frac.length > MAX_DSCALE) throw numericValueOutOfRange('value overflows numeric format');
  return canonical({ negative: m[1] === '-', int, frac });
}

/** numeric_in: returns the canonical decimal string. */
export function parseNumericText(text: string): string {
  const trimmed = text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  if (trimmed.toLowerCase() === 'nan') return 'NaN';
  const sp = SPECIAL.exec(trimmed);
  if (sp) return sp[1] === '-' ? '-Infinity' : 'Infinity';
  if (NON_DECIMAL.test(trimmed)) {
    const v = parseIntegerText(trimmed);
    if (v === null) throw invalidInputSyntax('numeric', text);
    return v.toString();
  }
  return parseDecimal(text, trimmed);
}

function splitCanonical(value: string): DecimalParts {
  const negative = value.startsWith('-');
  const abs = negative || value.startsWith('+') ? value.slice(1) : value;
  const dot = abs.indexOf('.');
  return dot < 0
    ? { negative, int: abs, frac: '' }
    : { negative, int: abs.slice(0, dot), frac: abs.slice(dot + 1) };
}

/** numeric_send. `value` is a numeric string (canonicalised first, so any numeric text works). */
export function encodeNumericBinary(value: string): Buffer {
  const v = parseNumericText(value);
  const header = (ndigits: number, weight: number, sign: number, dscale: number): Buffer => {
    const b = Buffer.alloc(8 + ndigits * 2);
    b.writeInt16BE(ndigits, 0);
    b.writeInt16BE(weight, 2);
    b.writeUInt16BE(sign, 4);
    b.writeInt16BE(dscale, 6);
    return b;
  };
  if (v === 'NaN') return header(0, 0, SIGN_NAN, 0);
  if (v === 'Infinity') return header(0, 0, SIGN_PINF, 0);
  if (v === '-Infinity') return header(0, 0, SIGN_NINF, 0);
  const p = splitCanonical(v);
  const int = p.int === '0' ? '' : p.int;
  const intPadded = '0'.repeat((4 - (int.length % 4)) % 4) + int;
  const fracPadded = p.frac + '0'.repeat((4 - (p.frac.length % 4)) % 4);
  const groups: number[] = [];
  for (let i = 0; i < intPadded.length; i += 4) groups.push(Number(intPadded.slice(i, i + 4)));
  for (let i = 0; i < fracPadded.length; i += 4) groups.push(Number(fracPadded.slice(i, i + 4)));
  let weight = intPadded.length / 4 - 1;
  let start = 0;
  while (start < groups.length && groups[start] === 0) {
    start++;
    weight--;
  }
  let end = groups.length;
  while (end > start && groups[end - 1] === 0) end--;
  const digits = groups.slice(start, end);
  if (digits.length === 0) return header(0, 0, SIGN_POS, p.frac.length);
  const b = header(digits.length, weight, p.negative ? SIGN_NEG : SIGN_POS, p.frac.length);
  digits.forEach((d, i) => b.writeInt16BE(d, 8 + i * 2));
  return b;
}

/** numeric_recv: validates like PostgreSQL and truncates digits beyond dscale. */
export function decodeNumericBinary(data: Buffer): string {
  if (data.length < 8) throw invalidBinaryFormat('numeric header needs 8 bytes');
  const ndigits = data.readInt16BE(0);
  const weight = data.readInt16BE(2);
  const sign = data.readUInt16BE(4);
  const dscale = data.readInt16BE(6);
  if (ndigits < 0 || data.length !== 8 + ndigits * 2) {
    throw invalidBinaryFormat('invalid length in external "numeric" value');
  }
  if (sign === SIGN_NAN) return 'NaN';
  if (sign === SIGN_PINF) return 'Infinity';
  if (sign === SIGN_NINF) return '-Infinity';
  if (sign !== SIGN_POS && sign !== SIGN_NEG) {
    throw invalidBinaryFormat('invalid sign in external "numeric" value');
  }
  if (dscale < 0 || dscale > MAX_DSCALE) {
    throw invalidBinaryFormat('invalid scale in external "numeric" value');
  }
  let digits = '';
  for (let i = 0; i < ndigits; i++) {
    const d = data.readInt16BE(8 + i * 2);
    if (d < 0 || d >= 10000) throw invalidBinaryFormat('invalid digit in external "numeric" value');
    digits += String(d).padStart(4, '0');
  }
  // The decimal point sits after (weight + 1) groups; pad with zero groups on either side.
  const point = (weight + 1) * 4;
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  frac = frac.length >= dscale ? frac.slice(0, dscale) : frac + '0'.repeat(dscale - frac.length);
  return canonical({ negative: sign === SIGN_NEG, int, frac });
}

export const numericCodec: TypeCodec<string> = {
  type: PG_TYPES.numeric,
  toText: (value) => parseNumericText(value),
  fromText: parseNumericText,
  toBinary: encodeNumericBinary,
  fromBinary: decodeNumericBinary,
};
