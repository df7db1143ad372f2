// COPY text format: one row per line, fields split by the delimiter (tab), `\N` for NULL
// (matched on the raw field before de-escaping), backslash escapes \b \f \n \r \t \v \ooo \xhh
// and `\<char>` for the char itself; `\.` alone on a line ends the data. The parser is fed
// CopyData payloads as they arrive: lines and UTF-8 characters may straddle them.
// @see https://www.postgresql.org/docs/16/sql-copy.html#id-1.9.3.55.9.2
import { type CopyParser, EMPTY, type TextRecord, copyFormatError } from './copy-record';

const LF = 0x0a;
const CR = 0x0d;
const BACKSLASH = 0x5c;

const SIMPLE_ESCAPES: Readonly<Record<number, number>> = {
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x76: 0x0b, // \v
};

function isOctal(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x37;
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}

/** De-escapes one raw text-format field (bytes between delimiters). */
export function unescapeTextField(raw: Buffer): string {
  if (!raw.includes(BACKSLASH)) return raw.toString('utf8');
  const out = Buffer.allocUnsafe(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (b !== BACKSLASH || i + 1 >= raw.length) {
      out[n++] = b;
      continue;
    }
    const c = raw[++i]!;
    if (SIMPLE_ESCAPES[c] !== undefined) out[n++] = SIMPLE_ESCAPES[c]!;
    else if (isOctal(c)) {
      let v = c - 0x30;
      for (let k = 0; k < 2 && isOctal(raw[i + 1]); k++) v = v * 8 + (raw[++i]! - 0x30);
      out[n++] = v & 0xff;
    } else if (c === 0x78 && hexValue(raw[i + 1]) >= 0) {
      let v = hexValue(raw[++i]);
      if (hexValue(raw[i + 1]) >= 0) v = v * 16 + hexValue(raw[++i]);
      out[n++] = v;
    } else out[n++] = c;
  }
  return out.subarray(0, n).toString('utf8');
}

/** Index of the next unescaped LF at or after `from`, or -1 (a backslash escapes a newline too). */
function findLineEnd(buf: Buffer, from: number): number {
  let i = from;
  for (;;) {
    const nl = buf.indexOf(LF, i);
    if (nl < 0) return -1;
    let bs = 0;
    for (let j = nl - 1; j >= from && buf[j] === BACKSLASH; j--) bs++;
    if (bs % 2 === 0) return nl;
    i = nl + 1;
  }
}

export class TextCopyParser implements CopyParser<TextRecord> {
  private pending: Buffer = EMPTY;
  private line = 0;
  private ended = false;
  private readonly delimiter: number;
  private readonly nullBytes: Buffer;

  constructor(options: { delimiter: string; nullString: string; header: boolean }) {
    this.delimiter = Buffer.from(options.delimiter, 'utf8')[0]!;
    this.nullBytes = Buffer.from(options.nullString, 'utf8');
    this.skipHeader = options.header;
  }

  private skipHeader: boolean;

  push(chunk: Buffer): TextRecord[] {
    if (this.ended) return [];
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: TextRecord[] = [];
    let start = 0;
    while (!this.ended) {
      const nl = findLineEnd(buf, start);
      if (nl < 0) break;
      this.handleLine(buf.subarray(start, nl), out);
      start = nl + 1;
    }
    this.pending = this.ended ? EMPTY : Buffer.from(buf.subarray(start));
    return out;
  }

  finish(): TextRecord[] {
    const out: TextRecord[] = [];
    if (!this.ended && this.pending.length > 0) this.handleLine(this.pending, out);
    this.pending = EMPTY;
    this.ended = true;
    return out;
  }

  private handleLine(lineBytes: Buffer, out: TextRecord[]): void {
    let line = lineBytes;
    if (line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    this.line++;
    if (this.skipHeader) {
      this.skipHeader = false;
      return;
    }
    if (line.length === 2 && line[0] === BACKSLASH && line[1] === 0x2e) {
      this.ended = true;
      return;
    }
    if (line.includes(CR)) throw copyFormatError('literal carriage return found in data');
    const fields: Array<string | null> = [];
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      const b = line[i];
      if (b === BACKSLASH) {
        i++;
        continue;
      }
      if (i === line.length || b === this.delimiter) {
        const raw = line.subarray(start, i);
        fields.push(raw.equals(this.nullBytes) ? null : unescapeTextField(raw));
        start = i + 1;
      }
    }
    out.push({ line: this.line, fields, raw: line.toString('utf8') });
  }
}

/** Escapes a value for text-format output (CopyAttributeOutText). */
export function escapeTextField(value: string, delimiter: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let rep: string | undefined;
    switch (c) {
      case '\\': rep = '\\\\'; break;
      case '\n': rep = '\\n'; break;
      case '\r': rep = '\\r'; break;
      case '\t': rep = '\\t'; break;
      case '\b': rep = '\\b'; break;
      case '\f': rep = '\\f'; break;
      case '\v': rep = '\\v'; break;
      default: if (c === delimiter) rep = `\\${c}`;
    }
    if (rep !== undefined) {
      out += value.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? value : out + value.slice(last);
}

/** One text-format output line. values: text forms, null for NULL. */
export function formatTextLine(values: Array<string | null>, delimiter: string, nullString: string): string {
  return values.map((v) => (v === null ? nullString : escapeTextField(v, delimiter))).join(delimiter) + '\n';
}
