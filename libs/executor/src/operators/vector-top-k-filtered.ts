// Vector Top-K with a WHERE filter over payload indexes (issue #7): per segment, the filter's
// candidate bitmap (payload-index/segment-filter.ts) and a strategy chosen from its count,
// after Qdrant's per-segment planner (features.md 2.3):
//
//   candidates = visible AND index bitmap [superset: recheck]        (mutable segment: all visible)
//        │
//        ├─ exact filter, count * rowBytes <= full_scan_threshold, or no ANN index
//        │        -> exact: native scanTopK over the candidate positions
//        ├─ exact filter, large    -> hnsw filtered (allow bitmap), two-hop when
//        │                            count / rows <= vecgres.two_hop_selectivity;
//        │                            rows inside one payload-link group (payload_m) -> two-hop
//        │                            over the group's links at 2 * ef_search (hnswPlan)
//        ├─ superset, small        -> recheck the ORIGINAL filter on the candidates' rows, then exact
//        └─ superset, large        -> its true count lies in [0, candidates], straddling the
//                                     threshold: SAMPLE the residual (payload-index/filter-sample.ts)
//              ├─ estimate below   -> recheck all, then exact (as small)
//              └─ estimate above   -> hnsw iterative over the candidates, rechecking each batch
//                                     until k rows pass
//   an index path returning fewer than min(k, count) rows -> recheck + exact for that segment,
//   so a query returns k rows whenever k rows match.
import type { PayloadIndexRef } from '@vecgres/planner';
import { RowBitmap, exactEstimate, type CardinalityEstimate } from '@vecgres/payload-index';
import { segmentTopK, type SegmentMetric, type SegmentReader } from '@vecgres/storage';
import type { Compiled } from '../expr/compile-expr';
import type { VectorSource } from '../storage/vector-source';
import { DEFAULT_TWO_HOP_SELECTIVITY, LINKED_GROUP_SHARE, type AnnSearchSettings, type AnnSegmentIndex, type StopFlag } from '../vector-index/ann-index';
import { andAllowBitmap } from '../vector-index/ann-allow';
import type { PayloadIndexManager } from '../payload-index/payload-index-manager';
import type { SegmentPayloadIndex } from '../payload-index/payload-file';
import type { ResolvedTree } from '../payload-index/filter-tree';
import { leafIndexes, segmentCandidates } from '../payload-index/segment-filter';
import { sampleCount, seedOf } from '../payload-index/filter-sample';
import { visibleWithout, type OwnChanges } from '../payload-index/own-writes';
import { filterBatch } from './runner';

export type SegmentStrategy =
  'exact' | 'exact + recheck' | 'hnsw filtered' | 'hnsw two-hop' | 'hnsw payload links' | 'hnsw iterative + recheck' | 'ann filtered';

/**
 * How a filtered ANN search over exact candidates (`allow`, `allowed` of `rows` set) walks:
 * over a payload-link group, two-hop at 2 * ef_search (LINKED_GROUP_SHARE); else two-hop below
 * vecgres.two_hop_selectivity; else the plain filtered walk. Shared with EXPLAIN's estimate.
 */
export function hnswPlan(
  index: AnnSegmentIndex, allow: Uint8Array, allowed: number, rows: number, settings: AnnSearchSettings,
): { strategy: SegmentStrategy; twoHop: boolean; settings: AnnSearchSettings } {
  if (index.am !== 'hnsw') return { strategy: 'ann filtered', twoHop: false, settings };
  // A set the groups do not follow keeps about its selectivity of the links: ask for twice it.
  const share = index.payloadLinkShare?.(allow) ?? 0;
  if (share >= LINKED_GROUP_SHARE && share >= (2 * allowed) / Math.max(1, rows)) {
    return { strategy: 'hnsw payload links', twoHop: true, settings: { ...settings, efSearch: Math.min(2 * settings.efSearch, MAX_LINKED_EF) } };
  }
  const sel = settings.twoHopSelectivity ?? DEFAULT_TWO_HOP_SELECTIVITY;
  const twoHop = sel > 0 && allowed / Math.max(1, rows) <= sel;
  return { strategy: twoHop ? 'hnsw two-hop' : 'hnsw filtered', twoHop, settings };
}

/** hnsw.ef_search's ceiling (vecgres accepts up to 10,000). */
const MAX_LINKED_EF = 10000;

/** Qdrant's default full_scan_threshold: 10,000 kB of vectors. */
export const DEFAULT_FULL_SCAN_THRESHOLD_KB = 10000;

/** EXPLAIN ANALYZE: milliseconds per stage (filter: bitmaps, rechecks, samples; search: native; fetch: rows). */
export interface StageTimes { filter: number; search: number; fetch: number }

export const now = (): number => performance.now();

export interface FilteredEnv {
  src: VectorSource;
  column: string;
  query: Float32Array;
  k: number;
  metric: SegmentMetric;
  tree: ResolvedTree;
  filter: Compiled;
  /** Positions of the node's row the filter reads (undefined: all). */
  filterNeeds?: ReadonlySet<number>;
  payload?: PayloadIndexManager;
  refs: readonly PayloadIndexRef[];
  settings?: AnnSearchSettings;
  /** NULL vectors are candidates (exact strategy: they rank last); an index scan never returns them. */
  withNulls: boolean;
  withStop<T>(f: (flag: StopFlag) => Promise<T>): Promise<T>;
  pause(): Promise<void>;
  /** EXPLAIN ANALYZE counters: rows examined, distances computed. */
  count(scanned: number, distances: number): void;
  /** EXPLAIN ANALYZE: rows a recheck of the filter removed (Rows Removed by Filter). */
  removed?(rows: number): void;
  /** The transaction's own writes to the table (its deletes are cleared from the visibility bitmaps). */
  own?: OwnChanges | null;
  /** EXPLAIN ANALYZE: stage times, accumulated (absent: not measured). */
  stages?: StageTimes;
}

export interface SegmentOutcome {
  positions: Uint32Array;
  /** Native distances (the metric's own value), parallel to positions. */
  dists: Float32Array;
  /** Row ids of passing rows whose vector is NULL. */
  nullRows: number[];
  strategy: SegmentStrategy;
  /** Candidates after the index step (a superset when the filter was not exact). */
  candidates: number;
  /** The count estimate the strategy was chosen from. */
  estimate: CardinalityEstimate;
  /** Candidates a sample checked (0: no sample). */
  sampled: number;
}

const EMPTY = { positions: new Uint32Array(0), dists: new Float32Array(0) };

/**
 * Candidate rows of `seg` at `positions` that pass the original filter (decoding only those
 * rows). `sample`: a sample's check (its rows are not "removed by filter").
 */
async function recheck(env: FilteredEnv, seg: SegmentReader, positions: Uint32Array, sample = false): Promise<boolean[]> {
  const out = new Array<boolean>(positions.length).fill(false);
  if (!env.src.rowsAt) return out;
  const t0 = now();
  for (let start = 0; start < positions.length; start += 1024) {
    const end = Math.min(positions.length, start + 1024);
    const rows = env.src.rowsAt(seg, positions.subarray(start, end), env.filterNeeds);
    const pass = new Set(await filterBatch(env.filter, rows));
    for (let j = start; j < end; j++) out[j] = pass.has(rows[j - start]);
    env.count(end - start, 0);
    if (!sample) env.removed?.(end - start - pass.size);
    if (end < positions.length) await env.pause();
  }
  if (env.stages) env.stages.filter += now() - t0;
  return out;
}

/**
 * Runs a search, adding its time to the search stage less the rechecks it made (those count
 * as filter time, added by recheck itself).
 */
async function timedSearch<T>(env: FilteredEnv, f: () => Promise<T>): Promise<T> {
  const st = env.stages;
  if (!st) return f();
  const t0 = now();
  const f0 = st.filter;
  try {
    return await f();
  } finally {
    st.search += now() - t0 - (st.filter - f0);
  }
}

/** The filter's exact bitmap over `seg` from a superset: rechecks every candidate. */
async function recheckAll(env: FilteredEnv, seg: SegmentReader, cands: RowBitmap): Promise<RowBitmap> {
  const positions = cands.positions();
  const pass = await recheck(env, seg, positions);
  const kept: number[] = [];
  for (let j = 0; j < positions.length; j++) if (pass[j]) kept.push(positions[j]);
  return RowBitmap.fromPositions(cands.rows, kept);
}

/** Exact top-k over the exact candidate bitmap `bits`: the native batched scan over their positions. */
async function exactTopK(env: FilteredEnv, seg: SegmentReader, bits: RowBitmap, arenaRows: number): Promise<{ positions: Uint32Array; dists: Float32Array; nullRows: number[] }> {
  const validity = seg.vectorValidity(env.column);
  const ids: number[] = [];
  const nullRows: number[] = [];
  for (const p of bits.positions()) {
    if (p < arenaRows && (validity[p >>> 3] & (1 << (p & 7))) !== 0) ids.push(p);
    else if (env.withNulls) nullRows.push(seg.rowId(p));
  }
  env.count(0, ids.length);
  if (ids.length === 0) return { ...EMPTY, nullRows };
  const top = await timedSearch(env, () => env.withStop((flag) => segmentTopK({
    segment: seg, column: env.column, metric: env.metric, query: env.query, k: env.k, ids: Uint32Array.from(ids), stop: flag.stop,
  })));
  return { positions: top.positions, dists: top.dists, nullRows };
}

/** The payload indexes of sealed `seg` the filter's leaves read (built now when missing). */
async function indexesOf(env: FilteredEnv, seg: SegmentReader): Promise<Map<number, SegmentPayloadIndex>> {
  const out = new Map<number, SegmentPayloadIndex>();
  if (!seg.sealed || !env.payload || env.src.storageId === undefined) return out;
  for (const oid of leafIndexes(env.tree)) {
    const ref = env.refs.find((r) => r.oid === oid);
    const ix = ref ? await env.payload.segmentIndex(env.src.storageId, seg, ref) : undefined;
    if (ix) out.set(oid, ix);
  }
  return out;
}

/** Rows a segment of `rows` positions may scan exactly under vecgres.full_scan_threshold. */
function fullScanRows(env: FilteredEnv, dim: number): number {
  const kb = env.settings?.fullScanThresholdKb ?? DEFAULT_FULL_SCAN_THRESHOLD_KB;
  return Math.floor((kb * 1024) / Math.max(1, dim * 4));
}

/** One segment's top-k under the filter; `index`: the segment's ANN index, if the plan searches one. */
export async function filteredSegmentTopK(env: FilteredEnv, seg: SegmentReader, index: AnnSegmentIndex | undefined): Promise<SegmentOutcome> {
  const rows = seg.rowCount();
  const arena = seg.vectorArena(env.column);
  const arenaRows = Math.min(arena.rows, rows);
  const t0 = now();
  const visible = visibleWithout(seg, env.src.snapshot, env.own);
  const res = segmentCandidates(env.tree, await indexesOf(env, seg), rows, visible);
  let cands = res?.bits ?? new RowBitmap(rows, visible);
  let count = res?.count ?? cands.count();
  let exact = res?.exact ?? false;
  if (env.stages) env.stages.filter += now() - t0;
  const candidates = count;
  // A superset's true count is anywhere in [0, candidates].
  let estimate: CardinalityEstimate = exact || count === 0 ? exactEstimate(count) : { min: 0, expected: count, max: count, exact: false };
  let sampled = 0;
  if (count === 0) return { ...EMPTY, nullRows: [], strategy: 'exact', candidates, estimate, sampled };
  const threshold = fullScanRows(env, arena.dim);
  const small = count <= threshold;
  const settings = env.settings;
  let strategy: SegmentStrategy = exact ? 'exact' : 'exact + recheck';
  if (!exact && index && settings && !small && index.searchRechecked) {
    // [0, count] straddles the threshold: sample the residual on random candidates.
    const s = await sampleCount(cands.positions(), threshold, (p) => recheck(env, seg, p, true), seedOf(`${seg.id}/${count}`));
    estimate = s.estimate;
    sampled = s.sampled;
  }
  if (!exact && index && settings && !small && index.searchRechecked && estimate.expected > threshold) {
    // (d) a superset too large to recheck whole: iterate the index, rechecking per batch.
    const allow = andAllowBitmap(cands.bits, seg.vectorValidity(env.column), arenaRows);
    const top = await timedSearch(env, () => env.withStop((flag) => index.searchRechecked!(
      { arena, query: env.query, k: env.k, allow: allow.bits, allowed: allow.count, settings, stop: flag },
      (positions) => recheck(env, seg, positions),
    )));
    env.count(0, top.distances ?? top.positions.length);
    if (top.positions.length >= Math.min(env.k, allow.count)) return { ...top, nullRows: [], strategy: 'hnsw iterative + recheck', candidates, estimate, sampled };
  }
  if (!exact) {
    cands = await recheckAll(env, seg, cands);
    count = cands.count();
    exact = true;
  }
  if (index && settings && count > fullScanRows(env, arena.dim)) {
    // (b) / (c): filtered HNSW over the exact candidates.
    const allow = andAllowBitmap(cands.bits, seg.vectorValidity(env.column), arenaRows);
    const plan = hnswPlan(index, allow.bits, allow.count, arenaRows, settings);
    const twoHop = plan.twoHop;
    const top = await timedSearch(env, () => env.withStop((flag) => index.search({
      arena, query: env.query, k: env.k, allow: allow.bits, allowed: allow.count, settings: plan.settings, stop: flag, ...(twoHop ? { twoHop } : {}),
      // A walk whose allowed rows lie far from the query crosses most of the graph (fashion-mnist,
      // another label's 10 %: 36k distances for 6k rows); past as many distances as the exact
      // ranking of the rows costs (a sequential scan, cheaper per distance), it gives up and the
      // rows are ranked exactly below.
      maxDistances: allow.count,
    })));
    env.count(0, top.distances ?? top.positions.length);
    if (top.positions.length >= Math.min(env.k, allow.count)) {
      return { ...top, nullRows: [], strategy: plan.strategy, candidates, estimate, sampled };
    }
  }
  const top = await exactTopK(env, seg, cands, arenaRows);
  return { ...top, strategy, candidates, estimate, sampled };
}
