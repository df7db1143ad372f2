// Growable big-endian writer for protocol messages. One per connection (or per test): it keeps
// no module-level state, and flush() hands the written bytes over instead of reusing them, so
// a buffer passed to socket.write() is never overwritten while the kernel still reads it.
// A small flush (a query's few messages) copies its bytes out and keeps the big buffer: a fresh
// 64 KB buffer per query would be a new off-heap ArrayBuffer each time, whose external memory
// drives V8 into frequent full garbage collections.

const DEFAULT_SIZE = 16 * 1024;
/**
 * Flushes up to this many bytes are copied into a right-sized Buffer (node's shared allocation
 * pool serves Buffer.allocUnsafe below 4 KB); larger ones hand the buffer itself over.
 */
export const FLUSH_COPY_MAX = 4000;

export class BufferWriter {
  private buf: Buffer;
  private pos = 0;
  /** Offset of the length word of the message being written, or -1. */
  private lengthAt = -1;

  constructor(private readonly initialSize: number = DEFAULT_SIZE) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Bytes written and not yet flushed. */
  get length(): number {
    return this.pos;
  }

  private ensure(extra: number): void {
    const needed = this.pos + extra;
    if (needed <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /**
   * Starts a message: the type byte (omitted for startup-phase packets, which have none) and a
   * placeholder for the Int32 length that endMessage() fills in.
   */
  startMessage(code?: number): this {
    if (this.lengthAt !== -1) throw new Error('BufferWriter: message already started');
    if (code !== undefined) this.uint8(code);
    this.lengthAt = this.pos;
    return this.int32(0);
  }

  /** Patches the length word: it counts itself and the body, not the type byte. */
  endMessage(): this {
    if (this.lengthAt === -1) throw new Error('BufferWriter: no message started');
    this.buf.writeInt32BE(this.pos - this.lengthAt, this.lengthAt);
    this.lengthAt = -1;
    return this;
  }

  uint8(value: number): this {
    this.ensure(1);
    this.buf[this.pos++] = value & 0xff;
    return this;
  }

  int16(value: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(value, this.pos);
    this.pos += 2;
    return this;
  }

  int32(value: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(value, this.pos);
    this.pos += 4;
    return this;
  }

  uint32(value: number): this {
    this.ensure(4);
    this.buf.writeUInt32BE(value, this.pos);
    this.pos += 4;
    return this;
  }

  /** UTF-8 text without terminator. */
  string(value: string): this {
    const len = Buffer.byteLength(value, 'utf8');
    this.ensure(len);
    this.buf.write(value, this.pos, len, 'utf8');
    this.pos += len;
    return this;
  }

  /** UTF-8 text plus the NUL terminator (the protocol's String type). */
  cstring(value: string): this {
    return this.string(value).uint8(0);
  }

  bytes(value: Uint8Array): this {
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
    return this;
  }

  /**
   * A view of everything written so far, without taking it: follow with release(), telling
   * whether whoever got the view still holds it (then a fresh buffer replaces this one).
   */
  pending(): Buffer {
    if (this.lengthAt !== -1) throw new Error('BufferWriter: flush inside an unfinished message');
    return this.buf.subarray(0, this.pos);
  }

  /** After pending(): starts over, in the same buffer when `reusable` (the view is no longer used). */
  release(reusable: boolean): void {
    if (!reusable) this.buf = Buffer.allocUnsafe(Math.max(this.initialSize, 64));
    this.pos = 0;
  }

  /** Returns everything written so far and starts a fresh buffer (the returned bytes are not reused). */
  flush(): Buffer {
    if (this.lengthAt !== -1) throw new Error('BufferWriter: flush inside an unfinished message');
    if (this.pos <= FLUSH_COPY_MAX) {
      const small = Buffer.allocUnsafe(this.pos);
      this.buf.copy(small, 0, 0, this.pos);
      this.pos = 0;
      return small;
    }
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(this.initialSize, 64));
    this.pos = 0;
    return out;
  }
}
