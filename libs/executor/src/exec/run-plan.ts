// Running a PlannedStatement: builds the operator tree (expressions compile here, once), wires
// the subplan runner, and returns the result rows as an async stream of batches. Helper
// columns beyond `visibleWidth` are cut before rows leave.
import type { CodecRegistry } from '@vecgres/pg-types';
import type { PlannedStatement } from '@vecgres/planner';
import { buildNode } from '../operators/build-node';
import { rootVectorTopKNeeds } from '../operators/vector-top-k-columns';
import type { ModifyCounter } from '../operators/modify';
import { collect, type Runner } from '../operators/runner';
import type { ExecContext, Frame, FunctionSessionPart, Row, TableAccess } from './exec-context';
import { instrument, type PlanStats } from './plan-stats';

export interface RunOptions {
  params: readonly unknown[];
  sessionFunctions?: Readonly<Record<string, (...args: any[]) => unknown>>;
  codecs: CodecRegistry;
  tables: TableAccess;
  /** EXPLAIN ANALYZE: filled with per-node statistics (see ExecContext.stats). */
  stats?: PlanStats;
  /** See ExecContext.functionSession. */
  functionSession?: FunctionSessionPart;
  /** See ExecContext.checkpoint. */
  checkpoint?: () => Promise<void>;
  /** See ExecContext.cancelSignal. */
  cancelSignal?: () => AbortSignal | undefined;
  /** See ExecContext.vectorIndexes. */
  vectorIndexes?: ExecContext['vectorIndexes'];
}

export interface PlanRun {
  /** Result batches (each row `visibleWidth` wide). */
  batches: AsyncGenerator<Row[]>;
  /** Rows inserted/updated/deleted so far (final once `batches` is drained). */
  counter: ModifyCounter;
}

export function runPlan(plan: PlannedStatement, opts: RunOptions): PlanRun {
  const counter: ModifyCounter = { rows: 0 };
  const initPlans = new Map<number, Promise<Row[]>>();
  // One context (and frame) per subplan, so a correlated subplan's compiled closures read the
  // outer rows its runner installs before each run.
  const subRunners: Array<{ ctx: ExecContext; run: Runner } | undefined> = [];
  const makeCtx = (): ExecContext => ({
    params: opts.params,
    sessionFunctions: opts.sessionFunctions ?? {},
    codecs: opts.codecs,
    tables: opts.tables,
    subplans: plan.subplans,
    frame: { outer: [] },
    initPlans,
    ...(opts.checkpoint ? { checkpoint: opts.checkpoint } : {}),
    ...(opts.cancelSignal ? { cancelSignal: opts.cancelSignal } : {}),
    ...(opts.vectorIndexes ? { vectorIndexes: opts.vectorIndexes } : {}),
    ...(opts.stats ? { stats: opts.stats } : {}),
    ...(opts.functionSession ? { functionSession: opts.functionSession } : {}),
    runSubplan: async (index: number, frame: Frame) => {
      let sub = subRunners[index];
      if (!sub) {
        const ctx = makeCtx();
        sub = { ctx, run: instrument(plan.subplans[index], ctx, buildNode(plan.subplans[index], ctx, counter)) };
        subRunners[index] = sub;
      }
      sub.ctx.frame.outer = frame.outer;
      return collect(sub.run);
    },
  });
  const rootCtx = makeCtx();
  const root = instrument(plan.root, rootCtx, buildNode(plan.root, rootCtx, counter, rootVectorTopKNeeds(plan.root, plan.visibleWidth)));
  const width = plan.visibleWidth;
  async function* batches(): AsyncGenerator<Row[]> {
    // Data-modifying WITH queries run once, first, referenced or not.
    for (const i of plan.preSteps ?? []) {
      let rows = initPlans.get(i);
      if (!rows) {
        rows = rootCtx.runSubplan(i, { outer: [] });
        initPlans.set(i, rows);
      }
      await rows;
    }
    for await (const b of root()) {
      yield b.length > 0 && b[0].length > width ? b.map((r) => r.slice(0, width)) : b;
    }
  }
  return { batches: batches(), counter };
}
