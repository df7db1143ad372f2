// COPY csv format: fields split by the delimiter (`,`), a quote (`"`) may start a quoted
// section anywhere in a field, inside which the escape char (default: the quote) escapes a
// quote or itself and newlines are data; an unquoted field equal to the NULL string (default
// empty) is NULL, a quoted one never is. `\.` alone on a line ends the data.
// Records are parsed straight from the byte stream so quoted newlines and chunk boundaries
// need no special casing: an incomplete record waits for the next CopyData payload.
// @see https://www.postgresql.org/docs/16/sql-copy.html#id-1.9.3.55.9.3
import { type CopyParser, EMPTY, type TextRecord, copyFormatError } from './copy-record';

const LF = 0x0a;
const CR = 0x0d;

interface CsvOptions {
  delimiter: string;
  nullString: string;
  quote: string;
  escape: string;
  header: boolean | 'match';
}

export class CsvCopyParser implements CopyParser<TextRecord> {
  private pending: Buffer = EMPTY;
  private line = 0;
  private ended = false;
  private readonly delim: number;
  private readonly quote: number;
  private readonly escape: number;
  private readonly nullString: string;
  private headerPending: boolean;
  /** The header's field names, when HEADER MATCH asked for a check. */
  header: string[] | null = null;

  constructor(options: CsvOptions) {
    this.delim = options.delimiter.charCodeAt(0);
    this.quote = options.quote.charCodeAt(0);
    this.escape = options.escape.charCodeAt(0);
    this.nullString = options.nullString;
    this.headerPending = options.header !== false;
  }

  push(chunk: Buffer): TextRecord[] {
    if (this.ended) return [];
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: TextRecord[] = [];
    let start = 0;
    while (!this.ended) {
      const end = this.parseRecord(buf, start, false, out);
      if (end < 0) break;
      start = end;
    }
    this.pending = this.ended ? EMPTY : Buffer.from(buf.subarray(start));
    return out;
  }

  finish(): TextRecord[] {
    const out: TextRecord[] = [];
    if (!this.ended && this.pending.length > 0) this.parseRecord(this.pending, 0, true, out);
    this.pending = EMPTY;
    this.ended = true;
    return out;
  }

  /**
   * Parses the record starting at `start`; returns the offset after it, or -1 when the buffer
   * ends first and more data may follow (`final` false).
   */
  private parseRecord(buf: Buffer, start: number, final: boolean, out: TextRecord[]): number {
    const fields: Array<string | null> = [];
    let parts: Buffer[] = [];
    let fieldStart = start;
    let segStart = start;
    let inQuotes = false;
    let sawQuote = false;
    let i = start;
    let end: number;
    const closeField = (at: number): void => {
      parts.push(buf.subarray(segStart, at));
      const rawLen = at - fieldStart;
      const value = Buffer.concat(parts).toString('utf8');
      const isNull = !sawQuote && rawLen === Buffer.byteLength(this.nullString) && value === this.nullString;
      fields.push(isNull ? null : value);
      parts = [];
      sawQuote = false;
    };
    for (;;) {
      if (i >= buf.length) {
        if (!final) return -1;
        if (inQuotes) throw copyFormatError('unterminated CSV quoted field');
        closeField(i);
        end = i;
        break;
      }
      const c = buf[i]!;
      if (inQuotes) {
        if (c === this.escape && i + 1 < buf.length && (buf[i + 1] === this.quote || buf[i + 1] === this.escape)) {
          parts.push(buf.subarray(segStart, i));
          segStart = i + 1;
          i += 2;
          continue;
        }
        if (c === this.escape && i + 1 >= buf.length && !final) return -1;
        if (c === this.quote) {
          parts.push(buf.subarray(segStart, i));
          segStart = i + 1;
          inQuotes = false;
        }
        i++;
        continue;
      }
      if (c === this.quote) {
        parts.push(buf.subarray(segStart, i));
        segStart = i + 1;
        inQuotes = true;
        sawQuote = true;
        i++;
      } else if (c === this.delim) {
        closeField(i);
        i++;
        fieldStart = segStart = i;
      } else if (c === LF || c === CR) {
        if (c === CR && i + 1 >= buf.length && !final) return -1;
        if (c === CR && buf[i + 1] !== LF) throw copyFormatError('unquoted carriage return found in data');
        closeField(i);
        end = c === CR ? i + 2 : i + 1;
        break;
      } else i++;
    }
    this.line++;
    const raw = buf.subarray(start, end).toString('utf8').replace(/\r?\n$/, '');
    if (raw === '\\.' && fields.length === 1) {
      this.ended = true;
      return end;
    }
    if (this.headerPending) {
      this.headerPending = false;
      this.header = fields.map((f) => f ?? '');
      return end;
    }
    out.push({ line: this.line, fields, raw });
    return end;
  }
}

/** Quotes a value for csv output when needed (CopyAttributeOutCSV). */
export function quoteCsvField(value: string, o: { delimiter: string; quote: string; escape: string; nullString: string }, force: boolean, singleColumn: boolean): string {
  let quote = force || value === o.nullString;
  if (!quote) {
    if (singleColumn && value === '\\.') quote = true;
    else {
      for (let i = 0; i < value.length && !quote; i++) {
        const c = value[i];
        quote = c === o.delimiter || c === o.quote || c === '\n' || c === '\r';
      }
    }
  }
  if (!quote) return value;
  let out = o.quote;
  for (const c of value) out += c === o.quote || c === o.escape ? o.escape + c : c;
  return out + o.quote;
}
