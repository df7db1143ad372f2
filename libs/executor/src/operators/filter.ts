// Filter: keeps rows whose predicate is true.
import type { PhysicalFilter } from '@vecgres/planner';
import type { ExecContext } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { filterBatch, type NodeBuilder, type Runner } from './runner';

export function buildFilter(node: PhysicalFilter, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const pred = compileExpr(ctx, node.predicate);
  return async function* filter() {
    for await (const b of input()) {
      const out = await filterBatch(pred, b);
      if (out.length > 0) yield out;
    }
  };
}
