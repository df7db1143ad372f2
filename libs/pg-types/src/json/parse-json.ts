// A JSON parser with PostgreSQL's json lexer/parser behaviour (src/common/jsonapi.c): the same
// token boundaries, the same error details (`Token "x" is invalid.`, `Expected ":", but found
// "1".`, `The input string ended unexpectedly.` ...) and the same CONTEXT line
// (`JSON data, line 1: {"a":1,...`). Used by json (validation only) and jsonb (tree building).
// Context excerpts count UTF-16 units where PostgreSQL counts bytes; they match for ASCII.
import { SQLSTATE, SqlError } from '@vecgres/errors';

type Tok = '{' | '}' | '[' | ']' | ',' | ':' | 'string' | 'number' | 'true' | 'false' | 'null' | 'end';

/** Builds values as the parser finishes them; json passes a no-op builder. */
export interface JsonBuilder<V> {
  string(value: string): V;
  number(lexeme: string): V;
  bool(value: boolean): V;
  null(): V;
  array(items: V[]): V;
  object(entries: Array<[string, V]>): V;
}

interface Lex {
  text: string;
  /** Start and end (exclusive) of the current token. */
  start: number;
  end: number;
  tok: Tok;
  /** De-escaped value of the current string token. */
  str: string;
  line: number;
  lineStart: number;
  /** jsonb de-escapes strings and so must reject \u0000 and broken surrogate pairs. */
  needEscapes: boolean;
  /** Current nesting depth of arrays/objects. */
  depth: number;
}

/**
 * Nesting limit standing in for PostgreSQL's check_stack_depth(): deeper input fails with 54001
 * instead of overflowing the JS stack. PostgreSQL's 2MB stack allows deeper documents; 1000
 * levels leave room for the recursive walkers of the tree (output, executor functions) too.
 */
export const MAX_JSON_DEPTH = 1000;

function enter(lx: Lex): void {
  if (++lx.depth > MAX_JSON_DEPTH) {
    throw new SqlError(SQLSTATE.STATEMENT_TOO_COMPLEX, 'stack depth limit exceeded', {
      hint: 'Increase the configuration parameter "max_stack_depth" (currently 2048kB), after ensuring the platform\'s stack depth limit is adequate.',
    });
  }
}

const isAlnum = (c: string): boolean => /[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) >= 0x80;

function contextLine(lx: Lex, atEnd: boolean): string {
  let ctxStart = lx.lineStart;
  const ctxEnd = lx.end;
  while (ctxEnd - ctxStart >= 50) ctxStart++;
  if (ctxStart - lx.lineStart <= 3) ctxStart = lx.lineStart;
  const prefix = ctxStart > lx.lineStart ? '...' : '';
  const next = lx.text[ctxEnd];
  const suffix = !atEnd && ctxEnd < lx.text.length && next !== '\n' && next !== '\r' ? '...' : '';
  return `JSON data, line ${lx.line}: ${prefix}${lx.text.slice(ctxStart, ctxEnd)}${suffix}`;
}

function syntaxError(lx: Lex, detail: string, atEnd = false): SqlError {
  return new SqlError(SQLSTATE.INVALID_TEXT_REPRESENTATION, 'invalid input syntax for type json', {
    detail,
    where: contextLine(lx, atEnd),
  });
}

function invalidToken(lx: Lex, end: number): SqlError {
  lx.end = end;
  return syntaxError(lx, `Token "${lx.text.slice(lx.start, end)}" is invalid.`);
}

function lexString(lx: Lex): void {
  const s = lx.text;
  let i = lx.start + 1;
  let out = '';
  let hiSurrogate = -1;
  const fail = (detail: string, end: number): never => {
    lx.end = end;
    throw syntaxError(lx, detail);
  };
  const lowSurrogateMissing = (end: number): never => fail('Unicode low surrogate must follow a high surrogate.', end);
  for (;;) {
    if (i >= s.length) throw invalidToken(lx, i);
    const c = s[i]!;
    if (c === '"') break;
    if (c.charCodeAt(0) < 0x20) {
      fail(`Character with value 0x${c.charCodeAt(0).toString(16).padStart(2, '0')} must be escaped.`, i);
    }
    if (c !== '\\') {
      if (hiSurrogate !== -1) lowSurrogateMissing(i + 1);
      out += c;
      i++;
      continue;
    }
    i++;
    if (i >= s.length) throw invalidToken(lx, i);
    const e = s[i]!;
    if (e === 'u') {
      let ch = 0;
      for (let k = 1; k <= 4; k++) {
        const h = s[i + k];
        if (h === undefined || !/[0-9a-fA-F]/.test(h)) fail('"\\u" must be followed by four hexadecimal digits.', Math.min(i + k + 1, s.length));
        ch = ch * 16 + parseInt(h!, 16);
      }
      i += 5;
      // json (no de-escaping) accepts any \uXXXX; only jsonb checks surrogates and NUL.
      if (!lx.needEscapes) continue;
      if (ch >= 0xd800 && ch <= 0xdbff) {
        if (hiSurrogate !== -1) fail('Unicode high surrogate must not follow a high surrogate.', i);
        hiSurrogate = ch;
        continue;
      }
      if (ch >= 0xdc00 && ch <= 0xdfff) {
        if (hiSurrogate === -1) lowSurrogateMissing(i);
        out += String.fromCharCode(hiSurrogate, ch);
        hiSurrogate = -1;
        continue;
      }
      if (hiSurrogate !== -1) lowSurrogateMissing(i);
      if (ch === 0 && lx.needEscapes) {
        throw new SqlError(SQLSTATE.UNTRANSLATABLE_CHARACTER, 'unsupported Unicode escape sequence', {
          detail: '\\u0000 cannot be converted to text.',
          where: contextLine({ ...lx, end: i }, false),
        });
      }
      out += String.fromCharCode(ch);
      continue;
    }
    if (hiSurrogate !== -1) lowSurrogateMissing(i + 1);
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    const rep = simple[e];
    if (rep === undefined) {
      lx.start = i;
      lx.end = i + 1;
      throw syntaxError(lx, `Escape sequence "\\${e}" is invalid.`);
    }
    out += rep;
    i++;
  }
  if (hiSurrogate !== -1) lowSurrogateMissing(i + 1);
  lx.end = i + 1;
  lx.str = out;
}

function lexNumber(lx: Lex): void {
  const s = lx.text;
  let i = lx.start;
  let error = false;
  const digit = (k: number): boolean => k < s.length && s[k]! >= '0' && s[k]! <= '9';
  if (s[i] === '-') i++;
  if (s[i] === '0') i++;
  else if (digit(i)) while (digit(i)) i++;
  else error = true;
  if (s[i] === '.') {
    i++;
    if (!digit(i)) error = true;
    else while (digit(i)) i++;
  }
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    if (s[i] === '+' || s[i] === '-') i++;
    if (!digit(i)) error = true;
    else while (digit(i)) i++;
  }
  // Trailing alphanumerics belong to the (invalid) token, as in PostgreSQL.
  while (i < s.length && isAlnum(s[i]!)) {
    error = true;
    i++;
  }
  if (error) throw invalidToken(lx, i);
  lx.end = i;
}

/** json_lex: advances to the next token. */
function advance(lx: Lex): void {
  const s = lx.text;
  let i = lx.end;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) {
    if (s[i] === '\n') {
      lx.line++;
      lx.lineStart = i + 1;
    }
    i++;
  }
  lx.start = i;
  if (i >= s.length) {
    lx.tok = 'end';
    lx.end = i;
    return;
  }
  const c = s[i]!;
  if ('{}[],:'.includes(c)) {
    lx.tok = c as Tok;
    lx.end = i + 1;
  } else if (c === '"') {
    lx.tok = 'string';
    lexString(lx);
  } else if (c === '-' || (c >= '0' && c <= '9')) {
    lx.tok = 'number';
    lexNumber(lx);
  } else {
    let j = i;
    while (j < s.length && isAlnum(s[j]!)) j++;
    // A lone non-alphanumeric character is a one-character invalid token.
    if (j === i) throw invalidToken(lx, i + 1);
    const word = s.slice(i, j);
    if (word !== 'true' && word !== 'false' && word !== 'null') throw invalidToken(lx, j);
    lx.tok = word;
    lx.end = j;
  }
}

/** The current token (a call, so TypeScript does not narrow across advance()). */
function current(lx: Lex): Tok {
  return lx.tok;
}

function expected(lx: Lex, what: string): SqlError {
  if (lx.tok === 'end') return syntaxError(lx, 'The input string ended unexpectedly.', true);
  return syntaxError(lx, `${what}, but found "${lx.text.slice(lx.start, lx.end)}".`);
}

function parseValue<V>(lx: Lex, b: JsonBuilder<V>): V {
  switch (lx.tok) {
    case '{':
      return parseObject(lx, b);
    case '[':
      return parseArray(lx, b);
    case 'string': {
      const v = b.string(lx.str);
      advance(lx);
      return v;
    }
    case 'number': {
      const v = b.number(lx.text.slice(lx.start, lx.end));
      advance(lx);
      return v;
    }
    case 'true':
    case 'false': {
      const v = b.bool(lx.tok === 'true');
      advance(lx);
      return v;
    }
    case 'null':
      advance(lx);
      return b.null();
    default:
      throw expected(lx, 'Expected JSON value');
  }
}

function parseField<V>(lx: Lex, b: JsonBuilder<V>, entries: Array<[string, V]>): void {
  if (lx.tok !== 'string') throw expected(lx, 'Expected string');
  const key = lx.str;
  advance(lx);
  if (current(lx) !== ':') throw expected(lx, 'Expected ":"');
  advance(lx);
  entries.push([key, parseValue(lx, b)]);
}

function parseObject<V>(lx: Lex, b: JsonBuilder<V>): V {
  enter(lx);
  advance(lx);
  const entries: Array<[string, V]> = [];
  if (lx.tok === 'string') {
    parseField(lx, b, entries);
    while (current(lx) === ',') {
      advance(lx);
      parseField(lx, b, entries);
    }
  } else if (lx.tok !== '}') {
    throw expected(lx, 'Expected string or "}"');
  }
  if (lx.tok !== '}') throw expected(lx, 'Expected "," or "}"');
  advance(lx);
  lx.depth--;
  return b.object(entries);
}

function parseArray<V>(lx: Lex, b: JsonBuilder<V>): V {
  enter(lx);
  advance(lx);
  const items: V[] = [];
  if (lx.tok !== ']') {
    items.push(parseValue(lx, b));
    while (lx.tok === ',') {
      advance(lx);
      items.push(parseValue(lx, b));
    }
  }
  if (lx.tok !== ']') throw expected(lx, 'Expected "," or "]"');
  advance(lx);
  lx.depth--;
  return b.array(items);
}

/**
 * Parses JSON text like pg_parse_json. For 'jsonb' strings are de-escaped, which rejects
 * \u0000 (22P05) and unpaired surrogates as PostgreSQL does; both types say "type json".
 */
export function parseJson<V>(text: string, builder: JsonBuilder<V>, typeName: 'json' | 'jsonb'): V {
  const lx: Lex = {
    text, start: 0, end: 0, tok: 'end', str: '', line: 1, lineStart: 0,
    needEscapes: typeName === 'jsonb', depth: 0,
  };
  advance(lx);
  const v = parseValue(lx, builder);
  if (lx.tok !== 'end') throw expected(lx, 'Expected end of input');
  return v;
}
