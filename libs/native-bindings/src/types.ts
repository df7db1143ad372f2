// Plain data types shared by the NativeCore interface and its callers.
import type { MappedFile } from './storage-native';

/** A SIMD kernel level; the core picks one per process at load (see NativeCore.simdLevel). */
export type SimdLevel = 'scalar' | 'avx2' | 'avx512' | 'neon';

/**
 * Element type of the rows of a scan. Each maps to one TypedArray:
 *   f32 -> Float32Array; f16 -> Uint16Array (IEEE binary16 bit patterns, pgvector halfvec);
 *   i8 -> Int8Array; u8 -> Uint8Array; bits -> Uint8Array (ceil(dim / 8) bytes per row,
 *   MSB-first within each byte, as pgvector's bit type).
 */
export type ElemType = 'f32' | 'f16' | 'i8' | 'u8' | 'bits';

/**
 * The value a scan ranks by; smaller is nearer for every metric.
 *   l2sq: squared Euclidean; negdot: -dot (pgvector `<#>`); cosine: 1 - cos (pgvector `<=>`,
 *   NaN for a zero vector); l1: taxicab; hamming / jaccard: bit distances (type 'bits' only).
 * i8/u8 rows support l2sq and negdot (exact integers).
 */
export type Metric = 'l2sq' | 'negdot' | 'cosine' | 'l1' | 'hamming' | 'jaccard';

export type VectorArray = Float32Array | Uint16Array | Int8Array | Uint8Array;

/**
 * Rows inside a read-only memory-mapped file (storage's sealed vector files): they start
 * `byteOffset` bytes into `file` (storage aligns them to 64 bytes). The scan takes its own lease
 * on the mapping, so closing the file during the scan is safe.
 */
export interface MappedArena {
  file: MappedFile;
  byteOffset: number;
}

/**
 * One batched scan: nq queries against the rows of one arena, in one native call.
 * The native side reads `queries`, `arena` and `ids` in place (zero copy); do not modify or
 * transfer them until the returned promise settles.
 */
export interface ScanSpec {
  type: ElemType;
  metric: Metric;
  /** Elements per row (bits for 'bits'). */
  dim: number;
  /** nq packed rows of `type`'s TypedArray: length >= nq * dim (bits: nq * ceil(dim / 8)). */
  queries: VectorArray;
  /** Number of queries; default 1. */
  nq?: number;
  /**
   * nRows rows: `type`'s TypedArray, an ArrayBuffer of raw rows, or a MappedArena (rows read in
   * place from a memory-mapped file). Byte length >= (nRows - 1) * rowStride + rowBytes.
   */
  arena: VectorArray | ArrayBuffer | MappedArena;
  nRows: number;
  /** Bytes between row starts (>= the packed row size); default packed. */
  rowStride?: number;
  /** Scan only these row ids (each < nRows), in this order; results refer to row ids. */
  ids?: Uint32Array;
  /** Shared stop flag (length >= 1), polled during the scan: nonzero -> rejects CANCELLED (57014). */
  stop?: Int32Array;
}

/**
 * Top-k results, struct of arrays with k slots per query (query q owns [q*k, q*k + k)).
 *   ids: Uint32Array, length nq*k (row ids; 0xFFFFFFFF in unused slots)
 *   dists: Float32Array, length nq*k (nearest first; +Infinity in unused slots)
 *   counts: Uint32Array, length nq (filled slots per query: min(k, rows scanned))
 */
export interface TopK {
  ids: Uint32Array;
  dists: Float32Array;
  counts: Uint32Array;
}
