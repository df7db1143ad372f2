// The hnsw access method over libs/hnsw (native graph, multi-threaded build in one native
// worker, opened in place from the serialized bytes).
//
// pgvector's scan semantics: without an iterative scan the caller asks for at most ef_search
// rows (hnsw.ef_search caps the result), searched with ef = max(ef_search, k). With
// hnsw.iterative_scan on, a resumable scan continues until k allowed rows are found or
// hnsw.max_scan_tuples distances were computed. The allow bitmap (visibility AND the WHERE
// filter) is applied during the traversal, so filtered rows never take result slots.
import { HnswIndex, type HnswScan } from '@vecgres/hnsw';
import type { VectorArena } from '@vecgres/storage';
import type { AnnAdapter, AnnBuildOptions, AnnIndexSpec, AnnRecheck, AnnSearchRequest, AnnSearchResult, AnnSegmentIndex, SegmentFileMapping } from './ann-index';

class HnswSegmentIndex implements AnnSegmentIndex {
  readonly am = 'hnsw' as const;

  /** Whether the graph has payload links (stats() once: the graph never changes after build / open). */
  private linked?: boolean;
  /** searchSync's outputs, reused: the call is synchronous and results are copied out (fewer allocations per query). */
  private scratch = { ids: new Uint32Array(16), dists: new Float32Array(16), counts: new Uint32Array(1), distances: new Uint32Array(1) };

  /** `bytes`: the serialized form the index was opened from, referenced while it lives. */
  constructor(private readonly index: HnswIndex, readonly bytesRef?: Uint8Array) {}

  payloadLinkShare(allow: Uint8Array): number {
    this.linked ??= this.index.stats().payloadLinkBytes > 0;
    return this.linked ? this.index.payloadLinkShare(allow) : 0;
  }

  async search(req: AnnSearchRequest): Promise<AnnSearchResult> {
    const { arena, query, k, allow, settings } = req;
    if (k <= 0 || req.allowed === 0) return { positions: new Uint32Array(0), dists: new Float32Array(0) };
    // Every arena row admitted (vector-top-k-allow.ts): the unfiltered native search, no bitmap.
    const filter = req.allowed >= arena.rows ? {} : { allow, ...(req.twoHop ? { twoHop: true } : {}) };
    if (settings.iterativeScan === 'off') {
      const ef = Math.max(settings.efSearch, k);
      // The caller's distance budget (vector-top-k-filtered.ts, which then ranks exactly).
      const budget = req.maxDistances !== undefined && req.allowed < arena.rows && !req.twoHop ? { maxDistances: req.maxDistances } : {};
      // Bounded work (ARCHITECTURE.md: only O(n) work is async): a sublinear HNSW search with
      // k, ef <= 1000 runs on the event loop, saving the threadpool round trip per query.
      // Distance computations of the search (EXPLAIN ANALYZE: Distances Computed).
      let top;
      let distances: Uint32Array;
      if (HnswIndex.syncSearchable(k, ef)) {
        const s = this.scratch;
        if (s.ids.length < k) {
          s.ids = new Uint32Array(k);
          s.dists = new Float32Array(k);
        }
        distances = s.distances;
        distances[0] = 0;
        top = this.index.searchSync(arena, query, k, { ef, ...filter, ...budget, distances, out: s });
      } else {
        distances = new Uint32Array(1);
        top = await this.index.search(arena, query, 1, k, { ef, ...filter, ...budget, stop: req.stop?.stop, distances });
      }
      const n = top.counts[0];
      return { positions: top.ids.slice(0, n), dists: top.dists.slice(0, n), ...(distances[0] > 0 ? { distances: distances[0] } : {}) };
    }
    return collectScan(this.index.scan(arena, query, { ef: settings.efSearch, ...filter, maxVisited: settings.maxScanTuples }), k, settings.efSearch);
  }

  async searchRechecked(req: AnnSearchRequest, recheck: AnnRecheck): Promise<AnnSearchResult> {
    const { arena, query, k, allow, settings } = req;
    if (k <= 0 || req.allowed === 0) return { positions: new Uint32Array(0), dists: new Float32Array(0) };
    const filter = req.allowed >= arena.rows ? {} : { allow, ...(req.twoHop ? { twoHop: true } : {}) };
    const scan = this.index.scan(arena, query, { ef: Math.max(settings.efSearch, k), ...filter, maxVisited: settings.maxScanTuples });
    // Batches come in relaxed distance order: gather as many passing rows as an unfiltered
    // search keeps (max(ef_search, k)), then take the k nearest, so the recheck path ranks from
    // the same beam width as the plain search (stopping at the first k passing rows lost recall).
    const want = Math.max(settings.efSearch, k);
    const found: Array<{ id: number; d: number }> = [];
    try {
      while (found.length < want) {
        const batch = await scan.next(Math.max(2 * (want - found.length), settings.efSearch));
        if (batch.ids.length === 0) break;
        const pass = await recheck(batch.ids);
        for (let i = 0; i < batch.ids.length; i++) if (pass[i]) found.push({ id: batch.ids[i], d: batch.dists[i] });
      }
    } finally {
      scan.close();
    }
    found.sort((a, b) => a.d - b.d);
    const top = found.slice(0, k);
    return { positions: Uint32Array.from(top, (f) => f.id), dists: Float32Array.from(top, (f) => f.d) };
  }

  serialize(): Promise<Uint8Array> {
    return this.index.serialize();
  }

  bytes(): number {
    return this.index.stats().bytes;
  }
}

/**
 * pgvector's iterative scan: batches of at least ef_search until k rows or the scan ends
 * (hnsw.max_scan_tuples reached, or every allowed node returned). Closes the scan.
 */
export async function collectScan(scan: HnswScan, k: number, efSearch: number): Promise<AnnSearchResult> {
  const ids: number[] = [];
  const dists: number[] = [];
  try {
    while (ids.length < k) {
      const batch = await scan.next(Math.max(k - ids.length, efSearch));
      if (batch.ids.length === 0) break;
      for (let i = 0; i < batch.ids.length; i++) {
        ids.push(batch.ids[i]);
        dists.push(batch.dists[i]);
      }
    }
  } finally {
    scan.close();
  }
  return { positions: Uint32Array.from(ids), dists: Float32Array.from(dists) };
}

export const hnswAdapter: AnnAdapter = {
  am: 'hnsw',
  async build(arena: VectorArena, spec: AnnIndexSpec, opts: AnnBuildOptions): Promise<AnnSegmentIndex> {
    opts.onPhase?.('loading tuples');
    const index = await HnswIndex.build(arena, {
      dim: spec.dim, elem: 'f32', metric: spec.metric, m: spec.m, efConstruction: spec.efConstruction,
      ...(opts.stop ? { stop: opts.stop } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    // Payload links (beyond pgvector, Qdrant's payload_m): per payload value, links among
    // its rows, followed by filtered searches only.
    const groups = spec.payloadM && spec.payloadM >= 2 && opts.groups ? await opts.groups() : undefined;
    if (groups && groups.offsets.length > 1) {
      await index.addGroupLinks(arena, groups, { m: spec.payloadM!, efConstruction: spec.efConstruction, ...(opts.stop ? { stop: opts.stop } : {}) });
    }
    return new HnswSegmentIndex(index);
  },
  open(bytes: Uint8Array): AnnSegmentIndex {
    return new HnswSegmentIndex(HnswIndex.open(bytes), bytes);
  },
  openMapped(file: SegmentFileMapping): AnnSegmentIndex {
    return new HnswSegmentIndex(HnswIndex.open({ file, byteOffset: 0 }));
  },
};
