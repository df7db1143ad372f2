// CTE Scan of a data-modifying WITH query: the RETURNING rows of its DML subplan, which runs
// once per statement (run-plan.ts starts every PlannedStatement.preSteps subplan before the
// root; the result is shared through ctx.initPlans like an InitPlan's).
import type { PhysicalCteScan } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext } from '../exec/exec-context';
import { batches, type Runner } from './runner';

export function buildCteScan(node: PhysicalCteScan, ctx: ExecContext): Runner {
  return async function* cteScan() {
    let rows = ctx.initPlans.get(node.subplan);
    if (!rows) {
      rows = ctx.runSubplan(node.subplan, { outer: [] });
      ctx.initPlans.set(node.subplan, rows);
    }
    yield* batches(await rows, BATCH_SIZE);
  };
}
