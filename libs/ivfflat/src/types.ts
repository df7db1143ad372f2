// Plain data of the IVFFlat façade.
import type { IvfMetric, NativeCore } from '@vecgres/native-bindings';
import type { VectorArena } from '@vecgres/storage';

/**
 * The rows list ids refer to (id = row position in the segment): storage's VectorArena
 * (float32, in memory or memory-mapped). Pass the CURRENT arena on every call; the index never
 * copies vectors.
 */
export type IvfArena = VectorArena;

export interface IvfParams {
  dim: number;
  /** l2sq (vector_l2_ops), negdot (vector_ip_ops), cosine (vector_cosine_ops), l1. */
  metric: IvfMetric;
  /** Number of k-means lists; pgvector's default 100, range [1, 32768]. */
  lists?: number;
  /** Sampling / k-means++ seed; the same seed and rows give the same index. */
  seed?: number;
  /** Lloyd iterations after k-means++; default 10. */
  iterations?: number;
}

export interface IvfBuildOptions extends IvfParams {
  /** Threads inside the native worker; default: every hardware thread. */
  threads?: number;
  /** Shared stop flag: nonzero cancels (NativeError CANCELLED, SQLSTATE 57014). */
  stop?: Int32Array;
  core?: NativeCore;
}

export interface IvfSearchOptions {
  /** Lists scanned per query (ivfflat.probes); default 1. probes = lists is an exact search. */
  probes?: number;
  /** Bitmap over row ids (Uint8Array, LSB-first, ceil(rows / 8) bytes): only set bits are returned. */
  allow?: Uint8Array;
  stop?: Int32Array;
}

export interface IvfStats {
  lists: number;
  rows: number;
  largestList: number;
  /** Serialized size (centroids + lists, not the vectors). */
  bytes: number;
}
