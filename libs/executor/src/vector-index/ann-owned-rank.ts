// Vector Top-K through an index owning its vectors (halfvec / bit columns, expression keys):
// the query side is evaluated once (vector-top-k.ts) and packed to the index's element type;
// per segment of the snapshot
//   - sealed with the index built: an HNSW search of its own arena with the allow bitmap
//     (visible AND filter; the arena's validity drops NULL keys), rows fetched by position;
//   - otherwise (mutable rows, a segment whose build is queued): its visible rows decoded and
//     ranked exactly by the scalar distance;
// then every candidate is ranked by the scalar distance (the value the Project outputs).
// As an index scan in pgvector, rows whose key is NULL are not returned. A transaction with
// its own writes (not in the segments' bitmaps) is answered exactly by the caller.
//
// The build side (ownedSpec): the key is evaluated for every row of a sealed segment, decoded
// from its payload, when the manager builds that segment (in the background, queued by the
// first query that meets it without the index).
import type { PhysicalVectorTopK, VectorTopKIndex } from '@vecgres/planner';
import { jsonRowCodec, type SegmentReader } from '@vecgres/storage';
import type { ExecContext, Row } from '../exec/exec-context';
import { type Compiled, compileExpr, evalAsync } from '../expr/compile-expr';
import { filterBatch } from '../operators/runner';
import { TopKBuffer, distanceOf, type Ranked } from '../operators/vector-top-k-rank';
import type { VectorSource } from '../storage/vector-source';
import { decodeRow } from '../storage/row-format';
import { type AnnIndexSpec, type AnnSearchSettings, type StopFlag, buildParams } from './ann-index';
import { collectArena, packQuery } from './ann-owned-arena';
import { OWNED_OPCLASS_METRICS, OwnedHnswIndex } from './ann-owned-index';
import { segmentIndexOf, type VectorIndexRuntime } from './ann-runtime';

/** Decodes row `i` of `seg` as the node's row (payload + storage vector columns). */
function segmentRowDecoder(ctx: ExecContext, node: PhysicalVectorTopK, src: VectorSource): (seg: SegmentReader, i: number) => Row {
  const vectorCols = node.columns.map((c) => src.storageColumn(c.attnum)?.name).filter((n): n is string => n !== undefined);
  return (seg, i) => {
    const values = jsonRowCodec.decode(seg.payload(i));
    for (const name of vectorCols) values[name] = seg.vector(name, i);
    return decodeRow(node.columns, values, ctx.codecs);
  };
}

/** The build spec of a planned index owning its vectors, or undefined (not one / not buildable). */
export function ownedSpec(ctx: ExecContext, node: PhysicalVectorTopK, src: VectorSource): AnnIndexSpec | undefined {
  const index: VectorTopKIndex | undefined = node.index;
  const metric = index ? OWNED_OPCLASS_METRICS[index.opclass] : undefined;
  if (!index || !index.key || !index.elem || !metric || index.am !== 'hnsw') return undefined;
  const key = compileExpr(ctx, index.key);
  const decode = segmentRowDecoder(ctx, node, src);
  const elem = index.elem;
  const dim = index.dim ?? -1;
  return {
    // `column` / `metric` are the storage-arena fields: unused here (owned.metric builds the graph).
    oid: index.oid, am: index.am, column: '', dim, metric: metric === 'hamming' || metric === 'jaccard' ? 'l2sq' : metric,
    ...buildParams(index.options),
    owned: {
      elem, metric, dim,
      load: (seg) => collectArena(elem, dim, seg.rowCount(), (i) => evalAsync(key, decode(seg, i))),
    },
  };
}

export interface OwnedRankRequest {
  ctx: ExecContext;
  node: PhysicalVectorTopK;
  src: VectorSource;
  rt: VectorIndexRuntime;
  spec: AnnIndexSpec;
  settings: AnnSearchSettings;
  /** The evaluated query value (Float32Array for vector / halfvec, BitString for bit). */
  query: unknown;
  k: number;
  filter?: Compiled;
  distance: Compiled;
  /** EXPLAIN ANALYZE counters (rows examined, distances computed). */
  count(scanned: number, distances: number): void;
  /** Runs a native search with the statement's stop flag (cancel -> 57014). */
  withStop<T>(f: (flag: StopFlag) => Promise<T>): Promise<T>;
  pause(): Promise<void>;
}

/** The k nearest rows, or undefined when the owned path does not apply (answer exactly). */
export async function ownedRank(r: OwnedRankRequest): Promise<Ranked[] | undefined> {
  const { src, spec } = r;
  if (src.ownWrites || src.storageId === undefined || !spec.owned || !Number.isFinite(r.k)) return undefined;
  const decode = segmentRowDecoder(r.ctx, r.node, src);
  const top = new TopKBuffer(r.k);
  const keep = (row: Row) => {
    const dist = distanceOf(r.distance, row);
    // NULL keys are not in the index (pgvector's index scans never return them).
    if (dist !== null) top.push({ row, dist });
  };
  for (const seg of src.segments) {
    const rows = seg.rowCount();
    const visible = seg.visibleBitmap(src.snapshot);
    const found = seg.sealed ? await segmentIndexOf(r.rt, src.storageId, seg, spec) : undefined;
    const index = found instanceof OwnedHnswIndex ? found : undefined;
    const query = index ? packQuery(r.query, spec.owned.elem, index.arena.dim) : undefined;
    // Visible rows (and their decoded values), for the filter or the exact ranking only: an
    // unfiltered index search needs no O(rows) pass.
    const visibleRows = (): number[] => {
      const out: number[] = [];
      for (let i = 0; i < rows; i++) if ((visible[i >>> 3] & (1 << (i & 7))) !== 0) out.push(i);
      return out;
    };
    if (index && query) {
      let allow = visible;
      if (r.filter) {
        const positions = visibleRows();
        allow = new Uint8Array(visible.length);
        const batch = positions.map((i) => decode(seg, i));
        const pass = new Set(await filterBatch(r.filter, batch));
        positions.forEach((i, j) => { if (pass.has(batch[j])) allow[i >>> 3] |= 1 << (i & 7); });
        r.count(positions.length, 0);
      }
      const res = await r.withStop((flag) => index.searchOwned({ query, k: r.k, candidates: allow, settings: r.settings, stop: flag }));
      r.count(0, res.positions.length);
      for (const p of res.positions) keep(decode(seg, p));
    } else {
      const batch = visibleRows().map((i) => decode(seg, i));
      const pass = r.filter ? await filterBatch(r.filter, batch) : batch;
      r.count(batch.length, pass.length);
      for (const row of pass) keep(row);
    }
    await r.pause();
  }
  return top.result();
}
