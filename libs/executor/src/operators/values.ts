// Values Scan and Result: rows computed from expressions without input.
import type { PhysicalResult, PhysicalValues } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import { compileExpr, evalAsync } from '../expr/compile-expr';
import { BATCH_SIZE } from '../exec/exec-context';
import type { Runner } from './runner';

export function buildValues(node: PhysicalValues, ctx: ExecContext): Runner {
  const rows = node.rows.map((r) => r.map((e) => compileExpr(ctx, e)));
  return async function* values() {
    let batch: Row[] = [];
    for (const r of rows) {
      const out: Row = [];
      for (const c of r) out.push(await evalAsync(c, []));
      batch.push(out);
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  };
}

export function buildResult(node: PhysicalResult, ctx: ExecContext): Runner {
  const cond = node.condition ? compileExpr(ctx, node.condition) : undefined;
  return async function* result() {
    if (cond && (await evalAsync(cond, [])) !== true) return;
    yield [[]];
  };
}
