// Big-endian reader over one message body. Reading past the end, a String without its NUL or
// bytes left over after the last field are protocol violations, worded like PostgreSQL's
// pqformat.c (pq_getmsgbytes / pq_getmsgstring / pq_getmsgend). They are FATAL here: a
// malformed message closes that connection.
import { protocolViolation, type SqlError } from '@vecgres/errors';

function malformed(message: string): SqlError {
  return protocolViolation(message, { severity: 'FATAL' });
}

export class BufferReader {
  private pos: number;

  /** buf: one message body (after the type byte and length word). */
  constructor(
    private readonly buf: Buffer,
    offset = 0,
  ) {
    this.pos = offset;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.buf.length) throw malformed('insufficient data left in message');
  }

  uint8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  int16(): number {
    this.need(2);
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  uint16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  /** A NUL-terminated UTF-8 string. */
  cstring(): string {
    const end = this.buf.indexOf(0, this.pos);
    if (end === -1) throw malformed('invalid string in message');
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end + 1;
    return s;
  }

  /** n raw bytes (a view into the message, not a copy). */
  bytes(n: number): Buffer {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Everything left. */
  rest(): Buffer {
    return this.bytes(this.remaining);
  }

  /** Asserts the message was consumed exactly. */
  end(): void {
    if (this.pos !== this.buf.length) throw malformed('invalid message format');
  }
}
