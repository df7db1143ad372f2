// Hash Join: builds a hash table over the right input keyed by the join keys, then streams
// the left input and probes. Keys are compared by canonical hash key and confirmed with the
// `=` impl; a NULL key never matches. LEFT (and FULL) join emits unmatched left rows padded
// with NULLs; FULL then emits the unmatched right rows.
import type { PhysicalHashJoin } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import { compileExpr, type Compiled } from '../expr/compile-expr';
import { requireScalar } from '../functions/registry';
import { collect, projectBatch, type NodeBuilder, type Runner } from './runner';
import { rowKeyFn } from './row-key';

async function matches(residual: Compiled | undefined, row: Row): Promise<boolean> {
  if (!residual) return true;
  if (residual.prepare) await residual.prepare(row);
  return residual.fn(row) === true;
}

export function buildHashJoin(node: PhysicalHashJoin, ctx: ExecContext, build: NodeBuilder): Runner {
  const left = build(node.left, ctx);
  const right = build(node.right, ctx);
  const lkeys = node.keys.map((k) => compileExpr(ctx, k.left));
  const rkeys = node.keys.map((k) => compileExpr(ctx, k.right));
  const eqs = node.keys.map((k) => requireScalar(k.eqImpl, 'join equality'));
  // Both sides' keys hash with the left key types (the `=` operator's input types agree up to
  // representation; rowKeyFn normalises numeric/bpchar forms).
  const keyOf = rowKeyFn(node.keys.map((k) => k.left.type));
  const residual = node.residual ? compileExpr(ctx, node.residual) : undefined;
  const nulls: Row = new Array(node.rightWidth).fill(null);
  const leftNulls: Row = new Array(node.leftWidth).fill(null);
  return async function* hashJoin() {
    const rrows = await collect(right);
    const rkv = await projectBatch(rkeys, rrows);
    const table = new Map<string, Array<{ row: Row; kv: Row; matched: boolean }>>();
    rrows.forEach((row, i) => {
      const kv = rkv[i];
      if (kv.includes(null)) return;
      const k = keyOf(kv);
      const list = table.get(k);
      if (list) list.push({ row, kv, matched: false });
      else table.set(k, [{ row, kv, matched: false }]);
    });
    for await (const b of left()) {
      const lkv = await projectBatch(lkeys, b);
      const out: Row[] = [];
      for (let i = 0; i < b.length; i++) {
        const kv = lkv[i];
        let matched = false;
        if (!kv.includes(null)) {
          for (const cand of table.get(keyOf(kv)) ?? []) {
            if (!eqs.every((eq, j) => eq(kv[j], cand.kv[j]) === true)) continue;
            const joined = [...b[i], ...cand.row];
            if (await matches(residual, joined)) {
              out.push(joined);
              matched = true;
              cand.matched = true;
            }
          }
        }
        if (!matched && node.joinType !== 'inner') out.push([...b[i], ...nulls]);
      }
      if (out.length > 0) yield out;
    }
    if (node.joinType === 'full') {
      // Right rows no left row matched (including NULL-keyed ones, never in the table).
      const inTable = new Set<Row>();
      const out: Row[] = [];
      for (const list of table.values()) for (const e of list) {
        inTable.add(e.row);
        if (!e.matched) out.push([...leftNulls, ...e.row]);
      }
      for (const r of rrows) if (!inTable.has(r)) out.push([...leftNulls, ...r]);
      if (out.length > 0) yield out;
    }
  };
}
