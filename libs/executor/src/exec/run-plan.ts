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
import { isReusablePlan, type BuiltTree, type PlanReuse } from './plan-reuse';
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
  /**
   * The holder of this plan's built tree (prepared statements: one per cached plan object):
   * a plan that qualifies (plan-reuse.ts) is built once and its tree reused while idle.
   */
  reuse?: PlanReuse;
}

export interface PlanRun {
  /** Result batches (each row `visibleWidth` wide). */
  batches: AsyncGenerator<Row[]>;
  /** Rows inserted/updated/deleted so far (final once `batches` is drained). */
  counter: ModifyCounter;
}

/**
 * A context factory over `opts`: one context (and frame) per subplan, so a correlated subplan's
 * compiled closures read the outer rows its runner installs before each run.
 */
function contextFactory(plan: PlannedStatement, opts: RunOptions, counter: ModifyCounter): () => ExecContext {
  const initPlans = new Map<number, Promise<Row[]>>();
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
  return makeCtx;
}

/** A context for work on `plan` outside a run (EXPLAIN's filter estimates read the indexes). */
export function planContext(plan: PlannedStatement, opts: RunOptions): ExecContext {
  return contextFactory(plan, opts, { rows: 0 })();
}

/** Builds the operator tree of `plan` over a fresh context. */
function buildTree(plan: PlannedStatement, opts: RunOptions): BuiltTree {
  const counter: ModifyCounter = { rows: 0 };
  const ctx = contextFactory(plan, opts, counter)();
  const root = instrument(plan.root, ctx, buildNode(plan.root, ctx, counter, rootVectorTopKNeeds(plan.root, plan.visibleWidth)));
  return { ctx, root, counter, busy: false };
}

/**
 * Points a reused tree's context at this execution: its parameters, its transaction's tables,
 * its statement's function context (reusable trees hold no subplans, so the root context is
 * the only one).
 */
function rebind(tree: BuiltTree, opts: RunOptions): void {
  const ctx = tree.ctx;
  ctx.params = opts.params;
  ctx.tables = opts.tables;
  ctx.codecs = opts.codecs;
  ctx.sessionFunctions = opts.sessionFunctions ?? {};
  ctx.frame = { outer: [] };
  // Only when needed: Map.clear() allocates a new table each time (reusable trees have no subplans).
  if (ctx.initPlans.size > 0) ctx.initPlans.clear();
  ctx.checkpoint = opts.checkpoint;
  ctx.cancelSignal = opts.cancelSignal;
  ctx.vectorIndexes = opts.vectorIndexes;
  ctx.functionSession = opts.functionSession;
  tree.counter.rows = 0;
}

export function runPlan(plan: PlannedStatement, opts: RunOptions): PlanRun {
  const reuse = opts.reuse && !opts.stats && (opts.reuse.reusable ??= isReusablePlan(plan)) ? opts.reuse : undefined;
  const held = reuse?.tree;
  let tree: BuiltTree;
  if (held && !held.busy) {
    tree = held;
    rebind(tree, opts);
    if (reuse?.counts) reuse.counts.reused++;
  } else {
    tree = buildTree(plan, opts);
    // A busy held tree (a portal still open, or one dropped before it finished) is replaced.
    if (reuse) {
      reuse.tree = tree;
      if (reuse.counts) reuse.counts.built++;
    }
  }
  tree.busy = true;
  return { batches: new PlanBatches(plan, tree), counter: tree.counter };
}

/**
 * The result batches of one run of a built tree: the data-modifying WITH steps first, then the
 * root's batches cut to the visible width; the tree is idle again once the run ends (drained,
 * failed or closed). A plain iterator object rather than an async generator: V8 allocates
 * generators in the old generation, and this one's scope (the run's options: transaction,
 * tables, parameters) would then outlive every young-generation collection (see paced.ts).
 */
class PlanBatches implements AsyncGenerator<Row[]> {
  private inner: AsyncGenerator<Row[]> | undefined;
  private finished = false;

  constructor(
    private readonly plan: PlannedStatement,
    private readonly tree: BuiltTree,
  ) {}

  async next(): Promise<IteratorResult<Row[]>> {
    if (this.finished) return { done: true, value: undefined };
    try {
      let inner = this.inner;
      if (!inner) {
        await this.runPreSteps();
        inner = this.inner = this.tree.root();
      }
      const r = await inner.next();
      if (r.done) {
        this.finish();
        return r;
      }
      const b = r.value;
      const width = this.plan.visibleWidth;
      return b.length > 0 && b[0].length > width ? { done: false, value: b.map((row) => row.slice(0, width)) } : r;
    } catch (e) {
      this.finish();
      throw e;
    }
  }

  /** Data-modifying WITH queries run once, first, referenced or not. */
  private async runPreSteps(): Promise<void> {
    const steps = this.plan.preSteps;
    if (!steps || steps.length === 0) return;
    const rootCtx = this.tree.ctx;
    const initPlans = rootCtx.initPlans;
    for (const i of steps) {
      let rows = initPlans.get(i);
      if (!rows) {
        rows = rootCtx.runSubplan(i, { outer: [] });
        initPlans.set(i, rows);
      }
      await rows;
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.tree.busy = false;
  }

  async return(value?: unknown): Promise<IteratorResult<Row[]>> {
    const inner = this.inner;
    // Only a run that started holds the tree (as the generator's finally did).
    if (!inner) {
      this.finished = true;
      return { done: true, value: value as undefined };
    }
    try {
      if (!this.finished) await inner.return(undefined);
    } finally {
      this.finish();
    }
    return { done: true, value: value as undefined };
  }

  async throw(e?: unknown): Promise<IteratorResult<Row[]>> {
    await this.return(undefined);
    throw e;
  }

  [Symbol.asyncIterator](): AsyncGenerator<Row[]> {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return(undefined);
  }
}
