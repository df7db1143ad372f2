// Plain data of the HNSW façade.
import type { ElemType, Metric, NativeCore, VectorArray } from '@vecgres/native-bindings';
import type { VectorArena } from '@vecgres/storage';

/**
 * The rows node ids refer to (node id = row position in the segment). Storage's VectorArena
 * (float32, in memory or memory-mapped), or an in-memory arena of another element type:
 * f16 -> Uint16Array (binary16 bits), bits -> Uint8Array (ceil(dim / 8) bytes per row, MSB
 * first), i8 -> Int8Array, u8 -> Uint8Array. Pass the CURRENT arena on every call: a mutable
 * segment's arena grows (or is reallocated) between calls; the graph never copies vectors.
 */
export type HnswArena = VectorArena | { kind: 'memory'; dim: number; rows: number; data: VectorArray };

export interface HnswParams {
  /** Elements per row (bits for 'bits'). */
  dim: number;
  elem: ElemType;
  metric: Metric;
  /** Links per node on the upper layers (layer 0 has 2m); default 16, range [2, 100]. */
  m?: number;
  /** Build beam width; default 64, range [m, 100000]. */
  efConstruction?: number;
  /** Level-generator seed; single-threaded builds with the same seed are identical. */
  seed?: number;
}

export interface HnswAddOptions {
  /** Insert threads inside the one native worker; default: every hardware thread. */
  threads?: number;
  /** Shared stop flag: nonzero cancels (NativeError CANCELLED, SQLSTATE 57014). */
  stop?: Int32Array;
  /** Called with (rows inserted, rows to insert) while the build runs and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Progress polling period; default 100 ms. */
  progressIntervalMs?: number;
}

export interface HnswBuildOptions extends HnswParams, HnswAddOptions {
  /** The native core to use; default: loadNativeCore(). */
  core?: NativeCore;
}

export interface HnswSearchOptions {
  /** Beam width (hnsw.ef_search); default 40; the effective value is max(ef, k). */
  ef?: number;
  /**
   * Bitmap over node ids (Uint8Array, LSB-first, ceil(nodes / 8) bytes: the format of
   * SegmentReader.visibleBitmap): visibility AND deletions AND filter. Only set bits are
   * returned; the traversal still passes through the others. Nodes past its end are excluded.
   */
  allow?: Uint8Array;
  stop?: Int32Array;
}

export interface HnswScanOptions {
  ef?: number;
  allow?: Uint8Array;
  /** Bound on distance computations (hnsw.max_scan_tuples); default none. */
  maxVisited?: number;
}

export interface HnswStats {
  nodes: number;
  /** Number of layers (max level + 1; 0 when empty). */
  levels: number;
  /** Serialized graph size in bytes (the vectors are not part of it). */
  bytes: number;
}

/** One batch of a resumable scan: ids (node ids) and dists, nearest first within the batch. */
export interface HnswScanBatch {
  ids: Uint32Array;
  dists: Float32Array;
}

export interface HnswScan {
  /** The next up to n results; an empty batch means the scan is exhausted. */
  next(n: number): Promise<HnswScanBatch>;
  close(): void;
}
