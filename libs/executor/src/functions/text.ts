// Text functions and operators. Collation is "C": strings compare by Unicode code point
// (= UTF-8 byte order, PostgreSQL's C collation); lower/upper use JS's Unicode case mapping.
// LIKE implements PostgreSQL's pattern syntax with `\` as the default escape.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { createHash } from 'node:crypto';
import type { FunctionTable } from './function-table';
import { parseFlags, posixRegExp } from './string-regex';

/** `~` `!~` `~*` `!~*`: PostgreSQL ARE semantics (posixRegExp), not raw JS RegExp syntax. */
function regexMatch(ci: boolean, neg: boolean): (s: string, p: string) => boolean {
  const flags = parseFlags(ci ? 'i' : '');
  return (s, p) => posixRegExp(p, flags).test(s) !== neg;
}

/** Code point order (JS `<` compares UTF-16 units, which misorders astral characters). */
export function textCmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx === sy) return x < y ? -1 : 1;
    // A surrogate (astral code point) sorts after any BMP character.
    return sx ? 1 : -1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** bpchar compares without trailing spaces. */
export function bpcharCmp(a: string, b: string): number {
  return textCmp(a.replace(/ +$/, ''), b.replace(/ +$/, ''));
}

/**
 * LIKE pattern -> RegExp (anchored, dotall). The expression compiler builds it once when the
 * pattern is a constant (see compile-call.ts); otherwise per call.
 * `%` any string, `_` one character, `\x` literal x. */
export function likeRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let re = '';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      if (i + 1 >= chars.length) {
        throw new SqlError(SQLSTATE.INVALID_ESCAPE_SEQUENCE, 'LIKE pattern must not end with escape character');
      }
      re += chars[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, `su${caseInsensitive ? 'i' : ''}`);
}

const codePoints = (s: string) => [...s];

export const TEXT_FUNCTIONS: FunctionTable = {
  textcat: (a: string, b: string) => a + b,
  textlike: (s: string, p: string) => likeRegExp(p, false).test(s),
  textnlike: (s: string, p: string) => !likeRegExp(p, false).test(s),
  texticlike: (s: string, p: string) => likeRegExp(p, true).test(s),
  texticnlike: (s: string, p: string) => !likeRegExp(p, true).test(s),
  namelike: (s: string, p: string) => likeRegExp(p, false).test(s),
  namenlike: (s: string, p: string) => !likeRegExp(p, false).test(s),
  textregexeq: regexMatch(false, false),
  textregexne: regexMatch(false, true),
  texticregexeq: regexMatch(true, false),
  texticregexne: regexMatch(true, true),
  // name ~ text (psql's \d patterns match pg_class.relname / pg_namespace.nspname this way).
  nameregexeq: regexMatch(false, false),
  nameregexne: regexMatch(false, true),
  nameicregexeq: regexMatch(true, false),
  nameicregexne: regexMatch(true, true),
  text_starts_with: (s: string, p: string) => s.startsWith(p),
  text_larger: (a: string, b: string) => (textCmp(a, b) >= 0 ? a : b),
  text_smaller: (a: string, b: string) => (textCmp(a, b) <= 0 ? a : b),
  bpchar_larger: (a: string, b: string) => (bpcharCmp(a, b) >= 0 ? a : b),
  bpchar_smaller: (a: string, b: string) => (bpcharCmp(a, b) <= 0 ? a : b),
  lower: (s: string) => s.toLowerCase(),
  upper: (s: string) => s.toUpperCase(),
  textlen: (s: string) => codePoints(s).length,
  textoctetlen: (s: string) => Buffer.byteLength(s, 'utf8'),
  bpcharlen: (s: string) => codePoints(s.replace(/ +$/, '')).length,
  btrim1: (s: string) => s.replace(/^ +| +$/g, ''),
  ltrim1: (s: string) => s.replace(/^ +/, ''),
  rtrim1: (s: string) => s.replace(/ +$/, ''),
  text_substr_no_len: (s: string, from: number) => codePoints(s).slice(Math.max(from - 1, 0)).join(''),
  text_substr: (s: string, from: number, len: number) => {
    if (len < 0) throw new SqlError(SQLSTATE.SUBSTRING_ERROR, 'negative substring length not allowed');
    const cps = codePoints(s);
    const start = from - 1;
    const end = start + len;
    return cps.slice(Math.max(start, 0), Math.max(end, 0)).join('');
  },
  textpos: (s: string, sub: string) => {
    const i = s.indexOf(sub);
    return i < 0 ? 0 : codePoints(s.slice(0, i)).length + 1;
  },
  replace_text: (s: string, from: string, to: string) => (from === '' ? s : s.split(from).join(to)),
  text_reverse: (s: string) => codePoints(s).reverse().join(''),
  text_left: (s: string, n: number) => { const c = codePoints(s); return (n >= 0 ? c.slice(0, n) : c.slice(0, Math.max(c.length + n, 0))).join(''); },
  text_right: (s: string, n: number) => { const c = codePoints(s); return (n >= 0 ? c.slice(Math.max(c.length - n, 0)) : c.slice(-n)).join(''); },
  repeat: (s: string, n: number) => {
    if (n <= 0) return '';
    if (Buffer.byteLength(s) * n > 0x3fffffff) throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, 'requested length too large');
    return s.repeat(n);
  },
  initcap: (s: string) => s.toLowerCase().replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_, p, c) => p + c.toUpperCase()),
  md5_text: (s: string) => createHash('md5').update(s, 'utf8').digest('hex'),
};
