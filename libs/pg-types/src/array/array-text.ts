// Array text I/O (array_in / array_out): `{1,2,NULL}`, `{{1,2},{3,4}}`, `{"a b","c\"d"}`,
// `[0:1]={7,8}`, with PostgreSQL's quoting, whitespace and NULL rules and its
// `malformed array literal` details. Element text goes through the element type's codec.
// @see https://www.postgresql.org/docs/16/arrays.html#ARRAYS-IO
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { MAX_ARRAY_DIMS, PgArray } from './pg-array';

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

function malformed(text: string, detail: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_TEXT_REPRESENTATION, `malformed array literal: "${text}"`, { detail });
}

function tooManyDims(n: number): SqlError {
  return new SqlError(
    SQLSTATE.PROGRAM_LIMIT_EXCEEDED,
    `number of array dimensions (${n}) exceeds the maximum allowed (${MAX_ARRAY_DIMS})`,
  );
}

interface Bounds {
  dims: number[];
  lbounds: number[];
  pos: number;
}

/** The optional `[lb:ub][ub]...=` decoration. */
function parseDimensions(text: string): Bounds {
  const b: Bounds = { dims: [], lbounds: [], pos: 0 };
  const num = /^[0-9+-]+/;
  for (;;) {
    while (isSpace(text[b.pos])) b.pos++;
    if (text[b.pos] !== '[') break;
    b.pos++;
    if (b.dims.length >= MAX_ARRAY_DIMS) throw tooManyDims(b.dims.length + 1);
    let m = num.exec(text.slice(b.pos));
    if (!m) throw malformed(text, '"[" must introduce explicitly-specified array dimensions.');
    let lb = 1;
    b.pos += m[0].length;
    if (text[b.pos] === ':') {
      lb = parseInt(m[0], 10) || 0;
      b.pos++;
      m = num.exec(text.slice(b.pos));
      if (!m) throw malformed(text, 'Missing array dimension value.');
      b.pos += m[0].length;
    }
    if (text[b.pos] !== ']') throw malformed(text, 'Missing "]" after array dimensions.');
    b.pos++;
    const ub = parseInt(m[0], 10) || 0;
    if (ub < lb) throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'upper bound cannot be less than lower bound');
    b.dims.push(ub - lb + 1);
    b.lbounds.push(lb);
  }
  return b;
}

/** A raw element: its text, or null for an unquoted NULL. */
type RawElement = string | null;

/** Parses the brace structure into flat raw elements and dimension lengths. */
function parseBraces(text: string, start: number, delim: string): { items: RawElement[]; dims: number[]; end: number } {
  const items: RawElement[] = [];
  const dims: number[] = [];
  let leafDepth = -1;
  let pos = start;
  const unexpected = (c: string): SqlError => malformed(text, `Unexpected "${c}" character.`);
  const endOfInput = (): SqlError => malformed(text, 'Unexpected end of input.');
  const mismatch = (): SqlError => malformed(text, 'Multidimensional arrays must have sub-arrays with matching dimensions.');

  const element = (): RawElement => {
    if (text[pos] === '"') {
      pos++;
      let out = '';
      for (;;) {
        const c = text[pos];
        if (c === undefined) throw endOfInput();
        if (c === '"') break;
        if (c === '\\') {
          pos++;
          if (text[pos] === undefined) throw endOfInput();
        }
        out += text[pos++];
      }
      pos++;
      return out;
    }
    let out = '';
    let keep = 0;
    let escaped = false;
    for (;;) {
      const c = text[pos];
      if (c === undefined) throw endOfInput();
      if (c === delim || c === '}') break;
      if (c === '{') throw unexpected('{');
      if (c === '"') throw malformed(text, 'Unexpected array element.');
      if (c === '\\') {
        pos++;
        if (text[pos] === undefined) throw endOfInput();
        out += text[pos++];
        keep = out.length;
        escaped = true;
        continue;
      }
      out += c;
      pos++;
      if (!isSpace(c)) keep = out.length;
    }
    out = out.slice(0, keep);
    return !escaped && out.toLowerCase() === 'null' ? null : out;
  };

  const level = (depth: number): void => {
    if (depth >= MAX_ARRAY_DIMS) throw tooManyDims(depth + 1);
    pos++;
    let count = 0;
    let nested: boolean | undefined;
    while (isSpace(text[pos])) pos++;
    if (text[pos] === '}') {
      if (depth > 0) throw unexpected('}');
      pos++;
      return;
    }
    for (;;) {
      while (isSpace(text[pos])) pos++;
      const c = text[pos];
      if (c === undefined) throw endOfInput();
      if (c === '{') {
        if (nested === false) throw unexpected('{');
        nested = true;
        level(depth + 1);
      } else if (c === delim || c === '}') {
        throw unexpected(c);
      } else {
        if (nested === true) throw malformed(text, 'Unexpected array element.');
        nested = false;
        if (leafDepth === -1) leafDepth = depth;
        else if (leafDepth !== depth) throw mismatch();
        items.push(element());
      }
      count++;
      while (isSpace(text[pos])) pos++;
      const after = text[pos];
      if (after === undefined) throw endOfInput();
      pos++;
      if (after === '}') break;
      if (after !== delim) throw malformed(text, 'Unexpected array element.');
    }
    if (dims[depth] === undefined) dims[depth] = count;
    else if (dims[depth] !== count) throw mismatch();
  };

  level(0);
  if (leafDepth !== -1 && leafDepth !== dims.length - 1) throw mismatch();
  return { items, dims, end: pos };
}

/** array_in: `parseElement` is the element type's input function (not called for NULLs). */
export function parseArrayText<T>(text: string, parseElement: (s: string) => T, delim = ','): PgArray<T> {
  const b = parseDimensions(text);
  let pos = b.pos;
  if (b.dims.length > 0) {
    if (text[pos] !== '=') throw malformed(text, 'Missing "=" after array dimensions.');
    pos++;
    while (isSpace(text[pos])) pos++;
    if (text[pos] !== '{') throw malformed(text, 'Array contents must start with "{".');
  } else if (text[pos] !== '{') {
    throw malformed(text, 'Array value must start with "{" or dimension information.');
  }
  const parsed = parseBraces(text, pos, delim);
  pos = parsed.end;
  while (isSpace(text[pos])) pos++;
  if (pos < text.length) throw malformed(text, 'Junk after closing right brace.');
  if (b.dims.length > 0) {
    const same = b.dims.length === parsed.dims.length && b.dims.every((d, i) => d === parsed.dims[i]);
    if (!same) throw malformed(text, 'Specified array dimensions do not match array contents.');
  }
  const elements = parsed.items.map((s) => (s === null ? null : parseElement(s)));
  if (elements.length === 0) return new PgArray<T>([]);
  return new PgArray(elements, parsed.dims, b.dims.length > 0 ? b.lbounds : undefined);
}

/** array_out's quoting of one element's text. */
function quoteElement(s: string, delim: string): string {
  let needQuote = s.length === 0 || s.toLowerCase() === 'null';
  let out = '';
  for (const ch of s) {
    if (ch === '"' || ch === '\\') {
      needQuote = true;
      out += '\\' + ch;
    } else {
      if (ch === '{' || ch === '}' || ch === delim || isSpace(ch)) needQuote = true;
      out += ch;
    }
  }
  return needQuote ? `"${out}"` : out;
}

/** array_out: `formatElement` is the element type's output function (not called for NULLs). */
export function formatArrayText<T>(arr: PgArray<T>, formatElement: (v: T) => string, delim = ','): string {
  if (arr.ndim === 0) return '{}';
  let prefix = '';
  if (arr.lowerBounds.some((lb) => lb !== 1)) {
    prefix = arr.dims.map((d, i) => `[${arr.lowerBounds[i]}:${arr.lowerBounds[i]! + d - 1}]`).join('') + '=';
  }
  let k = 0;
  const level = (dim: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < arr.dims[dim]!; i++) {
      if (dim === arr.ndim - 1) {
        const v = arr.elements[k++];
        parts.push(v === null || v === undefined ? 'NULL' : quoteElement(formatElement(v), delim));
      } else {
        parts.push(level(dim + 1));
      }
    }
    return `{${parts.join(delim)}}`;
  };
  return prefix + level(0);
}
