// Vector Top-K Scan (planner physical-vector-top-k.ts): the k nearest rows of one table to a
// query vector, in distance order, with PostgreSQL's ORDER BY semantics (NULL vectors last,
// only when fewer than k rows have one; ties in any order).
//
//   per segment of the snapshot:  visibleBitmap ─AND─ filter(rows) ─AND─ vector validity
//                                        │ candidate positions (Uint32Array)
//                                        ▼
//                      ONE native scanTopK over the segment's arena (memory / mmap'd)
//   own inserts (JS) ──┐                 │ per-segment top-k
//                      ▼                 ▼
//                merge by distance ─▶ fetch the k rows ─▶ exact scalar distance ─▶ sort ─▶ emit
//
// The native path applies to storage vector columns (vector(n), float32) with the four float
// metrics; everything else (payload-stored types, a query of another dimension, LIMIT NULL)
// ranks the scanned rows in JS with the scalar operator (vector-top-k-rank.ts). The final
// order always uses the scalar operator's value, which the Project above outputs.
//
// Strategy hnsw / ivfflat (an index chosen by the planner): a sealed segment that has the
// index is searched through it (vector-index/: allow bitmap = candidates AND non-NULL, ef =
// max(hnsw.ef_search, k) or ivfflat.probes, iterative scans per the GUCs) instead of scanTopK;
// segments without it yet (mutable, or sealed/merged since: built in the background) stay exact.
// As in pgvector, NULL vectors are never returned by an index scan, and without an iterative
// scan an HNSW scan returns at most hnsw.ef_search rows.
// An hnsw index owning its vectors (halfvec / bit column, expression key: the plan's
// index.key) is searched by vector-index/ann-owned-rank.ts instead.
//
// A WHERE filter with a leaf a payload index answers (plan node's payloadIndexes; issue #7)
// skips `candidatesFromRows`: each segment gets candidate bitmaps from its payload indexes and
// a strategy by their count (exact / hnsw filtered / two-hop / iterative + recheck), in
// vector-top-k-filtered.ts. Without such a leaf (or with own writes) the rows are evaluated.
import type { PhysicalVectorTopK } from '@vecgres/planner';
import { segmentTopK, type SegmentMetric, type SegmentReader } from '@vecgres/storage';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr, evalAsync } from '../expr/compile-expr';
import { statsOf } from '../exec/plan-stats';
import type { VectorSource } from '../storage/vector-source';
import { compareDistance, distanceOf, rankRows, type Ranked } from './vector-top-k-rank';
import { filterBatch, type Runner } from './runner';
import type { AnnIndexSpec, AnnSearchResult, AnnSearchSettings, StopFlag } from '../vector-index/ann-index';
import { planIndexSpec, segmentIndexOf, type VectorIndexRuntime } from '../vector-index/ann-runtime';
import { andAllowBitmap } from '../vector-index/ann-allow';
import { fullAllow } from './vector-top-k-allow';
import { ownedRank, ownedSpec } from '../vector-index/ann-owned-rank';
import { analyzeFilter, resolveFilter } from '../payload-index/filter-tree';
import { filteredSegmentTopK, now, type FilteredEnv, type SegmentOutcome, type StageTimes } from './vector-top-k-filtered';
import { columnsNeeded } from './vector-top-k-columns';
import { ComputedBatches } from './computed-batches';
import { ownChangesOf } from '../payload-index/own-writes';

/** An index search (strategy hnsw / ivfflat): sealed segments with the index go through it. */
interface AnnPlan { rt: VectorIndexRuntime; spec: AnnIndexSpec; settings: AnnSearchSettings }

/** Distance operator impl -> the native metric it ranks by, and the native value -> the operator's scale. */
/** The allow bitmap of a search admitting every row (never read: `allowed` covers the arena). */
const NO_BITS = new Uint8Array(0);

const NATIVE_METRICS: Readonly<Record<string, { metric: SegmentMetric; scale: (d: number) => number }>> = {
  l2_distance: { metric: 'l2sq', scale: Math.sqrt },
  vector_negative_inner_product: { metric: 'negdot', scale: (d) => d },
  cosine_distance: { metric: 'cosine', scale: (d) => d },
  l1_distance: { metric: 'l1', scale: (d) => d },
};

interface SegmentCandidates {
  seg: SegmentReader;
  /** Candidate positions with a non-NULL vector. */
  ids: Uint32Array;
  /** Row ids of candidates whose vector is NULL (ranked last). */
  nullRows: number[];
}

/** `seg` / `pos`: where a segment candidate is (its row can be read there: vector-source rowsAt). */
interface Candidate { rowId: number; dist: number; row?: Row; seg?: SegmentReader; pos?: number }

/**
 * The rows of the segment candidates among `top` (index j: top[j]'s row, or undefined for a
 * candidate not in a segment), each segment's read in one rowsAt call.
 */
function leanRowsOf(src: VectorSource, top: readonly Candidate[], needs: ReadonlySet<number> | undefined): (Row | undefined)[] {
  const out: (Row | undefined)[] = new Array(top.length);
  const bySeg = new Map<SegmentReader, number[]>();
  for (let j = 0; j < top.length; j++) {
    const seg = top[j].seg;
    if (!seg || top[j].pos === undefined) continue;
    const at = bySeg.get(seg);
    if (at) at.push(j);
    else bySeg.set(seg, [j]);
  }
  for (const [seg, at] of bySeg) {
    const rows = src.rowsAt!(seg, at.map((j) => top[j].pos!), needs);
    for (let i = 0; i < at.length; i++) out[at[i]] = rows[i];
  }
  return out;
}

function bitsToPositions(bits: Uint8Array, valid: Uint8Array, rows: number, seg: SegmentReader): SegmentCandidates {
  const ids: number[] = [];
  const nullRows: number[] = [];
  for (let i = 0; i < rows; i++) {
    if ((bits[i >>> 3] & (1 << (i & 7))) === 0) continue;
    if ((valid[i >>> 3] & (1 << (i & 7))) !== 0) ids.push(i);
    else nullRows.push(seg.rowId(i));
  }
  return { seg, ids: Uint32Array.from(ids), nullRows };
}

/**
 * `needs`: the positions of the node's row its consumer reads (the Project above:
 * vector-top-k-columns.ts); undefined = all.
 */
export function buildVectorTopK(node: PhysicalVectorTopK, ctx: ExecContext, needs?: ReadonlySet<number>): Runner {
  const query = compileExpr(ctx, node.query);
  const limitCount = compileExpr(ctx, node.k);
  const offset = node.offset ? compileExpr(ctx, node.offset) : undefined;
  const filter = node.filter ? compileExpr(ctx, node.filter) : undefined;
  const distance = compileExpr(ctx, node.distance);
  // The filter over the table's payload indexes (issue #7): sealed segments get candidate
  // bitmaps from the indexes instead of decoding every row (vector-top-k-filtered.ts). A filter
  // with no indexed part is one residual over every visible row: the same per-segment choice
  // (sampled estimate -> exact + recheck, or an iterative HNSW scan with recheck).
  const filterTree = node.filter ? analyzeFilter(ctx, node.filter, node.columns, node.payloadIndexes ?? []) : undefined;
  const usesIndexes = filterTree !== undefined;
  const filterNeeds = node.filter ? columnsNeeded([node.filter]) : undefined;
  const stats = () => (ctx.stats ? statsOf(ctx.stats, node) : undefined);
  /** EXPLAIN ANALYZE: rows examined and distances computed. */
  const count = (scanned: number, distances: number) => {
    const s = stats();
    if (!s) return;
    s.vector ??= { scanned: 0, distances: 0 };
    s.vector.scanned += scanned;
    s.vector.distances += distances;
  };
  const pause = async () => { await ctx.checkpoint?.(); };
  /** EXPLAIN ANALYZE: segments per filter strategy, their candidate rows and count estimates. */
  const noteStrategy = (out: SegmentOutcome) => {
    const s = stats();
    if (!s) return;
    s.vector ??= { scanned: 0, distances: 0 };
    const st = (s.vector.strategies ??= {});
    const e = (st[out.strategy] ??= { segments: 0, candidates: 0, estimate: { min: 0, expected: 0, max: 0, exact: true, sampled: 0 } });
    e.segments++;
    e.candidates += out.candidates;
    const est = e.estimate!;
    est.min += out.estimate.min;
    est.expected += out.estimate.expected;
    est.max += out.estimate.max;
    est.exact &&= out.estimate.exact;
    est.sampled += out.sampled;
  };
  /** EXPLAIN ANALYZE: the stage-time accumulator of one execution (undefined when not analyzing). */
  const stageTimes = (): StageTimes | undefined => {
    const s = stats();
    if (!s) return undefined;
    s.vector ??= { scanned: 0, distances: 0 };
    return (s.vector.stages ??= { filter: 0, search: 0, fetch: 0 });
  };

  /** Candidates of the filter/own-writes case: per-segment bitmaps from the transaction's rows. */
  async function candidatesFromRows(src: VectorSource, extras: Row[]): Promise<Map<SegmentReader, Uint8Array>> {
    const bits = new Map(src.segments.map((s) => [s, new Uint8Array((s.rowCount() + 7) >>> 3)] as const));
    let batch: Array<{ rowId: number; row: Row }> = [];
    const flush = async () => {
      const pass = filter ? new Set(await filterBatch(filter, batch.map((b) => b.row))) : undefined;
      const s = stats();
      if (s && pass) s.removed += batch.length - pass.size;
      count(batch.length, 0);
      for (const { rowId, row } of batch) {
        if (pass && !pass.has(row)) continue;
        let placed = false;
        for (const seg of src.segments) {
          const i = seg.findRow(rowId);
          if (i < 0) continue;
          const b = bits.get(seg)!;
          b[i >>> 3] |= 1 << (i & 7);
          placed = true;
          break;
        }
        // Not in a segment of the snapshot: the transaction's own insert (ranked in JS).
        if (!placed) extras.push(row);
      }
      batch = [];
      await pause();
    };
    for (const r of src.rows()) {
      batch.push(r);
      if (batch.length >= BATCH_SIZE) await flush();
    }
    await flush();
    return bits;
  }

  /** The transaction's own inserted rows passing the filter (evaluated in JS: they are in no segment). */
  async function ownInsertsPassing(inserted: Iterable<{ row: Row }>): Promise<Row[]> {
    const out: Row[] = [];
    let batch: Row[] = [];
    const flush = async () => {
      const pass = filter ? await filterBatch(filter, batch) : batch;
      count(batch.length, 0);
      const s = stats();
      if (s) s.removed += batch.length - pass.length;
      out.push(...pass);
      batch = [];
      await pause();
    };
    for (const { row } of inserted) {
      batch.push(row);
      if (batch.length >= BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    return out;
  }

  /**
   * A stop flag for the native scans, raised when the statement is canceled (the scan then
   * rejects with 57014); `release` detaches it from the signal.
   */
  /**
   * A stop flag raised on cancel, armed on first read of `stop`: a bounded HNSW search runs
   * synchronously and never reads it, so the common query adds and removes no abort listener.
   */
  function stopFlag(): StopFlag & { release: () => void } {
    let stop: Int32Array | undefined;
    let disarm: (() => void) | undefined;
    return {
      get stop() {
        if (stop) return stop;
        const flag = (stop = new Int32Array(1));
        const signal = ctx.cancelSignal?.();
        if (signal) {
          const raise = () => { flag[0] = 1; };
          if (signal.aborted) raise();
          signal.addEventListener('abort', raise, { once: true });
          disarm = () => signal.removeEventListener('abort', raise);
        }
        return flag;
      },
      release: () => disarm?.(),
    };
  }

  /** Runs `f` with a stop flag raised on cancel; a canceled scan reports the statement's own 57014. */
  async function withStop<T>(f: (flag: StopFlag) => Promise<T>): Promise<T> {
    const flag = stopFlag();
    try {
      return await f(flag);
    } catch (e) {
      const signal = ctx.cancelSignal?.();
      if (signal?.aborted) throw signal.reason;
      throw e;
    } finally {
      flag.release();
    }
  }

  /** The payload-index path's environment, or undefined when the filter cannot use it here. */
  async function filteredEnv(src: VectorSource, col: string, q: Float32Array, k: number, m: (typeof NATIVE_METRICS)[string], stages: StageTimes | undefined, ann?: AnnPlan): Promise<FilteredEnv | undefined> {
    // Own writes are not in the segments' bitmaps: their deletes are cleared from them and their
    // inserts evaluated in JS (payload-index/own-writes.ts); a source that cannot describe them
    // takes the rows() path.
    const own = ownChangesOf(src);
    if (!usesIndexes || !filterTree || !filter || own === undefined || !src.rowsAt) return undefined;
    return {
      own,
      ...(stages ? { stages } : {}),
      src, column: col, query: q, k, metric: m.metric, tree: await resolveFilter(filterTree), filter,
      ...(filterNeeds ? { filterNeeds } : {}),
      ...(ctx.vectorIndexes ? { payload: ctx.vectorIndexes.manager.payload } : {}),
      refs: node.payloadIndexes ?? [], settings: ann?.settings ?? ctx.vectorIndexes?.settings(), withNulls: !ann,
      withStop, pause, count,
      removed: (n: number) => {
        const st = stats();
        if (st) st.removed += n;
      },
    };
  }

  async function nativeRank(src: VectorSource, col: string, q: Float32Array, k: number, m: (typeof NATIVE_METRICS)[string], ann?: AnnPlan): Promise<Ranked[]> {
    const extras: Row[] = [];
    const stages = stageTimes();
    const t0 = now();
    const env = await filteredEnv(src, col, q, k, m, stages, ann);
    const rowBits = !env && (filter || src.ownWrites) ? await candidatesFromRows(src, extras) : undefined;
    if (env?.own) extras.push(...(await ownInsertsPassing(env.own.inserted())));
    if (stages) stages.filter += now() - t0;
    const merged: Candidate[] = [];
    const nullRows: number[] = [];
    for (const seg of src.segments) {
      // An empty segment (the write buffer between flushes) has nothing to rank: no exact scan,
      // no stop flag, no pause for it.
      if (seg.rowCount() === 0) continue;
      if (env) {
        const index = ann ? await segmentIndexOf(ann.rt, src.storageId, seg, ann.spec) : undefined;
        const out = await filteredSegmentTopK(env, seg, index);
        nullRows.push(...out.nullRows);
        noteStrategy(out);
        for (let j = 0; j < out.positions.length; j++) merged.push({ rowId: seg.rowId(out.positions[j]), dist: m.scale(out.dists[j]), seg, pos: out.positions[j] });
        await pause();
        continue;
      }
      const tf = now();
      const arenaRows = Math.min(seg.vectorArena(col).rows, seg.rowCount());
      const index = ann ? await segmentIndexOf(ann.rt, src.storageId, seg, ann.spec) : undefined;
      // Every row admitted (no filter, no deleted / invisible / NULL row): hnsw needs no bitmap,
      // and the segment answers that from its cached visibility without copying one.
      const everyRow = index?.am === 'hnsw' && !rowBits && seg.allAdmitted(src.snapshot, col);
      const bits = everyRow ? NO_BITS : rowBits?.get(seg) ?? seg.visibleBitmap(src.snapshot);
      // The index path needs no candidate list: visible AND filter AND non-NULL as a bitmap.
      const allow = !index ? undefined : everyRow ? { bits, count: arenaRows }
        : (index.am === 'hnsw' ? fullAllow(bits, seg.vectorValidity(col), arenaRows) : undefined) ?? andAllowBitmap(bits, seg.vectorValidity(col), arenaRows);
      const c = allow ? { ids: new Uint32Array(0), nullRows: [] } : bitsToPositions(bits, seg.vectorValidity(col), arenaRows, seg);
      // NULL vectors are not in an ANN index (pgvector does not index them).
      if (!ann) nullRows.push(...c.nullRows);
      count(rowBits ? 0 : c.ids.length + c.nullRows.length, c.ids.length);
      const ts = now();
      if (stages) stages.filter += ts - tf;
      let top: AnnSearchResult;
      try {
        top = await withStop<AnnSearchResult>((flag) => index && allow
          ? index.search({ arena: seg.vectorArena(col), query: q, k, allow: allow.bits, allowed: allow.count, settings: ann!.settings, stop: flag })
          : segmentTopK({ segment: seg, column: col, metric: m.metric, query: q, k, ids: c.ids, stop: flag.stop }));
        if (index) count(0, top.distances ?? top.positions.length);
      } finally {
        if (stages) stages.search += now() - ts;
      }
      for (let j = 0; j < top.positions.length; j++) merged.push({ rowId: seg.rowId(top.positions[j]), dist: m.scale(top.dists[j]), seg, pos: top.positions[j] });
      await pause();
    }
    const tx = now();
    const nullExtras: Row[] = [];
    for (const row of extras) {
      const d = distanceOf(distance, row);
      count(0, 1);
      if (d === null) {
        if (!ann) nullExtras.push(row);
      } else merged.push({ rowId: -1, dist: d, row });
    }
    merged.sort((a, b) => compareDistance(a.dist, b.dist));
    const tr = now();
    if (stages) stages.search += tr - tx;
    const out: Ranked[] = [];
    // An index search whose consumer does not read the ordered vector (SELECT id ... ORDER BY
    // emb <-> q): rows are read in place without their vectors and keep the index's order and
    // distances (an approximate scan either way); otherwise the scalar operator re-ranks them.
    const lean = ann !== undefined && needs !== undefined && !needs.has(node.vectorIndex) && !src.ownWrites && src.rowsAt !== undefined;
    const top = merged.slice(0, k);
    const leanRows = lean ? leanRowsOf(src, top, needs) : undefined;
    for (let j = 0; j < top.length; j++) {
      const c = top[j];
      const leanRow = leanRows?.[j];
      if (leanRow) {
        out.push({ row: leanRow, dist: c.dist });
        continue;
      }
      const row = c.row ?? src.get(c.rowId);
      if (row) out.push({ row, dist: distanceOf(distance, row) });
    }
    out.sort((a, b) => compareDistance(a.dist, b.dist));
    // NULL vectors only fill up to k (PostgreSQL sorts them last).
    for (const rowId of nullRows) {
      if (out.length >= k) break;
      const row = src.get(rowId);
      if (row) out.push({ row, dist: null });
    }
    for (const row of nullExtras) {
      if (out.length >= k) break;
      out.push({ row, dist: null });
    }
    if (stages) stages.fetch += now() - tr;
    return out;
  }

  return () => new ComputedBatches(rankAll);

  /** The whole ranked result, cut into batches (one run; ComputedBatches calls it once). */
  async function rankAll(): Promise<Row[][]> {
    const c = (await evalAsync(limitCount, [])) as bigint | null;
    const o = offset ? ((await evalAsync(offset, [])) as bigint | null) : null;
    // Negative counts: the Limit above raises PostgreSQL's errors before pulling from here.
    if (c !== null && c <= 0n) return [];
    const kAll = c === null ? Infinity : Number(c) + Number(o !== null && o > 0n ? o : 0n);
    const q = await evalAsync(query, []);
    const src = ctx.tables.vectorSource?.(node.table, node.columns);
    const col = src?.storageColumn(node.vectorColumn);
    const m = NATIVE_METRICS[node.metric];
    const rt = ctx.vectorIndexes;
    // An index owning its vectors (halfvec / bit / expression key): vector-index/ann-owned-rank.ts.
    const owned = node.index?.key && src && rt ? ownedSpec(ctx, node, src) : undefined;
    const spec = owned ?? (node.index && col && rt ? planIndexSpec(node.index, col) : undefined);
    const ann = spec && rt ? { rt, spec, settings: rt.settings() } : undefined;
    let k = kAll;
    // pgvector: without an iterative scan an HNSW index scan returns at most ef_search rows.
    if (ann && ann.spec.am === 'hnsw' && ann.settings.iterativeScan === 'off') k = Math.min(k, ann.settings.efSearch);
    let ranked: Ranked[];
    // The column's declared dimension must still be the storage column's (ALTER COLUMN TYPE to
    // another one moves new values to the payload: row-format.ts).
    const declared = node.columns[node.vectorIndex]?.type.typmod;
    const viaOwned = owned && ann && src ? await ownedRank({
      ctx, node, src, rt: ann.rt, spec: owned, settings: ann.settings, query: q, k, distance, count, pause,
      ...(filter ? { filter } : {}),
      withStop,
    }) : undefined;
    if (viaOwned) {
      ranked = viaOwned;
    } else if (src && col && m && declared === col.dim && Number.isFinite(k) && q instanceof Float32Array && q.length === col.dim) {
      ranked = await nativeRank(src, col.name, q, k, m, ann);
    } else {
      const rows = src ? src.rows() : ctx.tables.scan(node.table, node.columns);
      ranked = await rankRows(rows, k, distance, filter, async (scanned, passed) => {
        count(scanned, passed);
        const s = stats();
        if (s && filter) s.removed += scanned - passed;
        await pause();
      });
    }
    const batches: Row[][] = [];
    for (let i = 0; i < ranked.length; i += BATCH_SIZE) batches.push(ranked.slice(i, i + BATCH_SIZE).map((r) => r.row));
    return batches;
  }
}
