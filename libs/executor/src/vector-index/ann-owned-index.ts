// The HNSW index of one sealed segment over vectors it owns (ann-owned-arena.ts): built over
// the arena evaluated from the index key, persisted as ONE segment file `ann.<oid>` (so DROP,
// REINDEX, orphan collection and merges treat it as any index file) holding
//   magic "AOWN", u32 version 1, u32 arena bytes, u32 graph bytes, arena (ann-owned-arena.ts
//   layout), zero padding to a multiple of 8, the serialized HNSW graph,
// and opened from it (restart opens, never rebuilds).
//
// Search semantics are hnsw-adapter.ts's (ef = max(ef_search, k) without an iterative scan; a
// resumable scan bounded by max_scan_tuples with one), over this index's own arena, whose
// nodes are the rows with a key: the caller's segment-row bitmap is mapped to nodes, and node
// ids back to segment row positions.
import { HnswIndex } from '@vecgres/hnsw';
import type { SegmentReader } from '@vecgres/storage';
import type { AnnBuildOptions, AnnIndexSpec, AnnSearchResult, AnnSearchSettings, AnnSegmentIndex, AnnSearchRequest, StopFlag } from './ann-index';
import { collectScan } from './hnsw-adapter';
import { type OwnedArena, type OwnedArray, type OwnedElem, decodeArena, encodeArena, nodeAllowBitmap } from './ann-owned-arena';

/** Native metrics of the opclasses an owned index is built with. */
export type OwnedMetric = 'l2sq' | 'negdot' | 'cosine' | 'l1' | 'hamming' | 'jaccard';

/** What an index owning its vectors adds to AnnIndexSpec: how to evaluate its key per segment. */
export interface AnnOwnedSource {
  elem: OwnedElem;
  metric: OwnedMetric;
  /** The key's declared dimension (-1: from the first value). */
  dim: number;
  /** The arena of `seg`'s rows (undefined: no row has a key value; nothing to index). */
  load(seg: SegmentReader): Promise<OwnedArena | undefined>;
}

export const OWNED_OPCLASS_METRICS: Readonly<Record<string, OwnedMetric>> = {
  vector_l2_ops: 'l2sq', vector_ip_ops: 'negdot', vector_cosine_ops: 'cosine', vector_l1_ops: 'l1',
  halfvec_l2_ops: 'l2sq', halfvec_ip_ops: 'negdot', halfvec_cosine_ops: 'cosine', halfvec_l1_ops: 'l1',
  bit_hamming_ops: 'hamming', bit_jaccard_ops: 'jaccard',
};

export interface OwnedSearchRequest {
  /** One packed row of the arena's element type. */
  query: OwnedArray;
  k: number;
  /** Candidate rows (LSB-first bitmap over segment rows): visible AND filter. */
  candidates: Uint8Array;
  settings: AnnSearchSettings;
  stop?: StopFlag;
}

export class OwnedHnswIndex implements AnnSegmentIndex {
  readonly am = 'hnsw' as const;

  /** `graphBytes`: the serialized graph the index was opened from, referenced while it lives. */
  constructor(private readonly index: HnswIndex, readonly arena: OwnedArena, readonly graphBytes?: Uint8Array) {}

  private memoryArena(): { kind: 'memory'; dim: number; rows: number; data: OwnedArray } {
    return { kind: 'memory', dim: this.arena.dim, rows: this.arena.rows, data: this.arena.data };
  }

  /** Segment row positions and native distances, nearest first. */
  async searchOwned(req: OwnedSearchRequest): Promise<AnnSearchResult> {
    const { k, settings } = req;
    const allow = nodeAllowBitmap(this.arena, req.candidates);
    if (k <= 0 || allow.count === 0) return { positions: new Uint32Array(0), dists: new Float32Array(0) };
    const arena = this.memoryArena();
    const toRows = (ids: Uint32Array) => ids.map((j) => this.arena.positions[j]);
    if (settings.iterativeScan === 'off') {
      const top = await this.index.search(arena, req.query, 1, k, { ef: Math.max(settings.efSearch, k), allow: allow.bits, stop: req.stop?.stop });
      const n = top.counts[0];
      return { positions: toRows(top.ids.slice(0, n)), dists: top.dists.slice(0, n) };
    }
    const found = await collectScan(this.index.scan(arena, req.query, { ef: settings.efSearch, allow: allow.bits, maxVisited: settings.maxScanTuples }), k, settings.efSearch);
    return { positions: toRows(found.positions), dists: found.dists };
  }

  /** AnnSegmentIndex's form (a float32 query): only meaningful for f32 arenas. */
  search(req: AnnSearchRequest): Promise<AnnSearchResult> {
    return this.searchOwned({ query: req.query, k: req.k, candidates: req.allow, settings: req.settings, stop: req.stop });
  }

  /** The `ann.<oid>` file: vectors and graph. */
  async serialize(): Promise<Uint8Array> {
    const vectors = encodeArena(this.arena);
    const graph = await this.index.serialize();
    const at = (16 + vectors.length + 7) & ~7;
    const out = new Uint8Array(at + graph.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, OWNED_MAGIC, true);
    dv.setUint32(4, 1, true);
    dv.setUint32(8, vectors.length, true);
    dv.setUint32(12, graph.length, true);
    out.set(vectors, 16);
    out.set(graph, at);
    return out;
  }

  bytes(): number {
    return this.index.stats().bytes + this.arena.data.byteLength;
  }
}

/** Builds the graph over `arena` (multi-threaded, in the native worker). */
export async function buildOwnedIndex(arena: OwnedArena, spec: AnnIndexSpec, opts: AnnBuildOptions): Promise<OwnedHnswIndex> {
  const source = spec.owned;
  if (!source) throw new Error('buildOwnedIndex: not an index owning its vectors');
  const index = await HnswIndex.build(
    { kind: 'memory', dim: arena.dim, rows: arena.rows, data: arena.data },
    {
      dim: arena.dim, elem: source.elem, metric: source.metric, m: spec.m, efConstruction: spec.efConstruction,
      ...(opts.stop ? { stop: opts.stop } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
  return new OwnedHnswIndex(index, arena);
}

const OWNED_MAGIC = 0x4e574f41; // "AOWN"

/** True when `bytes` is an owned index's file (not a plain graph over a storage arena). */
export function isOwnedIndexFile(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 16 && new DataView(bytes.buffer, bytes.byteOffset, 16).getUint32(0, true) === OWNED_MAGIC;
}

/** Opens an `ann.<oid>` file written by serialize() (graph and vectors copied to aligned memory). */
export function openOwnedIndex(bytes: Uint8Array): OwnedHnswIndex {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isOwnedIndexFile(bytes) || dv.getUint32(4, true) !== 1) throw new Error('owned ann file: bad header');
  const vlen = dv.getUint32(8, true);
  const glen = dv.getUint32(12, true);
  const at = (16 + vlen + 7) & ~7;
  if (bytes.byteLength < at + glen) throw new Error('owned ann file: truncated');
  const graph = bytes.slice(at, at + glen);
  return new OwnedHnswIndex(HnswIndex.open(graph), decodeArena(bytes.subarray(16, 16 + vlen)), graph);
}
