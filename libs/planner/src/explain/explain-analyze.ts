// EXPLAIN ANALYZE decorations, in PostgreSQL 15's text format (explain.c): the
// `(actual time=S..T rows=R loops=L)` suffix of each node (`(actual rows=R loops=L)` with
// TIMING OFF; `(never executed)` for a node that never ran), and `Rows Removed by Filter: N`
// under a node whose filter dropped rows. Values are per loop: rows and removed rows rounded
// (%.0f), times in milliseconds with 3 decimals. The executor measures; this file only prints.
import type { PhysicalNode } from '../plan/physical-node';

/** What the executor measured for one physical node (totals over all its runs). */
export interface NodeStats {
  /** Times the node was started (a correlated subplan's nodes run once per outer row). */
  loops: number;
  /** Rows it produced. */
  rows: number;
  /** Milliseconds until its first batch, summed over loops. */
  startupMs: number;
  /** Milliseconds until it finished, summed over loops. */
  totalMs: number;
  /** Rows its own pushed-down filter dropped (scans). */
  removed: number;
  /** Vector Top-K: rows it examined (visible in the snapshot) and distances it computed. */
  vector?: {
    scanned: number;
    distances: number;
    /**
     * Filtered searches (issue #7): per filter strategy, segments, candidate rows and the summed
     * count estimate the strategy was chosen from (`sampled`: candidates whose residual a
     * sample checked; `exact`: every segment's count was known exactly).
     */
    strategies?: Record<string, StrategyStats>;
    /**
     * Milliseconds per stage: filter (payload bitmaps, rechecks, samples), search (native scans
     * and index searches), fetch (reading the result rows).
     */
    stages?: { filter: number; search: number; fetch: number };
  };
}

/** One filter strategy's segments in a Vector Top-K (EXPLAIN ANALYZE `Filter Strategy:`). */
export interface StrategyStats {
  segments: number;
  candidates: number;
  estimate?: { min: number; expected: number; max: number; exact: boolean; sampled: number };
}

export interface AnalyzeOptions {
  stats(node: PhysicalNode): NodeStats | undefined;
  timing: boolean;
}

const perLoop = (v: number, loops: number) => (v / loops).toFixed(0);

/** The suffix after a node's title (with its leading space). */
export function actualText(s: NodeStats | undefined, timing: boolean): string {
  if (!s || s.loops === 0) return ' (never executed)';
  const rows = `rows=${perLoop(s.rows, s.loops)} loops=${s.loops}`;
  if (!timing) return ` (actual ${rows})`;
  return ` (actual time=${(s.startupMs / s.loops).toFixed(3)}..${(s.totalMs / s.loops).toFixed(3)} ${rows})`;
}

/**
 * Rows the printed node's filters removed, per loop: a Filter node folded into its input
 * (its input's rows minus its own) plus the scan's own filter. Undefined when nothing ran.
 */
export function removedByFilter(n: PhysicalNode, a: AnalyzeOptions): string | undefined {
  let removed = 0;
  const top = a.stats(n);
  if (!top || top.loops === 0) return undefined;
  let x = n;
  for (;;) {
    if (x.kind === 'filter') {
      const own = a.stats(x);
      const input = a.stats(x.input);
      if (own && input) removed += input.rows - own.rows;
    } else if (x.kind !== 'project') {
      break;
    }
    x = x.input;
  }
  if (x.kind === 'scan' || x.kind === 'vectorTopK') removed += a.stats(x)?.removed ?? 0;
  return removed > 0 ? perLoop(removed, top.loops) : undefined;
}

/**
 * `1010 exact` (known counts), `480 sampled 200 rows [402..561]` (a sample decided), or
 * `0..2000` (index bounds only: a superset whose residual was not sampled).
 */
function estimateText(e: NonNullable<StrategyStats['estimate']>, loops: number): string {
  if (e.exact) return `${perLoop(e.expected, loops)} exact`;
  const range = `${perLoop(e.min, loops)}..${perLoop(e.max, loops)}`;
  return e.sampled > 0 ? `${perLoop(e.expected, loops)} sampled ${perLoop(e.sampled, loops)} rows [${range}]` : range;
}

/** EXPLAIN ANALYZE lines of a Vector Top-K Scan: rows examined and distances computed, per loop. */
export function vectorScanLines(n: PhysicalNode, a: AnalyzeOptions): string[] {
  // The printed node may be a Project (not printed) over the scan.
  let x = n;
  while (x.kind === 'project' || x.kind === 'filter') x = x.input;
  const s = x.kind === 'vectorTopK' ? a.stats(x) : undefined;
  if (!s?.vector || s.loops === 0) return [];
  const lines = [`Rows Scanned: ${perLoop(s.vector.scanned, s.loops)}`, `Distances Computed: ${perLoop(s.vector.distances, s.loops)}`];
  for (const [name, st] of Object.entries(s.vector.strategies ?? {})) {
    const est = st.estimate ? `, estimate: ${estimateText(st.estimate, s.loops)}` : '';
    lines.push(`Filter Strategy: ${name} (segments: ${perLoop(st.segments, s.loops)}, candidate rows: ${perLoop(st.candidates, s.loops)}${est})`);
  }
  const t = s.vector.stages;
  if (t && a.timing) {
    const ms = (v: number) => `${(v / s.loops).toFixed(3)} ms`;
    lines.push(`Stages: filter=${ms(t.filter)} search=${ms(t.search)} fetch=${ms(t.fetch)}`);
  }
  return lines;
}
