// The vectors of an index that owns them (halfvec / bit columns, expression keys such as
// `(emb::halfvec(3))`, `(binary_quantize(emb)::bit(3))`, `(subvector(emb, 1, 3)::vector(3))`):
// the key evaluated for every row of a sealed segment into an arena of the index's element
// type, persisted with the graph in the segment file `ann.<oid>` (ann-owned-index.ts).
//
// Only rows with a key are nodes (pgvector does not index NULLs; a key of another dimension is
// not indexed either): node j is segment row `positions[j]`. (Placeholder zero vectors for
// NULL rows would also break the native f16 l2 search: measured, see the report.)
//
// File layout (little-endian): magic "AVEC", u32 version 2, u32 elem code (0 f32, 1 f16,
// 2 bits), u32 dim, u32 nodes, u32 segment rows, positions u32 * nodes, zero padding to a
// multiple of 8, then nodes * rowBytes of packed rows (the arena section of `ann.<oid>`).
import { BitString, floatToHalfBits } from '@vecgres/pg-types';

export type OwnedElem = 'f32' | 'f16' | 'bits';

/** Rows packed as the native HNSW expects: f32 Float32Array, f16 Uint16Array (binary16 bits), bits Uint8Array (MSB first). */
export type OwnedArray = Float32Array | Uint16Array | Uint8Array;

export interface OwnedArena {
  elem: OwnedElem;
  /** Elements per row (bits for 'bits'). */
  dim: number;
  /** Nodes (rows with a key). */
  rows: number;
  /** rows * rowElements(elem, dim) elements. */
  data: OwnedArray;
  /** Uint32Array, one per node: its segment row position (ascending). */
  positions: Uint32Array;
  /** Rows of the segment. */
  segmentRows: number;
}

const MAGIC = 0x43455641; // "AVEC"
const ELEM_CODE: Readonly<Record<OwnedElem, number>> = { f32: 0, f16: 1, bits: 2 };
const CODE_ELEM: readonly OwnedElem[] = ['f32', 'f16', 'bits'];

export function rowElements(elem: OwnedElem, dim: number): number {
  return elem === 'bits' ? Math.ceil(dim / 8) : dim;
}

function allocate(elem: OwnedElem, n: number): OwnedArray {
  return elem === 'f32' ? new Float32Array(n) : elem === 'f16' ? new Uint16Array(n) : new Uint8Array(n);
}

/** The dimension of a key value (elements or bits), or undefined when it is no vector of `elem`. */
export function valueDim(v: unknown, elem: OwnedElem): number | undefined {
  if (elem === 'bits') return v instanceof BitString ? v.length : undefined;
  return v instanceof Float32Array ? v.length : undefined;
}

/**
 * Writes key value `v` (Float32Array for vector / halfvec, BitString for bit) as row `row` of
 * `out`; false when it is NULL or not `dim` long (the row is then not indexed).
 */
export function packValue(v: unknown, elem: OwnedElem, dim: number, out: OwnedArray, row: number): boolean {
  if (valueDim(v, elem) !== dim) return false;
  const n = rowElements(elem, dim);
  const at = row * n;
  if (elem === 'bits') out.set((v as BitString).bytes.subarray(0, n), at);
  else if (elem === 'f32') out.set(v as Float32Array, at);
  else {
    const f = v as Float32Array;
    for (let i = 0; i < n; i++) out[at + i] = floatToHalfBits(f[i]);
  }
  return true;
}

/** One packed row of `v` (the query side), or undefined when it does not fit the index. */
export function packQuery(v: unknown, elem: OwnedElem, dim: number): OwnedArray | undefined {
  const out = allocate(elem, rowElements(elem, dim));
  return packValue(v, elem, dim, out, 0) ? out : undefined;
}

/**
 * Builds the arena from the key values of rows 0 .. rows - 1 (`values(i)`: the key of row i).
 * dim < 0: taken from the first non-NULL value. Undefined when no row has a value.
 */
export async function collectArena(elem: OwnedElem, dim: number, rows: number, values: (i: number) => Promise<unknown>): Promise<OwnedArena | undefined> {
  const keys: unknown[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    keys[i] = await values(i);
    if (dim < 0 && keys[i] !== null) dim = valueDim(keys[i], elem) ?? -1;
  }
  if (dim <= 0) return undefined;
  const positions: number[] = [];
  for (let i = 0; i < rows; i++) if (valueDim(keys[i], elem) === dim) positions.push(i);
  if (positions.length === 0) return undefined;
  const data = allocate(elem, positions.length * rowElements(elem, dim));
  positions.forEach((p, j) => packValue(keys[p], elem, dim, data, j));
  return { elem, dim, rows: positions.length, data, positions: Uint32Array.from(positions), segmentRows: rows };
}

/**
 * Segment-row bitmap `candidates` (LSB-first) -> the node bitmap of `a` (ceil(nodes / 8)
 * bytes) and its population count.
 */
export function nodeAllowBitmap(a: OwnedArena, candidates: Uint8Array): { bits: Uint8Array; count: number } {
  const bits = new Uint8Array((a.rows + 7) >>> 3);
  let count = 0;
  for (let j = 0; j < a.rows; j++) {
    const p = a.positions[j];
    if ((candidates[p >>> 3] & (1 << (p & 7))) !== 0) {
      bits[j >>> 3] |= 1 << (j & 7);
      count++;
    }
  }
  return { bits, count };
}

export function encodeArena(a: OwnedArena): Uint8Array {
  const head = 24 + 4 * a.rows;
  const start = (head + 7) & ~7;
  const body = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const out = new Uint8Array(start + body.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, ELEM_CODE[a.elem], true);
  dv.setUint32(12, a.dim, true);
  dv.setUint32(16, a.rows, true);
  dv.setUint32(20, a.segmentRows, true);
  for (let j = 0; j < a.rows; j++) dv.setUint32(24 + 4 * j, a.positions[j], true);
  out.set(body, start);
  return out;
}

/** Reads an `annvec` file (copied into aligned arrays: the file's bytes may sit at any offset). */
export function decodeArena(bytes: Uint8Array): OwnedArena {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 24 || dv.getUint32(0, true) !== MAGIC || dv.getUint32(4, true) !== 2) {
    throw new Error('annvec file: bad header');
  }
  const elem = CODE_ELEM[dv.getUint32(8, true)];
  const dim = dv.getUint32(12, true);
  const rows = dv.getUint32(16, true);
  const segmentRows = dv.getUint32(20, true);
  if (!elem) throw new Error('annvec file: unknown element type');
  const start = (24 + 4 * rows + 7) & ~7;
  if (bytes.byteLength < start) throw new Error('annvec file: truncated');
  const positions = new Uint32Array(rows);
  for (let j = 0; j < rows; j++) positions[j] = dv.getUint32(24 + 4 * j, true);
  const data = allocate(elem, rows * rowElements(elem, dim));
  const body = new Uint8Array(data.buffer);
  if (bytes.byteLength < start + body.length) throw new Error('annvec file: truncated');
  body.set(bytes.subarray(start, start + body.length));
  return { elem, dim, rows, data, positions, segmentRows };
}
