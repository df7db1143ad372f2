// A bitmap over the positions 0..rows-1 of one segment, in the exact layout of the ANN allow
// bitmaps the native HNSW / scan kernels take (LSB-first: bit i is byte i>>3, bit i&7), so a
// filter result crosses the native boundary without conversion.
//
// Operations run 32 bits at a time through a Uint32Array view of the same memory when the bytes
// are 4-byte aligned (bitmaps this class allocates always are); the 0-3 trailing bytes that do
// not fill a whole word are handled one by one, so a caller-provided `bits` that is a view into
// a larger buffer never has its neighbours touched. Word ops are bitwise per byte, hence
// independent of endianness, except positions() which assumes little-endian words (checked once
// per call; a big-endian host takes the byte path).
import { internal, invalidParameter } from '@vecgres/errors';

/** Bytes needed for `rows` bits. */
export function bitmapBytes(rows: number): number {
  return Math.floor((rows + 7) / 8);
}

function allocBits(rows: number): Uint8Array {
  const bytes = bitmapBytes(rows);
  // Round the backing store up to whole words so word loops over our own bitmaps are aligned.
  return new Uint8Array(new ArrayBuffer(Math.ceil(bytes / 4) * 4), 0, bytes);
}

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

/** Population count of a 32-bit word (SWAR). */
export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

export class RowBitmap {
  readonly rows: number;
  /** LSB-first bits, ceil(rows/8) bytes (Uint8Array). Bits at positions >= rows stay 0. */
  readonly bits: Uint8Array;
  /** Uint32 view over the first floor(bits.length/4) bytes, or null when `bits` is unaligned. */
  private readonly words: Uint32Array | null;

  /**
   * @param rows number of positions (segment rows).
   * @param bits optional LSB-first bitmap, at least ceil(rows/8) bytes; used as is (no copy).
   */
  constructor(rows: number, bits?: Uint8Array) {
    if (!Number.isInteger(rows) || rows < 0 || rows > 0xffffffff) {
      throw invalidParameter(`invalid bitmap row count ${rows}`);
    }
    this.rows = rows;
    if (bits === undefined) {
      this.bits = allocBits(rows);
    } else {
      const need = bitmapBytes(rows);
      if (bits.length < need) {
        throw invalidParameter(`bitmap of ${bits.length} bytes is too short for ${rows} rows`);
      }
      this.bits = bits.length === need ? bits : bits.subarray(0, need);
    }
    const b = this.bits;
    this.words = b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, b.length >>> 2) : null;
  }

  /** Every position set. */
  static full(rows: number): RowBitmap {
    const m = new RowBitmap(rows);
    m.bits.fill(0xff);
    m.clearTail();
    return m;
  }

  /** positions: any order, duplicates allowed, each in [0, rows). */
  static fromPositions(rows: number, positions: ArrayLike<number>): RowBitmap {
    const m = new RowBitmap(rows);
    const b = m.bits;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]!;
      if (!(p >= 0 && p < rows)) throw invalidParameter(`position ${p} out of range for ${rows} rows`);
      b[p >>> 3]! |= 1 << (p & 7);
    }
    return m;
  }

  has(i: number): boolean {
    return i >= 0 && i < this.rows && (this.bits[i >>> 3]! & (1 << (i & 7))) !== 0;
  }

  set(i: number): void {
    this.checkIndex(i);
    this.bits[i >>> 3]! |= 1 << (i & 7);
  }

  clear(i: number): void {
    this.checkIndex(i);
    this.bits[i >>> 3]! &= ~(1 << (i & 7));
  }

  and(o: RowBitmap): RowBitmap {
    return this.clone().andInPlace(o);
  }

  or(o: RowBitmap): RowBitmap {
    return this.clone().orInPlace(o);
  }

  andNot(o: RowBitmap): RowBitmap {
    return this.clone().andNotInPlace(o);
  }

  not(): RowBitmap {
    const r = new RowBitmap(this.rows);
    const rw = r.words!;
    const tw = this.words;
    let from = 0;
    if (tw !== null) {
      for (let w = 0; w < rw.length; w++) rw[w] = ~tw[w]!;
      from = rw.length * 4;
    }
    const rb = r.bits;
    const tb = this.bits;
    for (let i = from; i < rb.length; i++) rb[i] = ~tb[i]! & 0xff;
    r.clearTail();
    return r;
  }

  andInPlace(o: RowBitmap): this {
    this.checkSame(o);
    const tw = this.words;
    const ow = o.words;
    let from = 0;
    if (tw !== null && ow !== null) {
      for (let w = 0; w < tw.length; w++) tw[w]! &= ow[w]!;
      from = tw.length * 4;
    }
    const tb = this.bits;
    const ob = o.bits;
    for (let i = from; i < tb.length; i++) tb[i]! &= ob[i]!;
    return this;
  }

  orInPlace(o: RowBitmap): this {
    this.checkSame(o);
    const tw = this.words;
    const ow = o.words;
    let from = 0;
    if (tw !== null && ow !== null) {
      for (let w = 0; w < tw.length; w++) tw[w]! |= ow[w]!;
      from = tw.length * 4;
    }
    const tb = this.bits;
    const ob = o.bits;
    for (let i = from; i < tb.length; i++) tb[i]! |= ob[i]!;
    // A caller-provided operand may carry stray bits past `rows` in its last byte.
    this.clearTail();
    return this;
  }

  /** this &= ~o. */
  andNotInPlace(o: RowBitmap): this {
    this.checkSame(o);
    const tw = this.words;
    const ow = o.words;
    let from = 0;
    if (tw !== null && ow !== null) {
      for (let w = 0; w < tw.length; w++) tw[w]! &= ~ow[w]!;
      from = tw.length * 4;
    }
    const tb = this.bits;
    const ob = o.bits;
    for (let i = from; i < tb.length; i++) tb[i]! &= ~ob[i]!;
    return this;
  }

  /** True when no position is set (stops at the first set word). */
  isEmpty(): boolean {
    const tw = this.words;
    let from = 0;
    if (tw !== null) {
      for (let w = 0; w < tw.length; w++) if (tw[w] !== 0) return this.count() === 0;
      from = tw.length * 4;
    }
    const tb = this.bits;
    for (let i = from; i < tb.length; i++) if (tb[i] !== 0) return this.count() === 0;
    return true;
  }

  /** Number of set positions (stray bits past `rows` in a caller-provided last byte are ignored). */
  count(): number {
    let n = 0;
    const tw = this.words;
    let from = 0;
    if (tw !== null) {
      for (let w = 0; w < tw.length; w++) {
        const v = tw[w]!;
        if (v !== 0) n += popcount32(v);
      }
      from = tw.length * 4;
    }
    const tb = this.bits;
    for (let i = from; i < tb.length; i++) n += popcount32(tb[i]!);
    if (tb.length > 0) n -= popcount32(tb[tb.length - 1]! & ~this.tailMask() & 0xff);
    return n;
  }

  /** Set positions, ascending (Uint32Array). */
  positions(): Uint32Array {
    // Stray bits past `rows` can only sit in the last byte, i.e. they would come out last:
    // stopping at count() drops them without touching the caller's bytes.
    const n = this.count();
    const out = new Uint32Array(n);
    let k = 0;
    const tw = this.words;
    let from = 0;
    if (tw !== null && isLittleEndian()) {
      for (let w = 0; w < tw.length; w++) {
        let v = tw[w]!;
        const base = w * 32;
        while (v !== 0 && k < n) {
          const t = v & -v;
          out[k++] = base + 31 - Math.clz32(t);
          v ^= t;
        }
      }
      from = tw.length * 4;
    }
    const tb = this.bits;
    for (let i = from; i < tb.length && k < n; i++) {
      let v = tb[i]!;
      const base = i * 8;
      while (v !== 0 && k < n) {
        const t = v & -v;
        out[k++] = base + 31 - Math.clz32(t);
        v ^= t;
      }
    }
    return out;
  }

  clone(): RowBitmap {
    const r = new RowBitmap(this.rows);
    r.bits.set(this.bits);
    return r;
  }

  /** Mask of the valid bits of the last byte. */
  private tailMask(): number {
    const r = this.rows & 7;
    return r === 0 ? 0xff : (1 << r) - 1;
  }

  private clearTail(): void {
    if (this.bits.length > 0) this.bits[this.bits.length - 1]! &= this.tailMask();
  }

  private checkIndex(i: number): void {
    if (!(Number.isInteger(i) && i >= 0 && i < this.rows)) {
      throw invalidParameter(`position ${i} out of range for ${this.rows} rows`);
    }
  }

  private checkSame(o: RowBitmap): void {
    if (o.rows !== this.rows) throw internal(`bitmap row counts differ: ${this.rows} vs ${o.rows}`);
  }
}
