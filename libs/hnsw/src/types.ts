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
  /**
   * With `allow` only: ACORN-1 two-hop expansion for selective filters. A neighbour that fails
   * the filter gets no distance; its own neighbours are scanned for allowed nodes instead (up
   * to 2m scored per expansion), so the walk moves through the filter's subgraph at a cost of
   * about ef * 2m distances whatever the selectivity. A walk that runs out of candidates is
   * reseeded with unvisited allowed rows of the bitmap (in id order), so it never returns short
   * while allowed rows remain and never costs more distances than about the allowed count
   * plus the 2-hop reads. See the measurements in the NAT report
   * (issue #7) for when it pays: low selectivity; at high selectivity the plain walk is as good.
   */
  twoHop?: boolean;
  /**
   * With `allow` (not twoHop): give up after this many distance computations. A query that
   * gives up returns no results and reports distances >= the bound: when the allowed rows lie
   * far from the query the walk crosses most of the graph, and ranking the allowed rows exactly
   * is cheaper (the caller does that).
   */
  maxDistances?: number;
  /**
   * Out: filled with the distance computations per query (Uint32Array, length >= nq), e.g. for
   * EXPLAIN ANALYZE. Counts the greedy descent and the layer-0 walk.
   */
  distances?: Uint32Array;
}

/**
 * Groups of nodes to link among themselves (payload links, Qdrant's payload_m): e.g. one group
 * per value of an indexed column, holding the segment positions of the rows with that value.
 *   positions: Uint32Array, the groups' node ids concatenated; each group strictly ascending
 *   offsets:   Uint32Array, groups + 1 entries; group g = positions[offsets[g] .. offsets[g + 1])
 * Groups may overlap (several columns). Recommended choice (Qdrant's build.rs): link a group
 * when fullScanRows / 4 < size <= nodes / m * 4; smaller groups are searched exactly by the
 * planner anyway, larger ones are already connected in the main graph (percolation).
 */
export interface HnswGroups {
  positions: Uint32Array;
  offsets: Uint32Array;
}

export interface HnswGroupLinkOptions {
  /** payload_m in [2, 100]: m links chosen per insert, a node keeps <= 2m per group. */
  m: number;
  /** Beam width of the group inserts, in [m, 100000]; default: the index's efConstruction. */
  efConstruction?: number;
  /** Threads (one group per thread at a time); default: every hardware thread. */
  threads?: number;
  /** Shared stop flag: nonzero cancels (CANCELLED); the links are then left unchanged. */
  stop?: Int32Array;
}

export interface HnswScanOptions {
  ef?: number;
  allow?: Uint8Array;
  /** Bound on distance computations (hnsw.max_scan_tuples); default none. */
  maxVisited?: number;
  /**
   * With `allow`: the two-hop expansion of HnswSearchOptions.twoHop (failing rows get no
   * distance, so maxVisited counts allowed rows, plus the entry). Payload links are followed
   * whenever `allow` is given. Run to the end, the scan still returns every allowed row once.
   */
  twoHop?: boolean;
}

export interface HnswStats {
  nodes: number;
  /** Number of layers (max level + 1; 0 when empty). */
  levels: number;
  /** Serialized graph size in bytes (the vectors are not part of it), payload links included. */
  bytes: number;
  /** Bytes of the payload-link section (0 without payload links). */
  payloadLinkBytes: number;
  /** payload_m of the last addGroupLinks (0 = none). */
  payloadM: number;
  /**
   * Nodes that were unreachable from the entry point after the last add()'s inserts (their
   * in-links were all pruned) and that its repair re-attached; 0 for an opened graph.
   */
  repaired: number;
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
