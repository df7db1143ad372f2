// Lateral Join (see physical-lateral-join.ts): the right input is built once over a context of
// its own whose frame puts the current left row first (outer row 0), then the frames of the
// enclosing queries; it is re-run for every left row.
import type { PhysicalLateralJoin } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { collect, type NodeBuilder, type Runner } from './runner';

export function buildLateralJoin(node: PhysicalLateralJoin, ctx: ExecContext, build: NodeBuilder): Runner {
  const left = build(node.left, ctx);
  const inner: ExecContext = { ...ctx, frame: { outer: [] } };
  const right = build(node.right, inner);
  const cond = node.condition ? compileExpr(ctx, node.condition) : undefined;
  const nulls: Row = new Array(node.rightWidth).fill(null);
  return async function* lateralJoin() {
    let out: Row[] = [];
    for await (const b of left()) {
      for (const l of b) {
        inner.frame.outer = [l, ...ctx.frame.outer];
        let matched = false;
        for (const r of await collect(right)) {
          const joined = [...l, ...r];
          if (cond) {
            if (cond.prepare) await cond.prepare(joined);
            if (cond.fn(joined) !== true) continue;
          }
          matched = true;
          out.push(joined);
        }
        if (!matched && node.joinType === 'left') out.push([...l, ...nulls]);
        if (out.length >= BATCH_SIZE) {
          yield out;
          out = [];
        }
      }
    }
    if (out.length > 0) yield out;
  };
}
