// Little-endian binary writer/reader for WAL payloads and small segment files.
import { writeU64, readU64 } from '../wal/wal-format';

export class ByteWriter {
  private buf = new Uint8Array(256);
  private dv = new DataView(this.buf.buffer);
  private len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.byteLength) return;
    let cap = this.buf.byteLength * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.dv = new DataView(next.buffer);
  }
  u8(v: number): this {
    this.reserve(1);
    this.buf[this.len++] = v;
    return this;
  }
  u32(v: number): this {
    this.reserve(4);
    this.dv.setUint32(this.len, v, true);
    this.len += 4;
    return this;
  }
  /** Unsigned integer up to 2^53, stored as u64. */
  u64(v: number): this {
    this.reserve(8);
    writeU64(this.dv, this.len, v);
    this.len += 8;
    return this;
  }
  bytes(b: Uint8Array): this {
    this.reserve(b.byteLength);
    this.buf.set(b, this.len);
    this.len += b.byteLength;
    return this;
  }
  /** u32 length + bytes. */
  block(b: Uint8Array): this {
    return this.u32(b.byteLength).bytes(b);
  }
  string(s: string): this {
    return this.block(new TextEncoder().encode(s));
  }
  f32s(v: Float32Array): this {
    return this.bytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export class ByteReader {
  private readonly dv: DataView;
  pos = 0;
  constructor(private readonly b: Uint8Array) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  private need(n: number): void {
    if (this.pos + n > this.b.byteLength) throw new RangeError(`record truncated at byte ${this.pos}`);
  }
  u8(): number {
    this.need(1);
    return this.b[this.pos++];
  }
  u32(): number {
    this.need(4);
    const v = this.dv.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64(): number {
    this.need(8);
    const v = readU64(this.dv, this.pos);
    this.pos += 8;
    return v;
  }
  /** A copy of the next n bytes (callers keep it past the WAL buffer's lifetime). */
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  block(): Uint8Array {
    return this.bytes(this.u32());
  }
  string(): string {
    return new TextDecoder().decode(this.block());
  }
  /** n float32 values, copied into an aligned Float32Array. */
  f32s(n: number): Float32Array {
    const b = this.bytes(n * 4);
    return new Float32Array(b.buffer, b.byteOffset, n);
  }
  get done(): boolean {
    return this.pos >= this.b.byteLength;
  }
}
