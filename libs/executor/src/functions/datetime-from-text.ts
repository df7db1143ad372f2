// to_date(text, text), to_timestamp(text, text) and to_number(text, text): the template-driven
// parsers of formatting.c, for the common template patterns.
//
// Supported patterns: YYYY YYY YY Y (2-digit years are 1970-2069, like PostgreSQL), MM DD DDD,
// HH HH12 HH24 MI SS MS US FF1..FF6, AM PM A.M. P.M. (any case), MONTH/Month/month and
// MON/Mon/mon (names in English), DAY/DY (read and ignored), TZH TZM. As in PostgreSQL 15
// without FX, a separator in the template matches any single separator in the input or none,
// and numeric fields skip leading spaces and stop at the first non-digit.
// Not supported (22007): ordinal suffixes (TH), ISO week fields (IYYY, IW, ID), J, Q, CC, RM.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { localToUtc } from '@vecgres/pg-types';
import { contextual, type FunctionContext } from './extra-context';
import type { FunctionTable } from './function-table';
import { makeDate, makeTimestamp } from './datetime-make';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface Fields {
  year?: number; month?: number; day?: number; doy?: number;
  hour: number; minute: number; second: number; micros: number;
  pm?: boolean; hour12: boolean; tzOffset?: number;
}

/** Template patterns, longest first so that `HH24` wins over `HH` and `MONTH` over `MON`. */
const PATTERNS = ['A.M.', 'P.M.', 'YYYY', 'HH24', 'HH12', 'MONTH', 'YYY', 'DDD', 'MON', 'DAY', 'TZH', 'TZM', 'FF1', 'FF2', 'FF3', 'FF4', 'FF5', 'FF6',
  'YY', 'MM', 'DD', 'HH', 'MI', 'SS', 'MS', 'US', 'AM', 'PM', 'DY', 'Y'];

const invalidFormat = (msg: string) => new SqlError(SQLSTATE.INVALID_DATETIME_FORMAT, msg);

/** adjust_partial_year_to_2020: 00-69 -> 20xx, 70-99 -> 19xx, 100-519 -> 2xxx, 520-999 -> 1xxx. */
function partialYear(y: number): number {
  return y < 70 ? y + 2000 : y < 100 ? y + 1900 : y < 520 ? y + 2000 : y < 1000 ? y + 1000 : y;
}

class Cursor {
  pos = 0;
  constructor(readonly s: string) {}

  skipSpaces(): void {
    while (this.s[this.pos] === ' ') this.pos++;
  }

  /** Up to `max` digits (a leading sign when `signed`); 22007 when there is none. */
  int(max: number, what: string, signed = false): number {
    this.skipSpaces();
    const start = this.pos;
    const sign = signed && (this.s[this.pos] === '-' || this.s[this.pos] === '+') ? 1 : 0;
    this.pos += sign;
    while (this.pos - start < max + sign && /[0-9]/.test(this.s[this.pos] ?? '')) this.pos++;
    const text = this.s.slice(start, this.pos);
    if (!/[0-9]/.test(text)) {
      throw invalidFormat(`invalid value "${this.s.slice(start, start + max) || ''}" for "${what}"`);
    }
    return Number(text);
  }

  /** A word from `names` (case-insensitive; `len` letters when abbreviated). */
  name(names: string[], len: number | undefined, what: string): number {
    this.skipSpaces();
    const rest = this.s.slice(this.pos).toLowerCase();
    for (let i = 0; i < names.length; i++) {
      const word = len ? names[i].slice(0, len) : names[i];
      if (rest.startsWith(word)) {
        this.pos += word.length;
        return i;
      }
    }
    throw invalidFormat(`invalid value "${this.s.slice(this.pos, this.pos + (len ?? 3))}" for "${what}"`);
  }
}

/** Reads `input` by `template` into date/time fields. */
function parseFields(input: string, template: string): Fields {
  const f: Fields = { hour: 0, minute: 0, second: 0, micros: 0, hour12: false };
  const c = new Cursor(input);
  let i = 0;
  while (i < template.length) {
    const upper = template.slice(i).toUpperCase();
    const pat = PATTERNS.find((p) => upper.startsWith(p));
    if (!pat) {
      const ch = template[i++];
      if (ch === '"') {
        // Quoted literal text: skipped in the input character for character.
        while (i < template.length && template[i] !== '"') { i++; c.pos++; }
        i++;
      } else if (/[A-Za-z0-9]/.test(ch)) {
        c.pos++;
      } else if (c.pos < input.length && !/[A-Za-z0-9]/.test(input[c.pos])) {
        c.pos++;
      }
      continue;
    }
    i += pat.length;
    switch (pat) {
      // Longer years only when a separator (or the end) follows: YYYYMMDD reads 4 digits.
      case 'YYYY': f.year = c.int(/^[A-Za-z0-9]/.test(template.slice(i)) ? 4 : 9, pat, true); break;
      case 'YYY': f.year = partialYear(c.int(3, pat)); break;
      case 'YY': f.year = partialYear(c.int(2, pat)); break;
      case 'Y': f.year = 2000 + c.int(1, pat); break;
      case 'MM': f.month = c.int(2, pat); break;
      case 'DD': f.day = c.int(2, pat); break;
      case 'DDD': f.doy = c.int(3, pat); break;
      case 'HH': case 'HH12': f.hour = c.int(2, pat); f.hour12 = true; break;
      case 'HH24': f.hour = c.int(2, pat); break;
      case 'MI': f.minute = c.int(2, pat); break;
      case 'SS': f.second = c.int(2, pat); break;
      case 'MS': { const start = c.pos; const v = c.int(3, pat); f.micros += v * 10 ** (3 - (c.pos - start)) * 1000; break; }
      case 'US': { const start = c.pos; const v = c.int(6, pat); f.micros += v * 10 ** (6 - (c.pos - start)); break; }
      case 'FF1': case 'FF2': case 'FF3': case 'FF4': case 'FF5': case 'FF6': {
        const n = Number(pat[2]);
        const start = c.pos;
        const v = c.int(n, pat);
        f.micros += v * 10 ** (6 - (c.pos - start));
        break;
      }
      case 'AM': case 'PM': case 'A.M.': case 'P.M.': {
        c.skipSpaces();
        const word = input.slice(c.pos, c.pos + pat.length).toUpperCase();
        if (word !== pat && word !== (pat.startsWith('A') ? pat.replace('A', 'P') : pat.replace('P', 'A'))) {
          throw invalidFormat(`invalid value "${input.slice(c.pos, c.pos + pat.length)}" for "${template.slice(i - pat.length, i)}"`);
        }
        f.pm = word.startsWith('P');
        c.pos += pat.length;
        break;
      }
      case 'MONTH': f.month = c.name(MONTHS, undefined, template.slice(i - pat.length, i)) + 1; break;
      case 'MON': f.month = c.name(MONTHS, 3, template.slice(i - pat.length, i)) + 1; break;
      case 'DAY': c.name(DAYS, undefined, template.slice(i - pat.length, i)); break;
      case 'DY': c.name(DAYS, 3, template.slice(i - pat.length, i)); break;
      case 'TZH': { const h = c.int(2, pat, true); f.tzOffset = (f.tzOffset ?? 0) + h * 3600; break; }
      case 'TZM': { const m = c.int(2, pat); f.tzOffset = (f.tzOffset ?? 0) + Math.sign(f.tzOffset ?? 1) * m * 60; break; }
    }
  }
  return f;
}

/** The fields' date (days since 2000-01-01), with PostgreSQL's 22008 for impossible ones. */
function fieldsDate(f: Fields, input: string): { year: number; month: number; day: number } {
  const year = f.year ?? 1;
  let month = f.month ?? 1;
  let day = f.day ?? 1;
  if (f.doy !== undefined && f.month === undefined) {
    const d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(year, 0, f.doy);
    month = d.getUTCMonth() + 1;
    day = d.getUTCDate();
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    throw new SqlError(SQLSTATE.DATETIME_FIELD_OVERFLOW, `date/time field value out of range: "${input}"`);
  }
  return { year, month, day };
}

function fieldsHour(f: Fields): number {
  if (!f.hour12 && f.pm === undefined) {
    if (f.hour > 24) throw new SqlError(SQLSTATE.DATETIME_FIELD_OVERFLOW, `date/time field value out of range: "${f.hour}"`);
    return f.hour;
  }
  if (f.hour < 1 || f.hour > 12) {
    throw new SqlError(SQLSTATE.INVALID_DATETIME_FORMAT, `hour "${f.hour}" is invalid for the 12-hour clock`, { hint: 'Use the 24-hour clock, or give an hour between 1 and 12.' });
  }
  return (f.hour % 12) + (f.pm ? 12 : 0);
}

/** to_date(text, text) -> date (days since 2000-01-01). */
export function toDate(input: string, template: string): number {
  const f = parseFields(input, template);
  const { year, month, day } = fieldsDate(f, input);
  return makeDate(year, month, day);
}

/** to_timestamp(text, text) -> timestamptz, local fields read in the session zone unless TZH/TZM. */
export function toTimestamp(ctx: FunctionContext, input: string, template: string): bigint {
  const f = parseFields(input, template);
  const { year, month, day } = fieldsDate(f, input);
  const local = makeTimestamp(year, month, day, fieldsHour(f), f.minute, f.second) + BigInt(f.micros);
  if (f.tzOffset !== undefined) return local - BigInt(f.tzOffset) * 1000000n;
  return localToUtc(ctx.timeZone, local);
}

/**
 * to_number(text, text): the digits (and sign, and the decimal point where the template has
 * `.` or `D`) of the input, with as many fraction digits as the template allows.
 */
export function toNumber(input: string, template: string): string {
  const fmt = template.toUpperCase();
  const point = fmt.search(/[.D]/);
  const fracDigits = point < 0 ? 0 : (fmt.slice(point + 1).match(/[90]/g) ?? []).length;
  let negative = /-/.test(input) || /^\s*\(.*\)\s*$/.test(input);
  let intPart = '';
  let frac = '';
  let inFrac = false;
  for (const ch of input) {
    if (/[0-9]/.test(ch)) {
      if (inFrac) { if (frac.length < fracDigits) frac += ch; } else intPart += ch;
    } else if (ch === '.' && point >= 0) inFrac = true;
  }
  if (intPart === '' && frac === '') {
    throw new SqlError(SQLSTATE.INVALID_TEXT_REPRESENTATION, `invalid input syntax for type numeric: " "`);
  }
  const digits = (intPart.replace(/^0+(?=\d)/, '') || '0') + (fracDigits > 0 ? `.${frac.padEnd(fracDigits, '0')}` : '');
  if (/^0(\.0*)?$/.test(digits)) negative = false;
  return negative ? `-${digits}` : digits;
}

export const DATETIME_FROM_TEXT_FUNCTIONS: FunctionTable = {
  to_date: toDate,
  to_timestamp: contextual(toTimestamp),
  numeric_to_number: toNumber,
};
