// HnswIndex: the façade the executor (and tools/bench) use over one native graph handle.
//
//   build(arena, opts) ──▶ hnswCreate + add(0, rows)   one native worker; insert threads inside
//   add(arena, from, to)                               incremental insert of new segment rows
//   addGroupLinks(arena, groups, {m})                  payload links among each group's nodes
//   search(arena, queries, nq, k, {ef, allow, twoHop}) batched top-k, struct-of-arrays out
//   scan(arena, query, {ef, allow})                    resumable scan (hnsw.iterative_scan)
//   serialize() / open(bytes | {file, byteOffset})     flat layout, opened in place
//
// Node id = row position in the segment; distances are the metric's own value (squared L2 for
// l2sq, -dot for negdot, 1 - cos for cosine), as the native scans return them.
// Deleted rows stay in the graph: callers clear them in `allow` (with invisible and filtered
// rows); a merge writes a new segment whose graph is rebuilt, so links are never repaired.
import { invalidParameter } from '@vecgres/errors';
import {
  type HnswNativeIndex,
  type MappedFile,
  type NativeCore,
  type TopK,
  type VectorArray,
  HNSW_SYNC_MAX_EF,
  HNSW_SYNC_MAX_K,
  allocTopK,
  loadNativeCore,
} from '@vecgres/native-bindings';

import { toNativeArena } from './arena';
import { HnswScanHandle } from './hnsw-scan';
import type {
  HnswAddOptions,
  HnswArena,
  HnswBuildOptions,
  HnswGroupLinkOptions,
  HnswGroups,
  HnswParams,
  HnswScan,
  HnswScanOptions,
  HnswSearchOptions,
  HnswStats,
} from './types';

const MAX_DIM = 1 << 24;
const MAX_EF = 100_000;

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(`${name} must be an integer between ${min} and ${max} (got ${value})`);
  }
}

/** Where a serialized graph lies: bytes in memory, or a range of a mapped segment file. */
export type HnswSource = Uint8Array | { file: MappedFile; byteOffset: number; byteLength?: number };

export class HnswIndex {
  private constructor(
    private readonly handle: HnswNativeIndex,
    readonly params: Required<HnswParams>,
  ) {}

  /** An empty index (fill it with add()). Parameter ranges are checked defensively here. */
  static create(options: HnswBuildOptions): HnswIndex {
    const m = options.m ?? 16;
    const efConstruction = options.efConstruction ?? 64;
    checkInt('dim', options.dim, 1, MAX_DIM);
    checkInt('m', m, 2, 100);
    checkInt('ef_construction', efConstruction, m, MAX_EF);
    if (options.seed !== undefined) checkInt('seed', options.seed, 0, Number.MAX_SAFE_INTEGER);
    const core = options.core ?? loadNativeCore();
    const handle = core.hnswCreate({
      type: options.elem,
      metric: options.metric,
      dim: options.dim,
      m,
      efConstruction,
      seed: options.seed,
    });
    return HnswIndex.fromHandle(handle);
  }

  /** Builds the graph over every row of `arena` (rows 0 .. arena.rows - 1). */
  static async build(arena: HnswArena, options: HnswBuildOptions): Promise<HnswIndex> {
    const index = HnswIndex.create(options);
    await index.add(arena, 0, arena.rows, options);
    return index;
  }

  /**
   * Opens a serialized graph without reading it through: search reads the bytes (or the
   * mapping) in place. The bytes must stay unchanged while the index lives; a mapped file may
   * be closed (the index holds a lease on the mapping). O(1).
   */
  static open(source: HnswSource, core: NativeCore = loadNativeCore()): HnswIndex {
    const handle =
      source instanceof Uint8Array
        ? core.hnswOpen(source)
        : core.hnswOpen(source.file, source.byteOffset, source.byteLength);
    return HnswIndex.fromHandle(handle);
  }

  private static fromHandle(handle: HnswNativeIndex): HnswIndex {
    const p = handle.params();
    return new HnswIndex(handle, {
      dim: p.dim,
      elem: p.type,
      metric: p.metric,
      m: p.m,
      efConstruction: p.efConstruction,
      seed: p.seed,
    });
  }

  /** Nodes in the graph (rows inserted so far). */
  get nodes(): number {
    return this.handle.stats().nodes;
  }

  /**
   * Inserts rows [fromRow, toRow) of `arena`; fromRow must equal `nodes`. Runs in one native
   * worker (the event loop stays free); progress is polled from the native counter.
   */
  async add(arena: HnswArena, fromRow: number, toRow: number, options: HnswAddOptions = {}): Promise<void> {
    const native = toNativeArena(arena, this.params.elem, this.params.dim);
    if (options.threads !== undefined) checkInt('threads', options.threads, 0, 1024);
    const total = toRow - fromRow;
    const { onProgress } = options;
    const timer =
      onProgress === undefined
        ? undefined
        : setInterval(() => onProgress(this.handle.progress(), total), options.progressIntervalMs ?? 100);
    timer?.unref();
    try {
      await this.handle.add(native, fromRow, toRow, { threads: options.threads, stop: options.stop });
      onProgress?.(total, total);
    } finally {
      if (timer !== undefined) clearInterval(timer);
    }
  }

  /**
   * Payload links (Qdrant's payload_m): for each group, links among the group's nodes only
   * (an HNSW-style insertion restricted to the group), stored apart from the graph, so that a
   * filter selecting a group keeps a connected subgraph. Only filtered searches (with `allow`)
   * follow them, and only to allowed nodes; the unfiltered search is unchanged. Serialized
   * with the graph. Calls accumulate (a node's lists from several calls are merged). Runs in
   * one native worker (groups in parallel inside it; progress() counts the group members
   * linked so far); nodes added later have no payload links. efConstruction must be >= m.
   */
  async addGroupLinks(arena: HnswArena, groups: HnswGroups, options: HnswGroupLinkOptions): Promise<void> {
    const native = toNativeArena(arena, this.params.elem, this.params.dim);
    checkInt('payload_m', options.m, 2, 100);
    if (options.efConstruction !== undefined) checkInt('ef_construction', options.efConstruction, options.m, MAX_EF);
    if (options.threads !== undefined) checkInt('threads', options.threads, 0, 1024);
    if (groups.offsets.length < 1) throw invalidParameter('groups.offsets needs groups + 1 >= 1 entries');
    await this.handle.addGroupLinks(native, groups.positions, groups.offsets, {
      m: options.m,
      efConstruction: options.efConstruction,
      threads: options.threads,
      stop: options.stop,
    });
  }

  /**
   * k nearest rows per query. queries: nq packed rows of the index's element type.
   * Returns (or fills `out`): ids Uint32Array nq*k, dists Float32Array nq*k (nearest first;
   * 0xFFFFFFFF / +Infinity in unused slots), counts Uint32Array nq.
   */
  async search(
    arena: HnswArena,
    queries: VectorArray,
    nq: number,
    k: number,
    options: HnswSearchOptions & { out?: TopK } = {},
  ): Promise<TopK> {
    const native = toNativeArena(arena, this.params.elem, this.params.dim);
    if (options.ef !== undefined) checkInt('ef_search', options.ef, 1, MAX_EF);
    const out = options.out ?? allocTopK(nq, k);
    await this.handle.search(
      native,
      queries,
      nq,
      k,
      { ef: options.ef, allow: options.allow, stop: options.stop, twoHop: options.twoHop, maxDistances: options.maxDistances },
      { ...out, distances: options.distances },
    );
    return out;
  }

  /**
   * One query's k nearest rows on the calling thread, when the work is bounded (syncSearchable:
   * k <= 1000, ef <= 1000): an HNSW search is sublinear, so this stays far below an event-loop
   * tick and avoids search()'s threadpool round trip. Same output as search(arena, query, 1, k).
   * Anything larger throws: use search().
   */
  searchSync(arena: HnswArena, query: VectorArray, k: number, options: Omit<HnswSearchOptions, 'stop'> & { out?: TopK } = {}): TopK {
    const native = toNativeArena(arena, this.params.elem, this.params.dim);
    if (options.ef !== undefined) checkInt('ef_search', options.ef, 1, MAX_EF);
    const out = options.out ?? allocTopK(1, k);
    this.handle.searchSync(
      native,
      query,
      1,
      k,
      { ef: options.ef, allow: options.allow, twoHop: options.twoHop, maxDistances: options.maxDistances },
      { ...out, distances: options.distances },
    );
    return out;
  }

  /** Whether searchSync accepts (k, ef): the bounded-work rule of ARCHITECTURE.md (only O(n) work is async). */
  static syncSearchable(k: number, ef: number): boolean {
    return k <= HNSW_SYNC_MAX_K && ef <= HNSW_SYNC_MAX_EF;
  }

  /** A resumable scan from `query` (one packed row); see HnswScan. */
  scan(arena: HnswArena, query: VectorArray, options: HnswScanOptions = {}): HnswScan {
    const native = toNativeArena(arena, this.params.elem, this.params.dim);
    if (options.ef !== undefined) checkInt('ef_search', options.ef, 1, MAX_EF);
    return new HnswScanHandle(this.handle.scan(query, options), native);
  }

  /** The flat graph layout (what libs/storage writes as the segment file `hnsw.<index>`). */
  async serialize(): Promise<Uint8Array> {
    const out = new Uint8Array(this.handle.serializedSize());
    await this.handle.serialize(out);
    return out;
  }

  stats(): HnswStats {
    const s = this.handle.stats();
    return {
      nodes: s.nodes,
      levels: s.maxLevel + 1,
      bytes: s.bytes,
      payloadLinkBytes: s.payloadLinkBytes,
      payloadM: s.payloadM,
      repaired: s.repaired,
    };
  }

  /**
   * The mean share in [0, 1] of allowed targets among the payload links (addGroupLinks) of up to
   * `sample` allowed rows (spread over the id range): 1 when `allow` is one linked group, so its
   * subgraph stays connected through the group's own links and a two-hop search keeps recall
   * however far the group lies from the query; about the selectivity for sets the groups do not
   * follow; 1 / c for a group of one of c payload-indexed columns; 0 without payload links.
   * Sync, O(sample * payload_m + rows / 8).
   */
  payloadLinkShare(allow: Uint8Array, sample = 64): number {
    checkInt('sample', sample, 1, 1_000_000);
    return this.handle.payloadLinkShare(allow, sample);
  }

  /** Rows inserted by the running (or last) add(); cheap, for pg_stat_progress_create_index. */
  progress(): number {
    return this.handle.progress();
  }
}
