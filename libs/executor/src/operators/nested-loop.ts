// Nested Loop: the right input is materialised once per run; every left row is paired with
// every right row passing the condition. LEFT/FULL join pads unmatched left rows with NULLs;
// FULL then adds the unmatched right rows.
import type { PhysicalNestedLoop } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { collect, type NodeBuilder, type Runner } from './runner';

export function buildNestedLoop(node: PhysicalNestedLoop, ctx: ExecContext, build: NodeBuilder): Runner {
  const left = build(node.left, ctx);
  const right = build(node.right, ctx);
  const cond = node.condition ? compileExpr(ctx, node.condition) : undefined;
  const nulls: Row = new Array(node.rightWidth).fill(null);
  const leftNulls: Row = new Array(node.leftWidth).fill(null);
  return async function* nestedLoop() {
    const rrows = await collect(right);
    const rightMatched = new Array<boolean>(rrows.length).fill(false);
    let out: Row[] = [];
    for await (const b of left()) {
      for (const l of b) {
        let matched = false;
        for (let ri = 0; ri < rrows.length; ri++) {
          const r = rrows[ri];
          const joined = [...l, ...r];
          if (cond) {
            if (cond.prepare) await cond.prepare(joined);
            if (cond.fn(joined) !== true) continue;
          }
          matched = true;
          rightMatched[ri] = true;
          out.push(joined);
          if (out.length >= BATCH_SIZE) {
            yield out;
            out = [];
          }
        }
        if (!matched && node.joinType !== 'inner') out.push([...l, ...nulls]);
      }
    }
    if (node.joinType === 'full') rrows.forEach((r, i) => { if (!rightMatched[i]) out.push([...leftNulls, ...r]); });
    if (out.length > 0) yield out;
  };
}
