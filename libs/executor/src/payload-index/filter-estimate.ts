// EXPLAIN (without ANALYZE) of a filtered Vector Top-K: the strategy the executor would pick
// per segment (vector-top-k-filtered.ts) from the payload indexes' counts at explain time, and
// the estimated matching rows:
//   Filter Strategy: exact over payload index (estimated rows: 1010 of 100000)
// Estimates are exact counts when the filter is fully indexed (exact bitmaps); otherwise the
// indexed superset's count, sampled as the executor does (filter-sample.ts) where that superset
// straddles the full-scan threshold of a segment with an ANN index. The mutable segment counts
// its visible rows as candidates (it is always searched exactly with the filter on its rows).
import type { PhysicalVectorTopK } from '@vecgres/planner';
import { RowBitmap } from '@vecgres/payload-index';
import type { ExecContext } from '../exec/exec-context';
import { analyzeFilter, resolveFilter } from './filter-tree';
import { leafIndexes, segmentCandidates } from './segment-filter';
import type { SegmentPayloadIndex } from './payload-file';
import { planIndexSpec, segmentIndexOf } from '../vector-index/ann-runtime';
import { DEFAULT_FULL_SCAN_THRESHOLD_KB, hnswPlan } from '../operators/vector-top-k-filtered';
import { DEFAULT_SEARCH_SETTINGS } from '../vector-index/ann-index';
import { columnsNeeded } from '../operators/vector-top-k-columns';
import { filterBatch } from '../operators/runner';
import { compileExpr } from '../expr/compile-expr';
import type { Row } from '../exec/exec-context';
import { sampleCount, seedOf } from './filter-sample';
import { ownChangesOf, visibleWithout } from './own-writes';

/** Every Vector Top-K node of a plan (a generic walk: plans are small plain data). */
function vectorNodes(root: unknown, out: PhysicalVectorTopK[] = [], seen = new Set<unknown>()): PhysicalVectorTopK[] {
  if (!root || typeof root !== 'object' || seen.has(root)) return out;
  seen.add(root);
  if ((root as { kind?: unknown }).kind === 'vectorTopK') out.push(root as PhysicalVectorTopK);
  for (const v of Object.values(root)) if (v && typeof v === 'object') vectorNodes(v, out, seen);
  return out;
}

/** The `Filter Strategy:` line of one node, or undefined (no indexable filter / no segments). */
async function estimateNode(ctx: ExecContext, node: PhysicalVectorTopK): Promise<string | undefined> {
  if (!node.filter) return undefined;
  const src = ctx.tables.vectorSource?.(node.table, node.columns);
  const own = src ? ownChangesOf(src) : undefined;
  if (!src || own === undefined) return undefined;
  const tree = analyzeFilter(ctx, node.filter, node.columns, node.payloadIndexes ?? []);
  const resolved = await resolveFilter(tree);
  const rt = ctx.vectorIndexes;
  const col = src.storageColumn(node.vectorColumn);
  const spec = rt && node.index && col ? planIndexSpec(node.index, col) : undefined;
  const settings = rt?.settings();
  const kb = settings?.fullScanThresholdKb ?? DEFAULT_FULL_SCAN_THRESHOLD_KB;
  const votes = new Map<string, number>();
  let estimated = 0;
  let total = 0;
  for (const seg of src.segments) {
    const rows = seg.rowCount();
    const visible = visibleWithout(seg, src.snapshot, own);
    const live = new RowBitmap(rows, visible).count();
    total += live;
    const indexes = new Map<number, SegmentPayloadIndex>();
    if (seg.sealed && rt && src.storageId !== undefined) {
      for (const oid of leafIndexes(resolved)) {
        const ref = node.payloadIndexes?.find((r) => r.oid === oid);
        const ix = ref ? await rt.manager.payload.segmentIndex(src.storageId, seg, ref) : undefined;
        if (ix) indexes.set(oid, ix);
      }
    }
    const res = segmentCandidates(resolved, indexes, rows, visible);
    let count = res ? res.estimate.expected : live;
    const dim = col?.dim ?? 1;
    const threshold = Math.floor((kb * 1024) / Math.max(1, dim * 4));
    let small = count <= threshold;
    const ann = spec && rt ? await segmentIndexOf(rt, src.storageId, seg, spec) : undefined;
    if (!res?.exact && !small && ann?.searchRechecked && src.rowsAt && node.filter) {
      // As the executor: a superset straddling the threshold is sampled.
      const positions = (res?.bits ?? new RowBitmap(rows, visible)).positions();
      const filter = compileExpr(ctx, node.filter);
      const needs = columnsNeeded([node.filter]);
      const check = async (p: Uint32Array) => {
        const batch: Row[] = src.rowsAt!(seg, p, needs);
        const pass = new Set(await filterBatch(filter, batch));
        return batch.map((r) => pass.has(r));
      };
      const sample = await sampleCount(positions, threshold, check, seedOf(`${seg.id}/${positions.length}`));
      count = sample.estimate.expected;
      small = count <= threshold;
    }
    estimated += count;
    let strategy: string;
    if (res?.exact) strategy = small || !ann ? 'exact over payload index' : hnswPlan(ann, res.bits.bits, count, rows, settings ?? DEFAULT_SEARCH_SETTINGS).strategy;
    else strategy = small || !ann ? 'exact + recheck' : 'hnsw iterative + recheck';
    if (count > 0) votes.set(strategy, (votes.get(strategy) ?? 0) + 1);
  }
  const names = [...votes.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
  return `Filter Strategy: ${names.length > 0 ? names.join(' / ') : 'exact over payload index'} (estimated rows: ${Math.round(estimated)} of ${total})`;
}

/**
 * The estimate lines of every filtered Vector Top-K in `plan`, for explainLines' `vectorFilter`
 * option (EXPLAIN without ANALYZE; the session's explain runs this before rendering).
 */
export async function estimateVectorFilters(ctx: ExecContext, plan: unknown): Promise<(n: PhysicalVectorTopK) => string[] | undefined> {
  const lines = new Map<PhysicalVectorTopK, string[]>();
  for (const node of vectorNodes(plan)) {
    const line = await estimateNode(ctx, node);
    if (line) lines.set(node, [line]);
  }
  return (n) => lines.get(n);
}
