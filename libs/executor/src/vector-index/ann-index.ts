// The one lifecycle both vector access methods share (hnsw, ivfflat): an "ANN index" per sealed
// segment, built over the segment's vector arena, persisted as the segment file `ann.<index
// oid>` and opened from it; searched with an allow bitmap. An adapter per access method
// (hnsw-adapter.ts, ivfflat-adapter.ts) implements it over libs/hnsw / libs/ivfflat.
//
//   CREATE INDEX ──▶ seal ──▶ per sealed segment: adapter.build(arena) ──▶ serialize ──▶
//                              engine.addSegmentFiles(t, seg, {ann.<oid>: bytes})   (atomic)
//   query ──▶ manager.segmentIndex(seg) ──▶ cached | adapter.open(readSegmentFile) | none yet
//             (none: the segment is searched exactly while a background build runs)
import type { StorageEngine, VectorArena } from '@vecgres/storage';
import type { PayloadIndexRef } from '@vecgres/planner';
import type { AnnOwnedSource } from './ann-owned-index';

export type AnnAm = 'hnsw' | 'ivfflat';

/** Native metrics the vector opclasses build with (l2sq for <->, negdot for <#>, ...). */
export type AnnMetric = 'l2sq' | 'negdot' | 'cosine' | 'l1';

/** What an index of one table column is built with (from the catalog's index row). */
export interface AnnIndexSpec {
  /** pg_class OID of the index. */
  oid: number;
  am: AnnAm;
  /** Storage vector column name (the attnum as text). */
  column: string;
  dim: number;
  metric: AnnMetric;
  /** hnsw: m, ef_construction; ivfflat: lists (pgvector's defaults when absent). */
  m: number;
  efConstruction: number;
  lists: number;
  /** hnsw payload_m (beyond pgvector): links among rows sharing a payload value; 0 = none. */
  payloadM?: number;
  /** The table's payload indexes (payload_m > 0): their values group the payload links. */
  payloadRefs?: readonly PayloadIndexRef[];
  /** An index owning its vectors (halfvec / bit / expression key): built from `owned.load`. */
  owned?: AnnOwnedSource;
}

/** The session's pgvector search parameters (GUCs) at the time of the query. */
export interface AnnSearchSettings {
  efSearch: number;
  /** vecgres.full_scan_threshold (kB of vectors): a filtered segment below it is searched exactly. */
  fullScanThresholdKb?: number;
  /**
   * vecgres.two_hop_selectivity: filtered HNSW searches at or below it use two-hop expansion
   * (0: never; default DEFAULT_TWO_HOP_SELECTIVITY).
   */
  twoHopSelectivity?: number;
  iterativeScan: 'off' | 'relaxed_order' | 'strict_order';
  maxScanTuples: number;
  probes: number;
  ivfIterativeScan: 'off' | 'relaxed_order';
  maxProbes: number;
}

/**
 * Two-hop expansion is opt-in (as Qdrant's ACORN): it needs 15-70x fewer distances than the
 * plain filtered search below ~5 % selectivity, but at small ef_search its recall falls below
 * the unfiltered recall (uncorrelated 5 % tenants at ef 40: 0.945 against 1.0; correlated
 * 10 % labels: 0.82-0.90), which the plain search keeps. Segments that small are searched
 * exactly at the default full-scan threshold anyway; set it for very large segments.
 */
export const DEFAULT_TWO_HOP_SELECTIVITY = 0;

/**
 * A filtered hnsw search whose allowed rows form a payload-link group (at least this share of
 * the sampled allowed rows' payload links stay inside the set: HnswIndex.payloadLinkShare; 1
 * for a group, ~the selectivity for a set the groups do not follow, 1/2 for a group of one of
 * two payload-indexed columns; and at least twice the selectivity, which a set the groups do
 * not follow keeps)
 * walks the group's own subgraph with two-hop expansion and twice the ef_search beam instead
 * of the plain filtered walk. The plain walk scores every node it passes and stops only at ef
 * allowed results: for a group far from the query (fashion-mnist, another class's 10 %) it
 * crosses most of the graph (13k distances, ~9 ms in-process). Two-hop over the payload links
 * scores allowed rows only; measured there, payload_m 16, recall@10 of two-hop at 2 * ef
 * against the unfiltered search at ef: 0.959 / 0.985 / 0.995 / 0.999 vs 0.924 / 0.976 / 0.992
 * / 0.998 at ef 10 / 20 / 40 / 80, with 330-960 distances (0.17-0.72 ms). Without payload links
 * the same two-hop walk reached only 0.83-0.92: the links are what keep the group connected.
 */
export const LINKED_GROUP_SHARE = 0.5;

export const DEFAULT_SEARCH_SETTINGS: AnnSearchSettings = {
  efSearch: 40, iterativeScan: 'off', maxScanTuples: 20000, probes: 1, ivfIterativeScan: 'off', maxProbes: 32768,
};

/**
 * A statement's cancel flag for a native search: `stop` (Int32Array, nonzero = cancel) is
 * armed on first read, so a search that finishes synchronously (a bounded HNSW search)
 * never reads it and the statement adds no abort listener for it.
 */
export interface StopFlag {
  readonly stop: Int32Array;
}

export interface AnnSearchRequest {
  arena: VectorArena;
  /** Float32Array, dim elements. */
  query: Float32Array;
  /** Rows wanted from this segment. */
  k: number;
  /** Bitmap over segment rows (Uint8Array, LSB-first, ceil(rows / 8) bytes): visible AND filter AND non-NULL. */
  allow: Uint8Array;
  /** Set bits in `allow` (an empty allow set needs no search). */
  allowed: number;
  settings: AnnSearchSettings;
  /** Read only by a search that leaves the event loop. */
  stop?: StopFlag;
  /** ACORN-style two-hop expansion over filtered-out neighbours (selective filters; hnsw only). */
  twoHop?: boolean;
  /**
   * hnsw filtered searches (not two-hop): give up past this many distance computations and
   * return no rows; only for callers that then rank the allowed rows exactly.
   */
  maxDistances?: number;
}

/**
 * Accepts a batch of candidate positions (Uint32Array, nearest first): a flag per position,
 * true when the row passes the residual filter (vector-top-k-filtered.ts rechecks rows).
 */
export type AnnRecheck = (positions: Uint32Array) => Promise<boolean[]>;

/** Segment row positions and native distances (the metric's own value), nearest first. */
export interface AnnSearchResult {
  positions: Uint32Array;
  dists: Float32Array;
  /** Distances the search computed, when the access method counts them. */
  distances?: number;
}

export interface AnnSegmentIndex {
  readonly am: AnnAm;
  search(req: AnnSearchRequest): Promise<AnnSearchResult>;
  /**
   * An iterative search admitting only rows `recheck` accepts: batches of the resumable scan
   * are rechecked until `req.k` rows pass or `req.settings.maxScanTuples` rows were visited
   * (then fewer rows: the caller falls back). Absent: the access method cannot resume.
   */
  searchRechecked?(req: AnnSearchRequest, recheck: AnnRecheck): Promise<AnnSearchResult>;
  /**
   * hnsw with payload links (payload_m): the mean share in [0, 1] of allowed targets among the
   * payload links of sampled allowed rows (HnswIndex.payloadLinkShare); 1 when `allow` is one
   * linked group. Absent (or 0) without payload links.
   */
  payloadLinkShare?(allow: Uint8Array): number;
  serialize(): Promise<Uint8Array>;
  /** Serialized size in bytes. */
  bytes(): number;
}

export interface AnnBuildOptions {
  stop?: Int32Array;
  /**
   * Payload links (hnsw payload_m > 0): groups of segment positions sharing a payload value
   * (positions: the groups concatenated, each ascending; offsets: groups + 1 entries), added
   * after the graph build. Computed lazily: only when the adapter links them.
   */
  groups?: () => Promise<{ positions: Uint32Array; offsets: Uint32Array } | undefined>;
  /** (rows done, rows total) while the build runs. */
  onProgress?: (done: number, total: number) => void;
  /** A new pg_stat_progress_create_index phase (pgvector's names: `loading tuples`, ...). */
  onPhase?: (phase: string) => void;
}

export interface AnnAdapter {
  readonly am: AnnAm;
  build(arena: VectorArena, spec: AnnIndexSpec, opts: AnnBuildOptions): Promise<AnnSegmentIndex>;
  /** Opens serialized bytes in place (they must stay unchanged while the index lives). */
  open(bytes: Uint8Array): AnnSegmentIndex;
  /**
   * Opens the segment file's mapping in place, for indexes searched where they lie (HNSW: the
   * mapping gets 2 MiB pages where the kernel can). The index holds its own lease on the
   * mapping: the caller may close the handle. Adapters without it are opened from bytes.
   */
  openMapped?(file: SegmentFileMapping): AnnSegmentIndex;
}

/** A segment file mapped by the storage engine (its native MappedFile). */
export type SegmentFileMapping = Awaited<ReturnType<StorageEngine['mapSegmentFile']>>;

/** The segment file holding index `oid`. */
export function annFileName(oid: number): string {
  return `ann.${oid}`;
}

/** Distance operator impl -> native metric (the four float metrics of `vector`). */
export const ANN_METRICS: Readonly<Record<string, AnnMetric>> = {
  l2_distance: 'l2sq',
  vector_negative_inner_product: 'negdot',
  cosine_distance: 'cosine',
  l1_distance: 'l1',
};

/** Opclass name -> native metric, for the opclasses indexed natively (over `vector`). */
export const OPCLASS_METRICS: Readonly<Record<string, AnnMetric>> = {
  vector_l2_ops: 'l2sq',
  vector_ip_ops: 'negdot',
  vector_cosine_ops: 'cosine',
  vector_l1_ops: 'l1',
};

/** reloptions (`m=16`) -> the build parameters, with pgvector's defaults. */
export function buildParams(options: readonly string[]): { m: number; efConstruction: number; lists: number; payloadM: number } {
  const get = (name: string, def: number) => {
    const o = options.find((x) => x.toLowerCase().startsWith(`${name}=`));
    const n = o ? Number(o.slice(name.length + 1)) : NaN;
    return Number.isInteger(n) ? n : def;
  };
  return { m: get('m', 16), efConstruction: get('ef_construction', 64), lists: get('lists', 100), payloadM: get('payload_m', 0) };
}

/** The set bits of `bits` among the first `rows`. */
export function countAllowed(bits: Uint8Array, rows: number): number {
  let n = 0;
  for (let i = 0; i < rows; i++) if ((bits[i >>> 3] & (1 << (i & 7))) !== 0) n++;
  return n;
}
