// UNION [ALL] / INTERSECT [ALL] / EXCEPT [ALL] by counting rows per distinct value, as
// PostgreSQL's HashSetOp: UNION ALL appends; UNION keeps one of each; INTERSECT keeps values
// in both (ALL: min of the counts); EXCEPT keeps left values missing on the right (ALL: the
// difference of the counts). Output keeps first-seen order of the left input.
import type { PhysicalSetOp, TypeRef } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { batches, collect, type NodeBuilder, type Runner } from './runner';
import { rowKeyFn } from './row-key';

export function buildSetOp(node: PhysicalSetOp, ctx: ExecContext, build: NodeBuilder, types: TypeRef[]): Runner {
  const left = build(node.left, ctx);
  const right = build(node.right, ctx);
  const keyOf = rowKeyFn(types.slice(0, node.width));
  return async function* setOp() {
    if (node.op === 'union' && node.all) {
      yield* left();
      yield* right();
      return;
    }
    const counts = new Map<string, { row: Row; l: number; r: number }>();
    const add = (rows: Row[], side: 'l' | 'r') => {
      for (const row of rows) {
        const k = keyOf(row);
        const e = counts.get(k);
        if (e) e[side]++;
        else counts.set(k, { row, l: side === 'l' ? 1 : 0, r: side === 'r' ? 1 : 0 });
      }
    };
    add(await collect(left), 'l');
    add(await collect(right), 'r');
    const out: Row[] = [];
    for (const { row, l, r } of counts.values()) {
      let n: number;
      if (node.op === 'union') n = 1;
      else if (node.op === 'intersect') n = node.all ? Math.min(l, r) : l > 0 && r > 0 ? 1 : 0;
      else n = node.all ? Math.max(l - r, 0) : l > 0 && r === 0 ? 1 : 0;
      for (let i = 0; i < n; i++) out.push(row);
    }
    yield* batches(out, BATCH_SIZE);
  };
}
