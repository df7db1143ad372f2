// String and bytea functions by impl key, beyond text.ts: padding/trimming with characters,
// translate, split_part, chr/ascii, to_hex, overlay, quoting, concat/format (VARIADIC "any",
// contextual: argument types), string_to_array / array_to_string, encode/decode, hashes,
// bytea substr/position/trim, the regexp_* family (string-regex.ts) and SIMILAR TO's
// similar_to_escape. Lengths and positions count code points, as PostgreSQL does in UTF-8.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { PgArray, builtinTypeByOid } from '@vecgres/pg-types';
import { createHash } from 'node:crypto';
import { contextual, setReturning, type FunctionContext } from './extra-context';
import type { FunctionTable } from './function-table';
import {
  anyText, concat, concatWs, decode, encode, format, quoteIdent, quoteLiteral,
} from './string-format';
import {
  regexSubstring, regexpCount, regexpInstr, regexpMatch, regexpMatches, regexpReplace, regexpSplit, regexpSubstr,
  similarToEscape,
} from './string-regex';

const cps = (s: string): string[] => [...s];

/** MaxAllocSize: no text value may exceed 1 GB (PostgreSQL fails the allocation). */
const MAX_TEXT_BYTES = 0x3fffffff;

function pad(s: string, len: number, fill: string, left: boolean): string {
  if (len <= 0) return '';
  // lpad/rpad: len * max encoding length must fit (4 bytes per character in UTF-8).
  if (len * 4 > MAX_TEXT_BYTES) throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, 'requested length too large');
  const c = cps(s);
  if (c.length >= len || fill === '') return c.slice(0, len).join('');
  const f = cps(fill);
  const need = len - c.length;
  const padding = Array.from({ length: need }, (_, i) => f[i % f.length]).join('');
  return left ? padding + s : s + padding;
}

function trim(s: string, chars: string, leading: boolean, trailing: boolean): string {
  const set = new Set(cps(chars));
  const c = cps(s);
  let a = 0;
  let b = c.length;
  if (leading) while (a < b && set.has(c[a]!)) a++;
  if (trailing) while (b > a && set.has(c[b - 1]!)) b--;
  return c.slice(a, b).join('');
}

function splitPart(s: string, delim: string, n: number): string {
  if (n === 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'field position must not be zero');
  if (delim === '') return n === 1 || n === -1 ? s : '';
  const parts = s.split(delim);
  const idx = n > 0 ? n - 1 : parts.length + n;
  return parts[idx] ?? '';
}

function translate(s: string, from: string, to: string): string {
  const f = cps(from);
  const t = cps(to);
  return cps(s).map((ch) => {
    const i = f.indexOf(ch);
    return i < 0 ? ch : i < t.length ? t[i]! : '';
  }).join('');
}

function chr(n: number): string {
  if (n === 0) throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, 'null character not permitted');
  if (n < 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'character number must be positive');
  if (n > 0x10ffff) throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, `requested character too large for encoding: ${n}`);
  if (n >= 0xd800 && n <= 0xdfff) throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, `requested character not valid for encoding: ${n}`);
  return String.fromCodePoint(n);
}

function negativeLength(): SqlError {
  return new SqlError(SQLSTATE.SUBSTRING_ERROR, 'negative substring length not allowed');
}

/** overlay(s placing r from start [for count]). */
function overlay(s: string, r: string, start: number, count?: number): string {
  const c = cps(s);
  const n = count ?? cps(r).length;
  if (n < 0) throw negativeLength();
  if (start <= 0) throw negativeLength();
  return c.slice(0, start - 1).join('') + r + c.slice(start - 1 + n).join('');
}

/** substring / substr on bytea (1-based, negative start allowed like text). */
function byteaSubstr(b: Buffer, from: number, len?: number): Buffer {
  if (len !== undefined && len < 0) throw negativeLength();
  const start = from - 1;
  const end = len === undefined ? b.length : start + len;
  return Buffer.from(b.subarray(Math.max(start, 0), Math.max(Math.min(end, b.length), 0)));
}

function byteaTrim(b: Buffer, chars: Buffer, leading: boolean, trailing: boolean): Buffer {
  const set = new Set(chars);
  let a = 0;
  let e = b.length;
  if (leading) while (a < e && set.has(b[a]!)) a++;
  if (trailing) while (e > a && set.has(b[e - 1]!)) e--;
  return Buffer.from(b.subarray(a, e));
}

/** string_to_array(s, delim [, null_string]) (not strict: a NULL delimiter splits characters). */
function stringToArray(s: string | null, delim: string | null, nullStr?: string | null): PgArray<string> | null {
  if (s === null) return null;
  let parts: string[];
  if (s === '') parts = [];
  else if (delim === null) parts = cps(s);
  else if (delim === '') parts = [s];
  else parts = s.split(delim);
  return PgArray.of(parts.map((p) => (nullStr !== undefined && nullStr !== null && p === nullStr ? null : p)));
}

/** array_to_string(arr, delim [, null_string]) with the element type's output. */
function arrayToString(ctx: FunctionContext, arr: unknown, delim: string | null, nullStr?: string | null): string | null {
  if (arr === null || delim === null) return null;
  const elements = arr instanceof PgArray ? arr.elements : (arr as unknown[]).flat(6);
  const elemOid = builtinTypeByOid(ctx.argTypes[0] ?? 1009)?.elementOid ?? 25;
  const parts: string[] = [];
  for (const e of elements) {
    if (e === null) {
      if (nullStr !== undefined && nullStr !== null) parts.push(nullStr);
    } else {
      parts.push(typeof e === 'string' && (elemOid === 25 || elemOid === 1043 || elemOid === 1042) ? e : ctx.formatValue(e, elemOid));
    }
  }
  return parts.join(delim);
}

const hex = (n: bigint): string => n.toString(16);

export const STRING_FUNCTIONS: FunctionTable = {
  lpad: (s: string, len: number, fill = ' ') => pad(s, len, fill, true),
  rpad: (s: string, len: number, fill = ' ') => pad(s, len, fill, false),
  ltrim: (s: string, chars: string) => trim(s, chars, true, false),
  rtrim: (s: string, chars: string) => trim(s, chars, false, true),
  btrim: (s: string, chars: string) => trim(s, chars, true, true),
  translate,
  split_part: splitPart,
  ascii: (s: string) => s.codePointAt(0) ?? 0,
  chr,
  to_hex32: (n: number) => hex(BigInt.asUintN(32, BigInt(n))),
  to_hex64: (n: bigint) => hex(BigInt.asUintN(64, BigInt(n))),
  textoverlay: (s: string, r: string, start: number, count: number) => overlay(s, r, start, count),
  textoverlay_no_len: (s: string, r: string, start: number) => overlay(s, r, start),
  bpcharoctetlen: (s: string) => Buffer.byteLength(s, 'utf8'),
  bit_length: (v: string | Buffer) => (typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length) * 8,
  like_escape: (pattern: string, esc: string) => likeEscape(pattern, esc),

  // ---- quoting ----
  quote_ident: quoteIdent,
  quote_literal: contextual((ctx: FunctionContext, v: unknown) => quoteLiteral(anyText(ctx, v, 0))),
  quote_nullable: contextual((ctx: FunctionContext, v: unknown) => (v === null ? 'NULL' : quoteLiteral(anyText(ctx, v, 0)))),

  // ---- VARIADIC "any" ----
  text_concat: contextual(concat),
  text_concat_ws: contextual(concatWs),
  text_format: contextual(format),
  text_format_nv: (fmt: string | null) => (fmt === null ? null : format({ argTypes: [25] } as unknown as FunctionContext, fmt)),
  textanycat: contextual((ctx: FunctionContext, a: string, b: unknown) => a + anyText(ctx, b, 1)),
  anytextcat: contextual((ctx: FunctionContext, a: unknown, b: string) => anyText(ctx, a, 0) + b),

  // ---- arrays of text ----
  text_to_array: (s: string | null, d: string | null) => stringToArray(s, d),
  text_to_array_null: (s: string | null, d: string | null, n: string | null) => stringToArray(s, d, n),
  array_to_text: contextual((ctx: FunctionContext, a: unknown, d: string) => arrayToString(ctx, a, d)),
  array_to_text_null: contextual((ctx: FunctionContext, a: unknown, d: string | null, n: string | null) => arrayToString(ctx, a, d, n)),

  // ---- bytea ----
  binary_encode: encode,
  binary_decode: decode,
  md5_bytea: (b: Buffer) => createHash('md5').update(b).digest('hex'),
  sha224_bytea: (b: Buffer) => createHash('sha224').update(b).digest(),
  sha256_bytea: (b: Buffer) => createHash('sha256').update(b).digest(),
  sha384_bytea: (b: Buffer) => createHash('sha384').update(b).digest(),
  sha512_bytea: (b: Buffer) => createHash('sha512').update(b).digest(),
  byteaoctetlen: (b: Buffer) => b.length,
  byteacat: (a: Buffer, b: Buffer) => Buffer.concat([a, b]),
  bytea_substr: (b: Buffer, from: number, len: number) => byteaSubstr(b, from, len),
  bytea_substr_no_len: (b: Buffer, from: number) => byteaSubstr(b, from),
  byteapos: (b: Buffer, sub: Buffer) => (sub.length === 0 ? 1 : b.indexOf(sub) + 1),
  byteatrim: (b: Buffer, c: Buffer) => byteaTrim(b, c, true, true),
  bytealtrim: (b: Buffer, c: Buffer) => byteaTrim(b, c, true, false),
  byteartrim: (b: Buffer, c: Buffer) => byteaTrim(b, c, false, true),

  // ---- regular expressions ----
  textregexsubstr: regexSubstring,
  /** substring(s similar pattern escape esc): a SQL function over similar_to_escape. */
  substring: (s: string, pattern: string, esc: string) => regexSubstring(s, similarToEscape(pattern, esc)),
  similar_to_escape_1: (pattern: string) => similarToEscape(pattern),
  similar_to_escape_2: (pattern: string, esc: string) => similarToEscape(pattern, esc),
  textregexreplace_noopt: (s: string, p: string, r: string) => regexpReplace(s, p, r),
  textregexreplace: (s: string, p: string, r: string, flags: string) => regexpReplace(s, p, r, 1, undefined, flags),
  textregexreplace_extended_no_n: (s: string, p: string, r: string, start: number) => regexpReplace(s, p, r, start),
  textregexreplace_extended_no_flags: (s: string, p: string, r: string, start: number, n: number) => regexpReplace(s, p, r, start, n),
  textregexreplace_extended: (s: string, p: string, r: string, start: number, n: number, flags: string) =>
    regexpReplace(s, p, r, start, n, flags),
  regexp_match_no_flags: (s: string, p: string) => arr(regexpMatch(s, p)),
  regexp_match: (s: string, p: string, flags: string) => arr(regexpMatch(s, p, flags)),
  regexp_split_to_array_no_flags: (s: string, p: string) => PgArray.of(regexpSplit(s, p)),
  regexp_split_to_array: (s: string, p: string, flags: string) => PgArray.of(regexpSplit(s, p, flags)),
  regexp_count_no_start: (s: string, p: string) => regexpCount(s, p),
  regexp_count_no_flags: (s: string, p: string, start: number) => regexpCount(s, p, start),
  regexp_count: (s: string, p: string, start: number, flags: string) => regexpCount(s, p, start, flags),
  regexp_instr_no_start: (s: string, p: string) => regexpInstr(s, p),
  regexp_instr_no_n: (s: string, p: string, start: number) => regexpInstr(s, p, start),
  regexp_instr_no_endoption: (s: string, p: string, start: number, n: number) => regexpInstr(s, p, start, n),
  regexp_instr_no_flags: (s: string, p: string, start: number, n: number, e: number) => regexpInstr(s, p, start, n, e),
  regexp_instr_no_subexpr: (s: string, p: string, start: number, n: number, e: number, f: string) => regexpInstr(s, p, start, n, e, f),
  regexp_instr: (s: string, p: string, start: number, n: number, e: number, f: string, sub: number) => regexpInstr(s, p, start, n, e, f, sub),
  regexp_like_no_flags: (s: string, p: string) => regexpCount(s, p) > 0,
  regexp_like: (s: string, p: string, flags: string) => regexpCount(s, p, 1, flags, 'regexp_like') > 0,
  regexp_substr_no_start: (s: string, p: string) => regexpSubstr(s, p),
  regexp_substr_no_n: (s: string, p: string, start: number) => regexpSubstr(s, p, start),
  regexp_substr_no_flags: (s: string, p: string, start: number, n: number) => regexpSubstr(s, p, start, n),
  regexp_substr_no_subexpr: (s: string, p: string, start: number, n: number, f: string) => regexpSubstr(s, p, start, n, f),
  regexp_substr: (s: string, p: string, start: number, n: number, f: string, sub: number) => regexpSubstr(s, p, start, n, f, sub),
};

const arr = (v: Array<string | null> | null): PgArray<string> | null => (v === null ? null : PgArray.of(v));

/** like_escape(pattern, escape): rewrites a LIKE pattern to use backslash as its escape. */
function likeEscape(pattern: string, esc: string): string {
  const e = cps(esc);
  if (e.length > 1) {
    throw new SqlError(SQLSTATE.INVALID_ESCAPE_SEQUENCE, 'invalid escape string', { hint: 'Escape string must be empty or one character.' });
  }
  if (e.length === 0) return pattern.replace(/\\/g, '\\\\');
  if (e[0] === '\\') return pattern;
  let out = '';
  const c = cps(pattern);
  for (let i = 0; i < c.length; i++) {
    if (c[i] === e[0]) {
      out += `\\${c[i + 1] ?? ''}`;
      i++;
    } else out += c[i] === '\\' ? '\\\\' : c[i];
  }
  return out;
}

/** Set-returning string functions. */
export const STRING_SRFS: FunctionTable = {
  regexp_matches_no_flags: setReturning(1, (s: string, p: string) => regexpMatches(s, p).map((r) => PgArray.of(r))),
  regexp_matches: setReturning(1, (s: string, p: string, f: string) => regexpMatches(s, p, f).map((r) => PgArray.of(r))),
  regexp_split_to_table_no_flags: setReturning(1, (s: string, p: string) => regexpSplit(s, p)),
  regexp_split_to_table: setReturning(1, (s: string, p: string, f: string) => regexpSplit(s, p, f, 'regexp_split_to_table')),
  text_to_table: setReturning(1, (s: string | null, d: string | null) => [...(stringToArray(s, d)?.elements ?? [])]),
  text_to_table_null: setReturning(1, (s: string | null, d: string | null, n: string | null) => [...(stringToArray(s, d, n)?.elements ?? [])]),
};
