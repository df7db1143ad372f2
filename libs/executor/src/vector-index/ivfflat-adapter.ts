// The ivfflat access method over libs/ivfflat (k-means lists, spherical for ip/cosine in the
// native code). ivfflat.probes lists are scanned; with ivfflat.iterative_scan = relaxed_order
// the probes double until k allowed rows are found or ivfflat.max_probes lists were scanned
// (pgvector: when max_probes < probes, probes is used).
import { IvfFlatIndex } from '@vecgres/ivfflat';
import type { VectorArena } from '@vecgres/storage';
import type { AnnAdapter, AnnBuildOptions, AnnIndexSpec, AnnSearchRequest, AnnSearchResult, AnnSegmentIndex } from './ann-index';

class IvfSegmentIndex implements AnnSegmentIndex {
  readonly am = 'ivfflat' as const;

  /** `bytes`: the serialized form the index was opened from, referenced while it lives. */
  constructor(private readonly index: IvfFlatIndex, readonly bytesRef?: Uint8Array) {}

  async search(req: AnnSearchRequest): Promise<AnnSearchResult> {
    const { arena, query, k, allow, settings } = req;
    if (k <= 0 || req.allowed === 0) return { positions: new Uint32Array(0), dists: new Float32Array(0) };
    const lists = this.index.params.lists;
    let probes = Math.min(settings.probes, lists);
    const maxProbes = settings.ivfIterativeScan === 'off' ? probes : Math.min(lists, Math.max(settings.maxProbes, probes));
    const want = Math.min(k, req.allowed);
    for (;;) {
      const top = await this.index.search(arena, query, 1, k, { probes, allow, stop: req.stop?.stop });
      const n = top.counts[0];
      if (n >= want || probes >= maxProbes) return { positions: top.ids.slice(0, n), dists: top.dists.slice(0, n) };
      probes = Math.min(maxProbes, probes * 2);
    }
  }

  serialize(): Promise<Uint8Array> {
    return this.index.serialize();
  }

  bytes(): number {
    return this.index.stats().bytes;
  }
}

export const ivfflatAdapter: AnnAdapter = {
  am: 'ivfflat',
  async build(arena: VectorArena, spec: AnnIndexSpec, opts: AnnBuildOptions): Promise<AnnSegmentIndex> {
    // IvfFlatIndex.build trains and assigns in one native call: pgvector's `assigning tuples`
    // is not reported apart; writing the lists out is `loading tuples` (the manager's).
    opts.onPhase?.('performing k-means');
    const index = await IvfFlatIndex.build(arena, {
      dim: spec.dim, metric: spec.metric, lists: Math.max(1, Math.min(spec.lists, arena.rows)),
      ...(opts.stop ? { stop: opts.stop } : {}),
    });
    opts.onProgress?.(arena.rows, arena.rows);
    return new IvfSegmentIndex(index);
  },
  open(bytes: Uint8Array): AnnSegmentIndex {
    return new IvfSegmentIndex(IvfFlatIndex.open(bytes), bytes);
  },
};
