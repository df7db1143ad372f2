// What readers (scans, index builders, the executor) see of a segment, mutable or sealed.
// Row positions i are 0 .. rowCount-1 inside the segment; rowIds map them to table row ids.
import type { MappedFile } from '@vecgres/native-bindings';

/**
 * Where a vector column's float32 rows live, for native scans:
 *  - memory: `data` is a Float32Array of rows * dim (row-major), JS-owned;
 *  - mapped: the rows start at `byteOffset` (64-byte aligned) in a read-only mapped file;
 *  - dim 0 (memory, no data): a sealed segment written before the column was added (ALTER
 *    TABLE ADD COLUMN); every row is NULL there (its validity is empty).
 */
export type VectorArena =
  | { kind: 'memory'; dim: number; rows: number; data: Float32Array }
  | { kind: 'mapped'; dim: number; rows: number; file: MappedFile; byteOffset: number };

export interface SegmentReader {
  readonly id: string;
  readonly sealed: boolean;
  /** Rows physically present (any version state). */
  rowCount(): number;
  rowId(i: number): number;
  xmin(i: number): number;
  /** Commit sequence that deleted row i, 0 if live. Read live: it changes after sealing. */
  xmax(i: number): number;
  payload(i: number): Uint8Array;
  /**
   * The payloads of rows `positions` (any order, repeats allowed), read together: a sealed
   * segment copies them out of its mapping in one native call (a query's result rows).
   */
  payloadsAt(positions: ArrayLike<number>): Uint8Array[];
  /** A copy of row i's vector in column `col`, or null when the value is NULL. */
  vector(col: string, i: number): Float32Array | null;
  /** Validity of vector column `col` per row: bit i (LSB-first) set when row i is non-NULL. */
  vectorValidity(col: string): Uint8Array;
  vectorArena(col: string): VectorArena;
  /** Position of `rowId` in this segment, or -1. */
  findRow(rowId: number): number;
  /**
   * Bitmap (LSB-first, ceil(rowCount/8) bytes) of rows visible at `snapshot`: what the
   * executor ANDs with a filter bitset before a native search over this segment.
   */
  visibleBitmap(snapshot: number): Uint8Array;
  /**
   * Whether every row is visible at `snapshot` and non-NULL in vector column `col`: an
   * unfiltered index search then needs no allow bitmap (and no copy of one).
   */
  allAdmitted(snapshot: number, col: string): boolean;
}

export function bitmapBytes(rows: number): number {
  return (rows + 7) >>> 3;
}

export function getBit(bits: Uint8Array, i: number): boolean {
  return (bits[i >>> 3] & (1 << (i & 7))) !== 0;
}

export function setBit(bits: Uint8Array, i: number): void {
  bits[i >>> 3] |= 1 << (i & 7);
}

export function countBits(bits: Uint8Array, rows: number): number {
  let n = 0;
  for (let i = 0; i < rows; i++) if (getBit(bits, i)) n++;
  return n;
}

/** Whether bits 0..rows-1 of `bits` (Uint8Array, LSB-first) are all set. */
export function allBitsSet(bits: Uint8Array, rows: number): boolean {
  const full = rows >>> 3;
  if (bits.length < full + ((rows & 7) !== 0 ? 1 : 0)) return false;
  let i = 0;
  if ((bits.byteOffset & 3) === 0 && full >= 4) {
    const words = new Uint32Array(bits.buffer, bits.byteOffset, full >>> 2);
    for (let w = 0; w < words.length; w++) if (words[w] !== 0xffffffff) return false;
    i = words.length << 2;
  }
  for (; i < full; i++) if (bits[i] !== 0xff) return false;
  if ((rows & 7) !== 0) {
    const mask = (1 << (rows & 7)) - 1;
    if ((bits[full] & mask) !== mask) return false;
  }
  return true;
}
