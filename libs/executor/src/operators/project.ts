// Project: computes the output expressions per row.
import type { PhysicalProject } from '@vecgres/planner';
import type { ExecContext } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { projectBatch, type NodeBuilder, type Runner } from './runner';

export function buildProject(node: PhysicalProject, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const exprs = node.exprs.map((e) => compileExpr(ctx, e));
  return async function* project() {
    for await (const b of input()) yield await projectBatch(exprs, b);
  };
}
