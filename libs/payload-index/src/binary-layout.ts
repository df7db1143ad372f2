// The on-disk layout shared by the serialized payload indexes:
//
//   0   magic, 8 ASCII bytes ('VGPTRM01', 'VGPRNG01': kind + format version)
//   8   u32 little-endian header fields (count depends on the kind), padded to 8 bytes
//   ..  typed sections (Float64 / Uint32 / bytes), each starting on an 8-byte boundary
//
// Sections are padded to 8 bytes so that, when the whole buffer is 8-byte aligned (an mmap or
// a fresh Buffer), open() views them as Float64Array / Uint32Array without copying. From an
// unaligned buffer a section is copied once. Every length and offset is checked against the
// buffer before any view is made: a corrupt or truncated file raises XX001, never a RangeError
// or an out-of-bounds read. The segment-file layer adds the checksum.
import { dataCorrupted, type SqlError } from '@vecgres/errors';

export function pad8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** XX001, also exposed as `code` for callers that test Node-style error codes. */
export function corrupt(what: string, detail: string): SqlError {
  const e = dataCorrupted(`corrupted ${what}: ${detail}`);
  Object.defineProperty(e, 'code', { value: e.sqlstate, enumerable: false });
  return e;
}

/** Appends sections to a buffer it sizes up front; every section starts 8-aligned. */
export class LayoutWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at: number;

  constructor(magic: string, headerWords: readonly number[], sectionBytes: readonly number[]) {
    let size = pad8(8 + 4 * headerWords.length);
    for (const b of sectionBytes) size += pad8(b);
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
    for (let i = 0; i < 8; i++) this.bytes[i] = magic.charCodeAt(i);
    headerWords.forEach((w, i) => this.view.setUint32(8 + 4 * i, w, true));
    this.at = pad8(8 + 4 * headerWords.length);
  }

  /** Copies `data` (bytes of a little-endian typed array) at the next 8-aligned offset. */
  section(data: ArrayBufferView): void {
    const src = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.bytes.set(src, this.at);
    this.at += pad8(src.length);
  }

  /** Writes u32 values at the next 8-aligned offset (for arrays not already Uint32Array). */
  u32Section(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.view.setUint32(this.at + 4 * i, values[i]!, true);
    this.at += pad8(4 * values.length);
  }
}

/** Reads the header and hands out bounds-checked, zero-copy-when-aligned section views. */
export class LayoutReader {
  private readonly view: DataView;
  private at: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
    magic: string,
    private readonly headerWords: number,
  ) {
    const headerEnd = pad8(8 + 4 * headerWords);
    if (!(bytes instanceof Uint8Array)) throw corrupt(what, 'not a byte array');
    if (bytes.length < headerEnd) throw corrupt(what, `${bytes.length} bytes is shorter than the header`);
    for (let i = 0; i < 8; i++) {
      if (bytes[i] !== magic.charCodeAt(i)) throw corrupt(what, `bad magic (expected ${magic})`);
    }
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = headerEnd;
  }

  header(i: number): number {
    if (i < 0 || i >= this.headerWords) throw corrupt(this.what, `header field ${i}`);
    return this.view.getUint32(8 + 4 * i, true);
  }

  /** Fails unless exactly `sectionBytes` (in order) follow the header: catches truncation. */
  expectSections(sectionBytes: readonly number[]): void {
    let size = this.at;
    for (const b of sectionBytes) size += pad8(b);
    if (size !== this.bytes.length) {
      throw corrupt(this.what, `size ${this.bytes.length} does not match its header (expected ${size})`);
    }
  }

  u32(count: number): Uint32Array {
    const off = this.take(count * 4);
    const b = this.bytes;
    if ((b.byteOffset + off) % 4 === 0 && littleEndian()) return new Uint32Array(b.buffer, b.byteOffset + off, count);
    const out = new Uint32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.view.getUint32(off + 4 * i, true);
    return out;
  }

  f64(count: number): Float64Array {
    const off = this.take(count * 8);
    const b = this.bytes;
    if ((b.byteOffset + off) % 8 === 0 && littleEndian()) return new Float64Array(b.buffer, b.byteOffset + off, count);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = this.view.getFloat64(off + 8 * i, true);
    return out;
  }

  raw(length: number): Uint8Array {
    const off = this.take(length);
    return this.bytes.subarray(off, off + length);
  }

  private take(length: number): number {
    const off = this.at;
    if (!Number.isSafeInteger(length) || length < 0 || off + length > this.bytes.length) {
      throw corrupt(this.what, `section of ${length} bytes at ${off} runs past the end (${this.bytes.length})`);
    }
    this.at = off + pad8(length);
    return off;
  }
}

export function littleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}
