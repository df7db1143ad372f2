// Reusing a built operator tree across executions of a prepared statement (PostgreSQL keeps a
// cached plan's executor state out of the plancache, but building ours is a visible share of a
// prepared top-k query's cost: expression compilation, function lookup, one closure per node).
//
// A built tree is a set of closures over one ExecContext. Runners are made to be run again
// (correlated subplans do), and operators read the context's per-execution fields (params,
// tables, functionSession, frame) when they run, not when they are built — except what a
// compiled expression captures at build time: a function call captures the statement's
// function context (statement start time, time zone, random state), a reg* cast the catalog.
// So only trees whose expressions capture nothing per execution are reused: the shape a vector
// query plans to,
//
//   Limit(const/param) -> Project(columns/consts/params, the distance) -> VectorTopK(query
//   const/param, no filter)
//
// (the distance operator is a pure function of its arguments, a column and the query), and
// the same chain over a Result instead (`SELECT $1::int`, `SELECT $1, 'x' LIMIT $2`): a
// statement with no table, whose per-execution tree was most of its cost and, through its
// generators' scopes, most of its surviving garbage. Anything else is built per execution as
// before. A tree is reused only when its previous run has finished: two open
// portals of one statement each get their own.
import type { BoundExpr, PhysicalNode, PlannedStatement } from '@vecgres/planner';
import type { ModifyCounter } from '../operators/modify';
import type { Runner } from '../operators/runner';
import type { ExecContext } from './exec-context';

/** A tree built for one plan, kept by the session next to the cached plan. */
export interface BuiltTree {
  ctx: ExecContext;
  root: Runner;
  counter: ModifyCounter;
  /** A run of this tree has started and not finished. */
  busy: boolean;
}

/** Where runPlan keeps the tree of one cached plan (one holder per plan object). */
export interface PlanReuse {
  tree?: BuiltTree;
  /** isReusablePlan's answer for the plan, once asked. */
  reusable?: boolean;
  /** Counted here when given (the session's totals, for tests and profiling). */
  counts?: { built: number; reused: number };
}

/** Integer casts (what `LIMIT 10` becomes: int4 -> int8): pure functions of their argument. */
const PURE_CASTS = new Set(['int48', 'int28', 'int24', 'int42', 'int84', 'int82']);

/** Expressions whose compiled form captures nothing per execution. */
function plainExpr(e: BoundExpr | undefined): boolean {
  if (e === undefined || e.kind === 'const' || e.kind === 'param' || e.kind === 'column') return true;
  if (e.kind !== 'cast' || !plainExpr(e.arg)) return false;
  return e.method === 'binary' || (e.method === 'func' && e.impl !== undefined && PURE_CASTS.has(e.impl));
}

/** The chain's VectorTopK node (Limit and Project above it), if the chain ends in one. */
function vectorTopKOf(n: PhysicalNode): Extract<PhysicalNode, { kind: 'vectorTopK' }> | undefined {
  if (n.kind === 'vectorTopK') return n;
  return n.kind === 'limit' || n.kind === 'project' ? vectorTopKOf(n.input) : undefined;
}

/**
 * `distance`: the top-k's distance call as JSON (Project may compute it: the ORDER BY helper
 * column), undefined for a chain over a Result.
 */
function reusableNode(n: PhysicalNode, distance: string | undefined): boolean {
  switch (n.kind) {
    case 'limit':
      return plainExpr(n.count) && plainExpr(n.offset) && reusableNode(n.input, distance);
    case 'project':
      return n.exprs.every((e) => plainExpr(e) || (distance !== undefined && JSON.stringify(e) === distance)) && reusableNode(n.input, distance);
    case 'result':
      return distance === undefined && plainExpr(n.condition);
    case 'vectorTopK':
      return n.filter === undefined && n.index?.key === undefined && plainExpr(n.query) && plainExpr(n.k) && plainExpr(n.offset)
        && n.distance.args.every(plainExpr);
    default:
      return false;
  }
}

/** Whether a tree built for `plan` may serve its later executions (see the header). */
export function isReusablePlan(plan: PlannedStatement): boolean {
  if (plan.command !== 'select' || plan.subplans.length > 0 || (plan.preSteps?.length ?? 0) > 0) return false;
  const topK = vectorTopKOf(plan.root);
  return reusableNode(plan.root, topK ? JSON.stringify(topK.distance) : undefined);
}
