// COPY binary format:
//   header  : 11-byte signature `PGCOPY\n\377\r\n\0` | int32 flags (bit 16 = OIDs) | int32 extension length | extension
//   tuple   : int16 field count | per field: int32 length (-1 = NULL) | bytes (the type's binary send format)
//   trailer : int16 -1
// all big-endian. The parser accepts the payloads in any chunking.
// @see https://www.postgresql.org/docs/16/sql-copy.html#id-1.9.3.55.9.4
import { type BinaryRecord, type CopyParser, EMPTY, copyFormatError } from './copy-record';

export const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Header with no flags and no extension. */
export function binaryHeader(): Buffer {
  const b = Buffer.alloc(19);
  COPY_SIGNATURE.copy(b, 0);
  return b;
}

/** The trailer: a field count of -1. */
export function binaryTrailer(): Buffer {
  return Buffer.from([0xff, 0xff]);
}

/** One tuple. values: each field's binary form, null for NULL. */
export function binaryTuple(values: Array<Buffer | null>): Buffer {
  let size = 2;
  for (const v of values) size += 4 + (v?.length ?? 0);
  const b = Buffer.allocUnsafe(size);
  b.writeInt16BE(values.length, 0);
  let o = 2;
  for (const v of values) {
    if (v === null) {
      b.writeInt32BE(-1, o);
      o += 4;
    } else {
      b.writeInt32BE(v.length, o);
      v.copy(b, o + 4);
      o += 4 + v.length;
    }
  }
  return b;
}

export class BinaryCopyParser implements CopyParser<BinaryRecord> {
  private buf: Buffer = EMPTY;
  private headerDone = false;
  private trailerSeen = false;
  private tuple = 0;

  constructor(private readonly fieldCount: number) {}

  push(chunk: Buffer): BinaryRecord[] {
    if (this.trailerSeen) {
      if (chunk.length > 0) throw copyFormatError('received copy data after EOF marker');
      return [];
    }
    this.buf = this.buf.length > 0 ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: BinaryRecord[] = [];
    let pos = 0;
    if (!this.headerDone) {
      const end = this.parseHeader();
      if (end < 0) return out;
      pos = end;
      this.headerDone = true;
    }
    for (;;) {
      if (this.trailerSeen) {
        if (pos < this.buf.length) throw copyFormatError('received copy data after EOF marker');
        break;
      }
      const end = this.parseTuple(pos, out);
      if (end < 0) break;
      pos = end;
    }
    this.buf = pos >= this.buf.length ? EMPTY : Buffer.from(this.buf.subarray(pos));
    return out;
  }

  finish(): BinaryRecord[] {
    if (!this.headerDone) throw copyFormatError(this.buf.length === 0 ? 'COPY file signature not recognized' : 'invalid COPY file header (missing flags)');
    if (this.buf.length > 0) throw copyFormatError('unexpected EOF in COPY data');
    return [];
  }

  /** Returns the offset after the header, or -1 when more bytes are needed. */
  private parseHeader(): number {
    const b = this.buf;
    const sigLen = Math.min(b.length, COPY_SIGNATURE.length);
    if (!b.subarray(0, sigLen).equals(COPY_SIGNATURE.subarray(0, sigLen))) throw copyFormatError('COPY file signature not recognized');
    if (b.length < 19) return -1;
    const flags = b.readInt32BE(11);
    if (flags & (1 << 16)) throw copyFormatError('invalid COPY file header (WITH OIDS)');
    if ((flags & ~(1 << 16)) >>> 16 !== 0) throw copyFormatError('unrecognized critical flags in COPY file header');
    const extLen = b.readInt32BE(15);
    if (extLen < 0) throw copyFormatError('invalid COPY file header (wrong length)');
    if (b.length < 19 + extLen) return -1;
    return 19 + extLen;
  }

  /** Parses one tuple (or the trailer) at `pos`; -1 when incomplete. */
  private parseTuple(pos: number, out: BinaryRecord[]): number {
    const b = this.buf;
    if (b.length - pos < 2) return -1;
    const count = b.readInt16BE(pos);
    if (count === -1) {
      this.trailerSeen = true;
      return pos + 2;
    }
    const line = this.tuple + 1;
    if (count !== this.fieldCount) throw copyFormatError(`row field count is ${count}, expected ${this.fieldCount}`);
    let o = pos + 2;
    const fields: Array<Buffer | null> = [];
    for (let i = 0; i < count; i++) {
      if (b.length - o < 4) return -1;
      const len = b.readInt32BE(o);
      o += 4;
      if (len === -1) {
        fields.push(null);
        continue;
      }
      if (len < -1) throw copyFormatError('invalid field size');
      if (b.length - o < len) return -1;
      fields.push(b.subarray(o, o + len));
      o += len;
    }
    this.tuple++;
    out.push({ line, fields });
    return o;
  }
}
