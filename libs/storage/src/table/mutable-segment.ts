// The one in-memory segment per table that receives inserts. It is rebuilt from the WAL at
// recovery and sealed into an immutable on-disk segment when it reaches the row threshold.
// Arrays grow by doubling; a reader that captured an older array still sees correct rows
// below its count (rows never move), and reads xmax through the live array.
import { invalidStorageArgument } from '../errors';
import type { VectorColumnDef } from './table-def';
import { type SegmentReader, type VectorArena, bitmapBytes, getBit, setBit } from './segment-reader';
import { isVisible } from './table-def';

interface VectorColumnStore {
  def: VectorColumnDef;
  data: Float32Array; // capacity * dim
  valid: Uint8Array; // capacity bits
}

export class MutableSegment implements SegmentReader {
  readonly sealed = false;
  private count = 0;
  private capacity = 0;
  private rowIds = new Uint32Array(0);
  private xmins = new Float64Array(0);
  private xmaxs = new Float64Array(0);
  private payloads: Uint8Array[] = [];
  private payloadBytes = 0;
  private readonly cols = new Map<string, VectorColumnStore>();
  private readonly positions = new Map<number, number>();

  constructor(
    readonly id: string,
    vectorColumns: VectorColumnDef[],
  ) {
    for (const def of vectorColumns) this.cols.set(def.name, { def, data: new Float32Array(0), valid: new Uint8Array(0) });
  }

  rowCount(): number {
    return this.count;
  }
  rowId(i: number): number {
    return this.rowIds[i];
  }
  xmin(i: number): number {
    return this.xmins[i];
  }
  xmax(i: number): number {
    return this.xmaxs[i];
  }
  payload(i: number): Uint8Array {
    return this.payloads[i];
  }
  payloadsAt(positions: ArrayLike<number>): Uint8Array[] {
    return Array.from(positions, (i) => this.payloads[i]);
  }
  findRow(rowId: number): number {
    return this.positions.get(rowId) ?? -1;
  }

  vector(col: string, i: number): Float32Array | null {
    const c = this.column(col);
    if (!getBit(c.valid, i)) return null;
    return c.data.slice(i * c.def.dim, (i + 1) * c.def.dim);
  }
  vectorValidity(col: string): Uint8Array {
    return this.column(col).valid.slice(0, bitmapBytes(this.count));
  }
  vectorArena(col: string): VectorArena {
    const c = this.column(col);
    return { kind: 'memory', dim: c.def.dim, rows: this.count, data: c.data.subarray(0, this.count * c.def.dim) };
  }

  visibleBitmap(snapshot: number): Uint8Array {
    const bits = new Uint8Array(bitmapBytes(this.count));
    for (let i = 0; i < this.count; i++) if (isVisible(this.xmins[i], this.xmaxs[i], snapshot)) setBit(bits, i);
    return bits;
  }

  allAdmitted(snapshot: number, col: string): boolean {
    const valid = this.column(col).valid;
    for (let i = 0; i < this.count; i++) if (!isVisible(this.xmins[i], this.xmaxs[i], snapshot) || !getBit(valid, i)) return false;
    return true;
  }

  /** Appends a row version; `vectors` is in the table's vector column order. */
  append(rowId: number, xmin: number, payload: Uint8Array, vectors: (Float32Array | null)[]): number {
    if (this.count === this.capacity) this.grow();
    const i = this.count;
    let k = 0;
    for (const c of this.cols.values()) {
      const v = vectors[k++] ?? null;
      if (v === null) continue;
      if (v.length !== c.def.dim) {
        throw invalidStorageArgument(`expected ${c.def.dim} dimensions, not ${v.length}`, { column: c.def.name });
      }
      c.data.set(v, i * c.def.dim);
      setBit(c.valid, i);
    }
    this.rowIds[i] = rowId;
    this.xmins[i] = xmin;
    this.xmaxs[i] = 0;
    this.payloads.push(payload);
    this.payloadBytes += payload.byteLength;
    this.positions.set(rowId, i);
    this.count++;
    return i;
  }

  setXmax(i: number, seq: number): void {
    this.xmaxs[i] = seq;
  }

  /**
   * Drops the rows from position `count` on (recovery discarding a large transaction whose
   * Commit record never made it to the WAL; they were the last rows appended).
   */
  truncate(count: number): void {
    for (let i = count; i < this.count; i++) {
      this.positions.delete(this.rowIds[i]);
      this.payloadBytes -= this.payloads[i].byteLength;
      for (const c of this.cols.values()) {
        c.valid[i >>> 3] &= ~(1 << (i & 7));
        c.data.fill(0, i * c.def.dim, (i + 1) * c.def.dim);
      }
    }
    if (count < this.count) {
      this.payloads.length = count;
      this.count = count;
    }
  }

  /** Bytes held in memory (arrays at capacity, payloads, the id map at ~40 bytes an entry). */
  memoryBytes(): number {
    let n = this.capacity * (4 + 8 + 8) + this.payloadBytes + this.positions.size * 40;
    for (const c of this.cols.values()) n += c.data.byteLength + c.valid.byteLength;
    return n;
  }

  /** A new vector column: NULL for every row already here (ALTER TABLE ADD COLUMN). */
  addColumn(def: VectorColumnDef): void {
    if (this.cols.has(def.name)) throw invalidStorageArgument(`vector column "${def.name}" already exists`);
    this.cols.set(def.name, { def, data: new Float32Array(this.capacity * def.dim), valid: new Uint8Array(bitmapBytes(this.capacity)) });
  }

  /** Undoes addColumn (recovery discarding the transaction that added it). */
  removeColumn(name: string): void {
    this.cols.delete(name);
  }

  vectorColumns(): VectorColumnDef[] {
    return [...this.cols.values()].map((c) => c.def);
  }

  private column(col: string): VectorColumnStore {
    const c = this.cols.get(col);
    if (!c) throw invalidStorageArgument(`"${col}" is not a vector column of this table`);
    return c;
  }

  private grow(): void {
    const cap = Math.max(64, this.capacity * 2);
    const copy = <T extends Uint32Array | Float64Array | Float32Array | Uint8Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.rowIds = copy(this.rowIds, cap);
    this.xmins = copy(this.xmins, cap);
    this.xmaxs = copy(this.xmaxs, cap);
    for (const c of this.cols.values()) {
      c.data = copy(c.data, cap * c.def.dim);
      c.valid = copy(c.valid, bitmapBytes(cap));
    }
    this.capacity = cap;
  }
}
