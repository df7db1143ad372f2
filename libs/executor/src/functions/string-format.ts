// Quoting, format(), concat and encode/decode, after PostgreSQL 15's varlena.c, quote.c and
// encode.c. Values of "any" arguments are printed with their type's output function
// (FunctionContext.formatValue over argTypes), so concat(1.50::numeric) is '1.50' and a date
// prints in DateStyle.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { quoteIdentifier as quoteIdent, quoteLiteral } from '@vecgres/catalog';
import type { FunctionContext } from './extra-context';

/** quote_ident / quote_literal are the catalog's (PostgreSQL's quote_identifier over the generated keyword list). */
export { quoteIdentifier as quoteIdent, quoteLiteral } from '@vecgres/catalog';

const TEXT_TYPES = new Set([25, 1043, 1042, 19, 705]);

/** The text form of an "any" argument (its type's output function). */
export function anyText(ctx: FunctionContext, value: unknown, index: number): string {
  const oid = ctx.argTypes[index] ?? 25;
  if (typeof value === 'string' && TEXT_TYPES.has(oid)) return value;
  return ctx.formatValue(value, oid);
}

/** concat(VARIADIC "any"): NULLs are skipped. */
export function concat(ctx: FunctionContext, ...args: unknown[]): string {
  let out = '';
  args.forEach((v, i) => {
    if (v !== null && v !== undefined) out += anyText(ctx, v, i);
  });
  return out;
}

/** concat_ws(sep, VARIADIC "any"): NULL separator gives NULL, NULL values are skipped. */
export function concatWs(ctx: FunctionContext, sep: string | null, ...args: unknown[]): string | null {
  if (sep === null) return null;
  const parts: string[] = [];
  args.forEach((v, i) => {
    if (v !== null && v !== undefined) parts.push(anyText(ctx, v, i + 1));
  });
  return parts.join(sep);
}

function formatError(message: string, hint?: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, message, hint ? { hint } : {});
}

/**
 * format(fmt, VARIADIC "any"): %s (text), %I (identifier), %L (literal, NULL unquoted),
 * %% ; positions `%2$s`, widths `%-10s` / `%*s` / `%*2$s`. After a positional argument the
 * next unnumbered one is the following argument, as in PostgreSQL.
 */
export function format(ctx: FunctionContext, fmt: string | null, ...args: unknown[]): string | null {
  if (fmt === null) return null;
  let out = '';
  let next = 0;
  let i = 0;
  const readNumber = (): number | undefined => {
    const m = /^\d+/.exec(fmt.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return Number(m[0]);
  };
  const argAt = (n: number): unknown => {
    if (n >= args.length) throw formatError('too few arguments for format()');
    return args[n];
  };
  const position = (n: number): number => {
    if (n === 0) throw formatError('format specifies argument 0, but arguments are numbered from 1');
    return n - 1;
  };
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c !== '%') { out += c; i++; continue; }
    i++;
    if (i >= fmt.length) throw formatError('unterminated format() type specifier', 'For a single "%" use "%%".');
    if (fmt[i] === '%') { out += '%'; i++; continue; }
    // [argpos$][flags][width][type]
    let argIndex: number | undefined;
    const save = i;
    const n = readNumber();
    if (n !== undefined && fmt[i] === '$') { argIndex = position(n); i++; } else i = save;
    let left = false;
    while (fmt[i] === '-') { left = true; i++; }
    let width = 0;
    if (fmt[i] === '*') {
      i++;
      let wIndex = next;
      const save2 = i;
      const wn = readNumber();
      if (wn !== undefined && fmt[i] === '$') { wIndex = position(wn); i++; } else i = save2;
      const w = argAt(wIndex);
      next = wIndex + 1;
      const wv = w === null ? 0 : Number(w);
      if (wv < 0) { left = true; width = -wv; } else width = wv;
    } else {
      width = readNumber() ?? 0;
    }
    const type = fmt[i];
    if (type === undefined) throw formatError('unterminated format() type specifier', 'For a single "%" use "%%".');
    i++;
    const index = argIndex ?? next;
    if (type !== 's' && type !== 'I' && type !== 'L') {
      throw formatError(`unrecognized format() type specifier "${type}"`, 'For a single "%" use "%%".');
    }
    const v = argAt(index);
    next = index + 1;
    let text: string;
    if (type === 's') text = v === null ? '' : anyText(ctx, v, index + 1);
    else if (type === 'I') {
      if (v === null) throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'null values cannot be formatted as an SQL identifier');
      text = quoteIdent(anyText(ctx, v, index + 1));
    } else text = v === null ? 'NULL' : quoteLiteral(anyText(ctx, v, index + 1));
    const len = [...text].length;
    if (len < width) text = left ? text + ' '.repeat(width - len) : ' '.repeat(width - len) + text;
    out += text;
  }
  return out;
}

const encodingError = (name: string) => new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `unrecognized encoding: "${name}"`);

/** encode(bytea, 'hex' | 'base64' | 'escape'). base64 wraps lines at 76 characters. */
export function encode(data: Buffer, kind: string): string {
  switch (kind.toLowerCase()) {
    case 'hex': return data.toString('hex');
    case 'base64': return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
    case 'escape': {
      let out = '';
      for (const b of data) {
        if (b === 0x5c) out += '\\\\';
        else if (b === 0 || b >= 0x80) out += `\\${b.toString(8).padStart(3, '0')}`;
        else out += String.fromCharCode(b);
      }
      return out;
    }
    default: throw encodingError(kind);
  }
}

const invalid = (message: string, hint?: string) => new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, message, hint ? { hint } : {});

function decodeHex(s: string): Buffer {
  const bytes: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i]!)) { i++; continue; }
    const hi = s[i]!;
    if (!/[0-9a-fA-F]/.test(hi)) throw invalid(`invalid hexadecimal digit: "${hi}"`);
    const lo = s[i + 1];
    if (lo === undefined) throw invalid('invalid hexadecimal data: odd number of digits');
    if (!/[0-9a-fA-F]/.test(lo)) throw invalid(`invalid hexadecimal digit: "${lo}"`);
    bytes.push(parseInt(hi + lo, 16));
    i += 2;
  }
  return Buffer.from(bytes);
}

function decodeBase64(s: string): Buffer {
  const clean = s.replace(/[ \t\n\r]/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(clean);
  if (bad) throw invalid(`invalid symbol "${bad[0]}" found while decoding base64 sequence`);
  const pad = clean.indexOf('=');
  if ((pad >= 0 && /[^=]/.test(clean.slice(pad))) || clean.length % 4 !== 0) {
    throw invalid('invalid base64 end sequence', 'Input data is missing padding, is truncated, or is otherwise corrupted.');
  }
  return Buffer.from(clean, 'base64');
}

function decodeEscape(s: string): Buffer {
  const bytes: number[] = [];
  const src = Buffer.from(s, 'utf8');
  for (let i = 0; i < src.length; i++) {
    const b = src[i]!;
    if (b !== 0x5c) { bytes.push(b); continue; }
    if (src[i + 1] === 0x5c) { bytes.push(0x5c); i++; continue; }
    const oct = src.subarray(i + 1, i + 4).toString('latin1');
    if (/^[0-3][0-7]{2}$/.test(oct)) { bytes.push(parseInt(oct, 8)); i += 3; continue; }
    throw new SqlError(SQLSTATE.INVALID_TEXT_REPRESENTATION, 'invalid input syntax for type bytea');
  }
  return Buffer.from(bytes);
}

/** decode(text, 'hex' | 'base64' | 'escape'). */
export function decode(s: string, kind: string): Buffer {
  switch (kind.toLowerCase()) {
    case 'hex': return decodeHex(s);
    case 'base64': return decodeBase64(s);
    case 'escape': return decodeEscape(s);
    default: throw encodingError(kind);
  }
}
