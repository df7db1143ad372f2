// EXPLAIN [ANALYZE] of a plannable statement. ANALYZE runs the statement to completion in the
// session's transaction (DML really writes, as in PostgreSQL), discarding its rows, with every
// operator instrumented; the plan is then printed with each node's actual rows and loops (and
// times unless TIMING OFF), followed by "Planning Time" / "Execution Time" unless SUMMARY OFF.
import { notSupported } from '@vecgres/errors';
import { explainLines, isPlannable, type OutputColumn, type PhysicalVectorTopK, type PlannedStatement } from '@vecgres/planner';
import type { ExplainStmt } from '@vecgres/sql';
import type { PlanStats } from '../exec/plan-stats';
import type { PlanRun } from '../exec/run-plan';
import { parseExplainOptions } from './explain-options';
import type { EngineSink } from './result-sink';

export interface ExplainHost {
  /** Plans the explained statement in the current transaction. */
  plan(stmt: ExplainStmt['statement']): PlannedStatement;
  /** Runs a plan in the current transaction, filling `stats`. */
  run(plan: PlannedStatement, stats: PlanStats): PlanRun;
  /** Names of types the planner's table lacks (extension types: `'[1,2]'::vector`). */
  typeName?: (oid: number, typmod: number) => string;
  /**
   * EXPLAIN without ANALYZE: the filter estimate lines of the plan's filtered Vector Top-K
   * nodes (computed from the payload indexes, which needs the transaction's tables).
   */
  vectorFilter?: (plan: PlannedStatement) => Promise<(n: PhysicalVectorTopK) => string[] | undefined>;
}

const QUERY_PLAN: OutputColumn = { name: 'QUERY PLAN', type: { oid: 25, typmod: -1 }, typlen: -1, tableOid: 0, attnum: 0 };
const ms = (v: number) => `${v.toFixed(3)} ms`;

export async function runExplain(stmt: ExplainStmt, host: ExplainHost, describe: boolean, sink: EngineSink): Promise<void> {
  const opts = parseExplainOptions(stmt.options);
  if (!isPlannable(stmt.statement)) throw notSupported(`EXPLAIN of ${stmt.statement.kind} is not supported`);
  const planStart = performance.now();
  const plan = host.plan(stmt.statement);
  const planningMs = performance.now() - planStart;
  let lines: string[];
  let executionMs: number | undefined;
  if (opts.analyze) {
    const stats: PlanStats = new Map();
    const execStart = performance.now();
    const run = host.run(plan, stats);
    for await (const batch of run.batches) void batch;
    executionMs = performance.now() - execStart;
    lines = explainLines(plan, { analyze: { stats: (n) => stats.get(n), timing: opts.timing }, ...(host.typeName ? { typeName: host.typeName } : {}) });
  } else {
    const vectorFilter = await host.vectorFilter?.(plan);
    lines = explainLines(plan, { ...(host.typeName ? { typeName: host.typeName } : {}), ...(vectorFilter ? { vectorFilter } : {}) });
  }
  if (opts.summary) {
    lines.push(`Planning Time: ${ms(planningMs)}`);
    if (executionMs !== undefined) lines.push(`Execution Time: ${ms(executionMs)}`);
  }
  if (describe) sink.describe([QUERY_PLAN]);
  await sink.rows(lines.map((l) => [l]));
  sink.complete('EXPLAIN');
}
