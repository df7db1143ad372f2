// HNSW handles of the addon (native/addon/src/addon_hnsw*.cpp): a hand-written mirror of the
// glue, and the wrapper that turns every rejection or throw into a NativeError (SQLSTATE).
// libs/hnsw is the façade the executor uses; this file is only the typed boundary.
import { toNativeError } from './native-error';
import type { MappedFile } from './storage-native';
import type { ElemType, Metric, TopK } from './types';

/** Graph parameters. m in [2, 100] (default 16), efConstruction in [m, 100000] (default 64). */
export interface HnswNativeParams {
  type: ElemType;
  metric: Metric;
  /** Elements per row (bits for 'bits'). */
  dim: number;
  m?: number;
  efConstruction?: number;
  /** Level-generator seed (an integer <= 2^53 - 1); single-threaded builds are reproducible. */
  seed?: number;
}

/**
 * The rows the graph's node ids refer to (node id = row position), handed over on EVERY call:
 * the graph never copies vectors, and a mutable segment's arena grows between calls.
 *   data: rows back to back (any TypedArray or ArrayBuffer; read in place), or
 *   file: a MappedFile (the call leases the mapping, so closing it meanwhile is safe).
 * Row r starts at byteOffset + r * rowStride (rowStride default: the packed row size).
 */
export type HnswNativeArena =
  | { data: ArrayBuffer | ArrayBufferView; byteOffset?: number; rows: number; rowStride?: number }
  | { file: MappedFile; byteOffset?: number; rows: number; rowStride?: number };

export interface HnswNativeAddOptions {
  /** Insert threads inside the one worker (default: hardware threads). */
  threads?: number;
  /** Shared stop flag polled per inserted node: nonzero -> CANCELLED (57014), index unusable. */
  stop?: Int32Array;
}

export interface HnswNativeSearchOptions {
  /** Beam width (default 40; the effective value is max(ef, k)). */
  ef?: number;
  /**
   * Bitmap over node ids, LSB-first (SegmentReader.visibleBitmap's format): only set bits are
   * returned; the traversal still walks through the others. Nodes past its end are excluded.
   */
  allow?: Uint8Array;
  stop?: Int32Array;
  /**
   * With `allow` only: ACORN-1 two-hop expansion (a failing neighbour gets no distance; its
   * neighbours are scanned for allowed nodes instead, up to 2m per expansion). A walk that runs
   * out of candidates is reseeded from the bitmap, so it never returns short while allowed
   * nodes remain, and costs at most about the allowed count in distances.
   */
  twoHop?: boolean;
  /**
   * With `allow` (not twoHop): give up after this many distances; such a query returns no
   * results and reports distances >= the bound (rank the allowed rows exactly instead).
   */
  maxDistances?: number;
}

/** Caller-allocated search outputs, plus the optional per-query distance counts. */
export type HnswNativeSearchOut = TopK & {
  /** Uint32Array >= nq: distance computations per query (greedy descent + layer 0). */
  distances?: Uint32Array;
};

/** addGroupLinks options (Qdrant's payload_m). */
export interface HnswNativeGroupLinkOptions {
  /** payload_m in [2, 100]: heuristic selection keeps m per insert, a node holds <= 2m per group. */
  m: number;
  /** Beam width of the group inserts, in [m, 100000]; default: the index's efConstruction. */
  efConstruction?: number;
  /** Threads (groups are built in parallel, each on one thread); default: hardware threads. */
  threads?: number;
  /** Shared stop flag polled per node: nonzero -> CANCELLED, links left unchanged. */
  stop?: Int32Array;
}

export interface HnswNativeScanOptions {
  ef?: number;
  allow?: Uint8Array;
  /** Stop after computing this many distances (0 / absent: no bound). */
  maxVisited?: number;
  /** With `allow`: two-hop expansion (no distance for failing nodes; no per-expansion budget). */
  twoHop?: boolean;
}

export interface HnswNativeStats {
  nodes: number;
  /** Top layer; -1 when empty. */
  maxLevel: number;
  entryPoint: number | null;
  /** Serialized size in bytes. */
  bytes: number;
  /** Bytes of the payload-link section (0 without payload links). */
  payloadLinkBytes: number;
  /** payload_m of the last addGroupLinks (0 = none). */
  payloadM: number;
  /** Nodes the last add()'s reachability repair re-attached (0 for an opened graph). */
  repaired: number;
}

/** A resumable scan; results come in relaxed distance order across next() calls. */
export interface HnswNativeScan {
  /** Up to n more results into out (ids: Uint32Array >= n, dists: Float32Array >= n); resolves the count (0 = done). */
  next(arena: HnswNativeArena, n: number, out: { ids: Uint32Array; dists: Float32Array }): Promise<number>;
  close(): void;
  readonly exhausted: boolean;
}

export interface HnswNativeIndex {
  /** Inserts rows [from, to) (from must equal the node count). */
  add(arena: HnswNativeArena, from: number, to: number, options?: HnswNativeAddOptions): Promise<void>;
  /**
   * Payload links among the nodes of each group, kept apart from the graph and read by
   * filtered searches only. positions: Uint32Array, the groups' node ids concatenated (each
   * group strictly ascending, < node count); offsets: Uint32Array groups + 1, group g is
   * positions[offsets[g] .. offsets[g + 1]). Merged with the links of earlier calls.
   */
  addGroupLinks(
    arena: HnswNativeArena,
    positions: Uint32Array,
    offsets: Uint32Array,
    options: HnswNativeGroupLinkOptions,
  ): Promise<void>;
  /**
   * k nearest per query. queries: nq packed rows of the index's type (bytes >= nq * rowBytes).
   * out: ids Uint32Array nq*k, dists Float32Array nq*k (the metric's value, e.g. squared L2;
   * nearest first; 0xFFFFFFFF / +Infinity in unused slots), counts Uint32Array nq.
   */
  search(
    arena: HnswNativeArena,
    queries: ArrayBuffer | ArrayBufferView,
    nq: number,
    k: number,
    options: HnswNativeSearchOptions | undefined,
    out: HnswNativeSearchOut,
  ): Promise<void>;
  /**
   * The same search on the calling (JS) thread, for bounded work only: nq <= 1, k <= 1000 and
   * ef <= 1000 (HNSW_SYNC_MAX_K / HNSW_SYNC_MAX_EF; larger calls throw INVALID_ARGUMENT). An HNSW
   * search is sublinear (about ef * M distance evaluations), so within these bounds it takes
   * well under a millisecond and skips the threadpool round trip of search(). No stop flag:
   * the work is too short to cancel. Throws while an add() is in flight.
   */
  searchSync(
    arena: HnswNativeArena,
    queries: ArrayBuffer | ArrayBufferView,
    nq: number,
    k: number,
    options: Omit<HnswNativeSearchOptions, 'stop'> | undefined,
    out: HnswNativeSearchOut,
  ): void;
  /** Sync, O(1); throws while an add() is in flight. */
  serializedSize(): number;
  /** Writes the flat graph layout into out (>= serializedSize() bytes). */
  serialize(out: Uint8Array): Promise<void>;
  /** Nodes inserted by the running (or last) add(); safe to poll during a build. */
  progress(): number;
  /** Sync, O(1); throws while an add() is in flight. */
  stats(): HnswNativeStats;
  params(): Required<HnswNativeParams>;
  /** Sync: copies the query row and the allow bitmap. */
  scan(query: ArrayBuffer | ArrayBufferView, options?: HnswNativeScanOptions): HnswNativeScan;
  /**
   * Sync: the mean share in [0, 1] of allowed targets among the payload links of up to `sample`
   * allowed nodes (spread over the id range): 1 when the allow set is one linked group.
   * Throws while an add() is in flight.
   */
  payloadLinkShare(allow: Uint8Array, sample: number): number;
}

/** searchSync's bounds (native addon_hnsw.h kHnswSyncMaxK / kHnswSyncMaxEf): nq = 1 and these. */
export const HNSW_SYNC_MAX_K = 1000;
export const HNSW_SYNC_MAX_EF = 1000;

/** The addon's two factories (sync, O(1)). */
export interface HnswNativeFactories {
  hnswCreate(params: HnswNativeParams): HnswNativeIndex;
  /** Opens a serialized graph in place (zero copy) from bytes or a mapped file. */
  hnswOpen(source: ArrayBuffer | ArrayBufferView | MappedFile, byteOffset?: number, byteLength?: number): HnswNativeIndex;
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

function wrapScan(raw: HnswNativeScan): HnswNativeScan {
  return {
    next: (arena, n, out) => settle(() => raw.next(arena, n, out)),
    close: () => raw.close(),
    get exhausted() {
      return raw.exhausted;
    },
  };
}

/** Same handle, with NativeError rejections and throws. */
export function wrapHnswIndex(raw: HnswNativeIndex): HnswNativeIndex {
  return {
    add: (arena, from, to, options) => settle(() => raw.add(arena, from, to, options)),
    addGroupLinks: (arena, positions, offsets, options) =>
      settle(() => raw.addGroupLinks(arena, positions, offsets, options)),
    search: (arena, queries, nq, k, options, out) => settle(() => raw.search(arena, queries, nq, k, options, out)),
    searchSync: (arena, queries, nq, k, options, out) => sync(() => raw.searchSync(arena, queries, nq, k, options, out)),
    serializedSize: () => sync(() => raw.serializedSize()),
    serialize: (out) => settle(() => raw.serialize(out)),
    progress: () => raw.progress(),
    stats: () => sync(() => raw.stats()),
    params: () => raw.params(),
    scan: (query, options) => wrapScan(sync(() => raw.scan(query, options))),
    payloadLinkShare: (allow, sample) => sync(() => raw.payloadLinkShare(allow, sample)),
  };
}

export function wrapHnswFactories(raw: HnswNativeFactories): HnswNativeFactories {
  return {
    hnswCreate: (params) => wrapHnswIndex(sync(() => raw.hnswCreate(params))),
    hnswOpen: (source, byteOffset, byteLength) => wrapHnswIndex(sync(() => raw.hnswOpen(source, byteOffset, byteLength))),
  };
}
