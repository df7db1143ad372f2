// PostgreSQL regular expressions (ARE syntax) on JS RegExp, and the regexp_* functions.
//
// posixRegExp translates the common ARE subset to a JS RegExp with the `u` flag:
//   - `.` matches newlines and ^ $ anchor the whole string (PostgreSQL's default), unless the
//     `n` flag makes matching newline-sensitive (JS `m`, `.` without `s`);
//   - bracket classes [[:alpha:]] [[:digit:]] ... become \p{..} / ranges; [=a=] [.a.] literal;
//   - \y \Y \m \M \A \Z word/string anchors, \B (a backslash), \e; identity escapes of
//     non-syntax characters become the character itself (JS `u` mode rejects them);
//   - a leading embedded-options group `(?inx)`, flags i c n m s x g q; `x` drops whitespace
//     and # comments.
// Not supported (they behave as JS would): collating elements beyond one character, BRE
// syntax (flag b), the `p`/`w` partial newline modes (treated as `n`/`s`), back-references
// inside lookarounds. An invalid pattern is 2201B `invalid regular expression: ...` with
// PostgreSQL's wording for unbalanced () [] and bad quantifiers, JS's text otherwise.
import { SQLSTATE, SqlError } from '@vecgres/errors';

export interface RegexFlags { ci: boolean; newline: boolean; expanded: boolean; global: boolean; literal: boolean }

/** Parses a flags argument; `noGlobalIn` names a function that rejects the `g` flag. */
export function parseFlags(flags: string | undefined, noGlobalIn?: string): RegexFlags {
  const f: RegexFlags = { ci: false, newline: false, expanded: false, global: false, literal: false };
  for (const ch of flags ?? '') {
    switch (ch) {
      case 'i': f.ci = true; break;
      case 'c': f.ci = false; break;
      case 'n': case 'm': case 'p': f.newline = true; break;
      case 's': case 'w': f.newline = false; break;
      case 'x': f.expanded = true; break;
      case 't': f.expanded = false; break;
      case 'q': f.literal = true; break;
      case 'b': case 'e': break;
      case 'g':
        if (noGlobalIn) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `${noGlobalIn}() does not support the "global" option`);
        f.global = true;
        break;
      default:
        throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid regular expression option: "${ch}"`);
    }
  }
  return f;
}

const CLASSES: Record<string, string> = {
  alpha: '\\p{L}', digit: '0-9', alnum: '\\p{L}\\p{Nd}', upper: '\\p{Lu}', lower: '\\p{Ll}', space: '\\s',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: '\\w', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e\\u00a0-\\u{10ffff}', graph: '\\x21-\\x7e\\u00a1-\\u{10ffff}',
};

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

function escapeLiteral(ch: string, inClass: boolean): string {
  if (SYNTAX.has(ch) || (inClass && ch === '-')) return `\\${ch}`;
  return ch;
}

/** Escapes that mean the same in ARE and JS. */
const SAME_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W', 't', 'n', 'r', 'f', 'v', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

function badRegex(message: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_REGULAR_EXPRESSION, `invalid regular expression: ${message}`);
}

/** Translates an ARE pattern body to JS RegExp source. */
function translate(p: string, expanded: boolean): string {
  let out = '';
  let i = 0;
  let inClass = false;
  let classStart = 0;
  while (i < p.length) {
    const ch = p[i]!;
    if (inClass) {
      if (ch === ']' && i > classStart) { out += ']'; inClass = false; i++; continue; }
      if (ch === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
        const kind = p[i + 1]!;
        const end = p.indexOf(`${kind}]`, i + 2);
        if (end < 0) throw badRegex('brackets [] not balanced');
        const name = p.slice(i + 2, end);
        if (kind === ':') {
          const cls = CLASSES[name];
          if (!cls) throw badRegex('invalid character class');
          out += cls;
        } else {
          out += [...name].map((c) => escapeLiteral(c, true)).join('');
        }
        i = end + 2;
        continue;
      }
      if (ch === '\\' && i + 1 < p.length) {
        const n = p[i + 1]!;
        out += SAME_ESCAPES.has(n) || n === 'u' || n === 'x' ? `\\${n}` : n === 'e' ? '\\x1b' : n === 'b' ? '\\x08' : escapeLiteral(n, true);
        i += 2;
        continue;
      }
      out += ch === '[' || ch === '/' ? `\\${ch}` : ch;
      i++;
      continue;
    }
    if (expanded && /\s/.test(ch)) { i++; continue; }
    if (expanded && ch === '#') {
      while (i < p.length && p[i] !== '\n') i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += '[';
      i++;
      if (p[i] === '^') { out += '^'; i++; }
      classStart = i;
      if (p[i] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (ch === '\\') {
      if (i + 1 >= p.length) throw badRegex('invalid escape \\ sequence');
      const n = p[i + 1]!;
      i += 2;
      switch (n) {
        case 'y': out += '\\b'; break;
        case 'Y': out += '\\B'; break;
        case 'm': out += '\\b(?=\\w)'; break;
        case 'M': out += '\\b(?<=\\w)'; break;
        case 'A': out += '(?<![\\s\\S])'; break;
        case 'Z': out += '(?![\\s\\S])'; break;
        case 'B': out += '\\\\'; break;
        case 'b': out += '\\x08'; break;
        case 'e': out += '\\x1b'; break;
        case 'u': case 'x': case 'c': out += `\\${n}`; break;
        default:
          if (SAME_ESCAPES.has(n)) out += `\\${n}`;
          else if (/[A-Za-z]/.test(n)) throw badRegex('invalid escape \\ sequence');
          else out += escapeLiteral(n, false);
      }
      continue;
    }
    out += ch === '/' ? '\\/' : ch;
    i++;
  }
  if (inClass) throw badRegex('brackets [] not balanced');
  return out;
}

function jsError(e: unknown): SqlError {
  const m = e instanceof Error ? e.message : String(e);
  if (/Unterminated group|Unmatched '\)'|unmatched parentheses/i.test(m)) return badRegex('parentheses () not balanced');
  if (/Unterminated character class/i.test(m)) return badRegex('brackets [] not balanced');
  if (/Nothing to repeat/i.test(m)) return badRegex('quantifier operand invalid');
  if (/Incomplete quantifier|numbers out of order/i.test(m)) return badRegex('invalid repetition count(s)');
  if (/Invalid escape|\\ at end of pattern/i.test(m)) return badRegex('invalid escape \\ sequence');
  return badRegex(m.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, ''));
}

/** A JS RegExp for an ARE pattern and flags (`g` and `y` added on request). */
export function posixRegExp(pattern: string, flags: RegexFlags, extra = ''): RegExp {
  let p = pattern;
  const f = { ...flags };
  const embedded = /^\(\?([a-z]+)\)/.exec(p);
  if (embedded && !f.literal) {
    Object.assign(f, parseFlags(embedded[1]), { global: f.global });
    if (flags.ci && !/c/.test(embedded[1]!)) f.ci = true;
    p = p.slice(embedded[0].length);
  }
  const source = f.literal ? [...p].map((c) => escapeLiteral(c, false)).join('') : translate(p, f.expanded);
  const jsFlags = `u${f.ci ? 'i' : ''}${f.newline ? 'm' : 's'}${extra}`;
  try {
    return new RegExp(source, jsFlags);
  } catch (e) {
    throw jsError(e);
  }
}

/** All matches from a start offset (UTF-16 index), advancing past empty matches. */
function* matches(re: RegExp, s: string, from = 0): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  g.lastIndex = from;
  for (;;) {
    const m = g.exec(s);
    if (!m) return;
    yield m;
    if (m[0].length === 0) g.lastIndex = m.index + (s.codePointAt(m.index)! > 0xffff ? 2 : 1);
    if (g.lastIndex > s.length) return;
  }
}

/** UTF-16 index of a 1-based code-point position. */
function cpIndex(s: string, pos: number): number {
  let idx = 0;
  for (let n = 1; n < pos && idx < s.length; n++) idx += s.codePointAt(idx)! > 0xffff ? 2 : 1;
  return idx;
}

/** 1-based code-point position of a UTF-16 index. */
const cpPos = (s: string, idx: number): number => [...s.slice(0, idx)].length + 1;

/** Expands \1..\9 and \& in a regexp_replace replacement; `\\` is a backslash. */
function expandReplacement(rep: string, m: RegExpExecArray): string {
  return rep.replace(/\\([0-9&\\])/g, (_, c: string) => {
    if (c === '\\') return '\\';
    if (c === '&' || c === '0') return m[0];
    return m[Number(c)] ?? '';
  });
}

/** regexp_replace(source, pattern, replacement [, start [, N]] [, flags]). */
export function regexpReplace(s: string, pattern: string, rep: string, start = 1, n?: number, flags?: string): string {
  if (start <= 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid value for parameter "start": ${start}`);
  if (n !== undefined && n < 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid value for parameter "n": ${n}`);
  const f = parseFlags(flags);
  const re = posixRegExp(pattern, f);
  const nth = n ?? (f.global ? 0 : 1);
  let out = '';
  let last = 0;
  let count = 0;
  for (const m of matches(re, s, cpIndex(s, start))) {
    count++;
    if (nth !== 0 && count < nth) continue;
    out += s.slice(last, m.index) + expandReplacement(rep, m);
    last = m.index + m[0].length;
    if (nth !== 0) break;
  }
  return out + s.slice(last);
}

/** The capture groups of a match as text[] (the whole match when there are none). */
function groups(m: RegExpExecArray): Array<string | null> {
  return m.length > 1 ? m.slice(1).map((g) => g ?? null) : [m[0]];
}

/** regexp_match(s, pattern [, flags]): the first match's groups, or NULL. */
export function regexpMatch(s: string, pattern: string, flags?: string): Array<string | null> | null {
  const f = parseFlags(flags);
  if (f.global) {
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'regexp_match() does not support the "global" option', {
      hint: 'Use the regexp_matches function instead.',
    });
  }
  const m = posixRegExp(pattern, f).exec(s);
  return m ? groups(m) : null;
}

/** regexp_matches rows: every match with `g`, else the first. */
export function regexpMatches(s: string, pattern: string, flags?: string): Array<Array<string | null>> {
  const f = parseFlags(flags);
  const re = posixRegExp(pattern, f);
  const rows: Array<Array<string | null>> = [];
  for (const m of matches(re, s)) {
    rows.push(groups(m));
    if (!f.global) break;
  }
  return rows;
}

/** regexp_split_to_array / _table: zero-length matches at the ends or right after a match are ignored. */
export function regexpSplit(s: string, pattern: string, flags?: string, fn = 'regexp_split_to_array'): string[] {
  const f = parseFlags(flags, fn);
  const re = posixRegExp(pattern, f);
  const parts: string[] = [];
  let last = 0;
  for (const m of matches(re, s)) {
    const end = m.index + m[0].length;
    if (m[0].length === 0 && (m.index === 0 || m.index >= s.length || m.index === last)) continue;
    parts.push(s.slice(last, m.index));
    last = end;
  }
  parts.push(s.slice(last));
  return parts;
}

/** regexp_count(s, pattern [, start [, flags]]). */
export function regexpCount(s: string, pattern: string, start = 1, flags?: string, fn = 'regexp_count'): number {
  if (start <= 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid value for parameter "start": ${start}`);
  let n = 0;
  for (const _ of matches(posixRegExp(pattern, parseFlags(flags, fn)), s, cpIndex(s, start))) n++;
  return n;
}

/** The N-th match at or after `start` (1-based code points), or undefined. */
function nthMatch(s: string, pattern: string, start: number, n: number, flags: string | undefined, fn: string): RegExpExecArray | undefined {
  if (start <= 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid value for parameter "start": ${start}`);
  if (n <= 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid value for parameter "n": ${n}`);
  let k = 0;
  for (const m of matches(posixRegExp(pattern, parseFlags(flags, fn)), s, cpIndex(s, start))) if (++k === n) return m;
  return undefined;
}

/** regexp_instr(s, pattern [, start [, N [, endoption [, flags [, subexpr]]]]]). */
export function regexpInstr(s: string, pattern: string, start = 1, n = 1, endOption = 0, flags?: string, sub = 0): number {
  if (endOption !== 0 && endOption !== 1) {
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid value for parameter "endoption": ${endOption}`);
  }
  const m = nthMatch(s, pattern, start, n, flags, 'regexp_instr');
  if (!m) return 0;
  if (sub > 0) {
    const g = m[sub];
    if (g === undefined) return 0;
    const idx = s.indexOf(g, m.index);
    return cpPos(s, endOption ? idx + g.length : idx);
  }
  return cpPos(s, endOption ? m.index + m[0].length : m.index);
}

/** regexp_substr(s, pattern [, start [, N [, flags [, subexpr]]]]). */
export function regexpSubstr(s: string, pattern: string, start = 1, n = 1, flags?: string, sub = 0): string | null {
  const m = nthMatch(s, pattern, start, n, flags, 'regexp_substr');
  if (!m) return null;
  return sub > 0 ? m[sub] ?? null : m[0];
}

/** substring(s from pattern): the first parenthesized group if any, else the whole match. */
export function regexSubstring(s: string, pattern: string): string | null {
  const m = posixRegExp(pattern, parseFlags('')).exec(s);
  if (!m) return null;
  return m.length > 1 ? m[1] ?? null : m[0];
}

/** similar_to_escape(pattern [, escape]): SQL SIMILAR TO -> ARE, as similar_escape_internal. */
export function similarToEscape(pattern: string, escape: string | null = '\\'): string {
  const esc = escape ?? '';
  if ([...esc].length > 1) {
    throw new SqlError(SQLSTATE.INVALID_ESCAPE_SEQUENCE, 'invalid escape string', { hint: 'Escape string must be empty or one character.' });
  }
  let out = '^(?:';
  let afterEscape = false;
  let inClass = false;
  let classPos = 0;
  let quotes = 0;
  for (const c of pattern) {
    if (afterEscape) {
      if (c === '"' && !inClass) {
        if (quotes === 0) out += '){1,1}?(';
        else if (quotes === 1) out += '){1,1}(?:';
        else {
          throw new SqlError(SQLSTATE.INVALID_USE_OF_ESCAPE_CHARACTER, 'SQL regular expression may not contain more than two escape-double-quote separators');
        }
        quotes++;
      } else {
        out += `\\${c}`;
      }
      afterEscape = false;
    } else if (esc !== '' && c === esc) {
      afterEscape = true;
    } else if (inClass) {
      if (c === '\\') out += '\\';
      out += c;
      if (c === ']' && classPos > 2) inClass = false;
      else if (c === '^') classPos++;
      else classPos = 3;
    } else if (c === '[') {
      out += c;
      inClass = true;
      classPos = 1;
    } else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else if (c === '(') out += '(?:';
    else if (c === '\\' || c === '.' || c === '^' || c === '$') out += `\\${c}`;
    else out += c;
  }
  return `${out})$`;
}
