// Sort: materialises the input and sorts it by the keys (stable). Each key compares with its
// type's order (compare.ts; text in C collation) and places NULLs first or last per key.
import type { PhysicalSort } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { comparatorFor } from '../functions/compare';
import { batches, collect, projectBatch, type NodeBuilder, type Runner } from './runner';

export function buildSort(node: PhysicalSort, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const exprs = node.keys.map((k) => compileExpr(ctx, k.expr));
  const keys = node.keys.map((k) => ({ cmp: comparatorFor(k.cmpImpl, k.expr.type.oid), dir: k.desc ? -1 : 1, nullsFirst: k.nullsFirst }));
  return async function* sort() {
    const rows = await collect(input);
    const keyed = (await projectBatch(exprs, rows)).map((kv, i) => ({ kv, row: rows[i], i }));
    keyed.sort((a, b) => {
      for (let k = 0; k < keys.length; k++) {
        const x = a.kv[k];
        const y = b.kv[k];
        if (x === null || y === null) {
          if (x === y) continue;
          return (x === null) === keys[k].nullsFirst ? -1 : 1;
        }
        const c = keys[k].cmp(x, y);
        if (c !== 0) return c * keys[k].dir;
      }
      return a.i - b.i;
    });
    yield* batches(keyed.map((k) => k.row), BATCH_SIZE);
  };
}
