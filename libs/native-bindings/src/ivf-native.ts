// IVFFlat handles of the addon (native/addon/src/addon_ivf*.cpp): a hand-written mirror of the
// glue, and the wrapper that turns every rejection or throw into a NativeError (SQLSTATE).
// libs/ivfflat is the façade the executor uses; this file is only the typed boundary.
import type { HnswNativeArena } from './hnsw-native';
import { toNativeError } from './native-error';
import type { TopK } from './types';
import type { MappedFile } from './storage-native';

/** IVF metrics: the scan metrics that have a centroid (no bit metrics). */
export type IvfMetric = 'l2sq' | 'negdot' | 'cosine' | 'l1';

export interface IvfNativeParams {
  /** f32 rows only (for now). */
  type: 'f32';
  metric: IvfMetric;
  dim: number;
  /** k-means centroids, [1, 32768] (pgvector's range). */
  lists: number;
  /** Sampling / k-means++ seed; training is deterministic for a given seed. */
  seed?: number;
  /** Lloyd iterations after k-means++ (default 10, at most 1000). */
  iterations?: number;
}

/** The same arena object as HNSW: rows back to back, or a mapped file range. */
export type IvfNativeArena = HnswNativeArena;

export interface IvfNativeWriteOptions {
  /** Threads inside the one worker (default: hardware threads). */
  threads?: number;
  /** Shared stop flag: nonzero -> CANCELLED (57014). */
  stop?: Int32Array;
}

export interface IvfNativeSearchOptions {
  /** Lists scanned per query (ivfflat.probes); default 1, clamped to lists. */
  probes?: number;
  /** Bitmap over row ids, LSB-first: only set bits are returned. Rows past its end are excluded. */
  allow?: Uint8Array;
  stop?: Int32Array;
}

export interface IvfNativeStats {
  lists: number;
  rows: number;
  trained: boolean;
  largestList: number;
  /** Serialized size in bytes (centroids + lists; the vectors are not part of it). */
  bytes: number;
}

export interface IvfNativeIndex {
  /** k-means on a sample of the arena's rows (min(rows, lists * 50)); once, before add. */
  train(arena: IvfNativeArena, options?: IvfNativeWriteOptions): Promise<void>;
  /** Assigns rows [from, to) to their nearest lists (from must equal the row count). */
  add(arena: IvfNativeArena, from: number, to: number, options?: IvfNativeWriteOptions): Promise<void>;
  /**
   * k nearest per query among the rows of the `probes` nearest lists.
   * queries: Float32Array, nq * dim. out: ids Uint32Array nq*k, dists Float32Array nq*k
   * (nearest first; 0xFFFFFFFF / +Infinity in unused slots), counts Uint32Array nq.
   */
  search(
    arena: IvfNativeArena,
    queries: Float32Array,
    nq: number,
    k: number,
    options: IvfNativeSearchOptions | undefined,
    out: TopK,
  ): Promise<void>;
  /** Sync, O(1); throws while train()/add() is in flight. */
  serializedSize(): number;
  serialize(out: Uint8Array): Promise<void>;
  progress(): number;
  stats(): IvfNativeStats;
  params(): Required<IvfNativeParams>;
}

export interface IvfNativeFactories {
  ivfCreate(params: IvfNativeParams): IvfNativeIndex;
  /** Opens a serialized index in place (zero copy) from bytes or a mapped file. */
  ivfOpen(source: ArrayBuffer | ArrayBufferView | MappedFile, byteOffset?: number, byteLength?: number): IvfNativeIndex;
}

async function settle<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toNativeError(error);
  }
}

function sync<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw toNativeError(error);
  }
}

/** Same handle, with NativeError rejections and throws. */
export function wrapIvfIndex(raw: IvfNativeIndex): IvfNativeIndex {
  return {
    train: (arena, options) => settle(() => raw.train(arena, options)),
    add: (arena, from, to, options) => settle(() => raw.add(arena, from, to, options)),
    search: (arena, queries, nq, k, options, out) => settle(() => raw.search(arena, queries, nq, k, options, out)),
    serializedSize: () => sync(() => raw.serializedSize()),
    serialize: (out) => settle(() => raw.serialize(out)),
    progress: () => raw.progress(),
    stats: () => sync(() => raw.stats()),
    params: () => raw.params(),
  };
}

export function wrapIvfFactories(raw: IvfNativeFactories): IvfNativeFactories {
  return {
    ivfCreate: (params) => wrapIvfIndex(sync(() => raw.ivfCreate(params))),
    ivfOpen: (source, byteOffset, byteLength) => wrapIvfIndex(sync(() => raw.ivfOpen(source, byteOffset, byteLength))),
  };
}
