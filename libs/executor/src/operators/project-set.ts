// ProjectSet (see physical-project-set.ts): per input row, every set-returning call's rows,
// in lockstep; shorter results are padded with NULLs, and a row whose calls all return
// nothing is dropped.
import type { PhysicalProjectSet } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { compileSrf } from '../functions/srf';
import { projectBatch, type NodeBuilder, type Runner } from './runner';

export function buildProjectSet(node: PhysicalProjectSet, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const calls = node.calls.map((c) => ({ args: c.args.map((a) => compileExpr(ctx, a)), rows: compileSrf(c, { codecs: ctx.codecs }, ctx.sessionFunctions) }));
  return async function* projectSet() {
    let out: Row[] = [];
    for await (const b of input()) {
      const argRows = await Promise.all(calls.map((c) => projectBatch(c.args, b)));
      for (let i = 0; i < b.length; i++) {
        const iters = calls.map((c, k) => c.rows(argRows[k][i])[Symbol.iterator]());
        const done = iters.map(() => false);
        for (;;) {
          let any = false;
          const values = iters.map((it, k) => {
            const next = done[k] ? undefined : it.next();
            if (!next || next.done) {
              done[k] = true;
              return null;
            }
            any = true;
            return next.value[0] ?? null;
          });
          if (!any) break;
          out.push([...b[i], ...values]);
          if (out.length >= BATCH_SIZE) {
            yield out;
            out = [];
          }
        }
      }
    }
    if (out.length > 0) yield out;
  };
}
