// EXPLAIN ANALYZE instrumentation: every operator's runner is wrapped to count its runs
// (loops), the rows it yields and the time to its first and last batch. The times include
// the node's inputs and any time its consumer spent between pulls of a batch, as
// PostgreSQL's (inclusive) node timings do for a pipelined tree. Only runs that ask for
// stats pay for the wrapping.
import type { NodeStats, PhysicalNode } from '@vecgres/planner';
import type { ExecContext } from './exec-context';
import type { Runner } from '../operators/runner';

/** Measured statistics by physical node (identity of the plan's node objects). */
export type PlanStats = Map<PhysicalNode, NodeStats>;

export function statsOf(stats: PlanStats, node: PhysicalNode): NodeStats {
  let s = stats.get(node);
  if (!s) {
    s = { loops: 0, rows: 0, startupMs: 0, totalMs: 0, removed: 0 };
    stats.set(node, s);
  }
  return s;
}

/** `run`, counting into `ctx.stats` when the statement is being analyzed. */
export function instrument(node: PhysicalNode, ctx: ExecContext, run: Runner): Runner {
  const stats = ctx.stats;
  if (!stats) return run;
  return async function* instrumented() {
    const s = statsOf(stats, node);
    s.loops++;
    const start = performance.now();
    let first = true;
    try {
      for await (const batch of run()) {
        if (first) {
          s.startupMs += performance.now() - start;
          first = false;
        }
        s.rows += batch.length;
        yield batch;
      }
    } finally {
      if (first) s.startupMs += performance.now() - start;
      s.totalMs += performance.now() - start;
    }
  };
}
