// Aggregate: hash grouping on the group keys (NULLs form one group), one state per aggregate
// per group; DISTINCT aggregates keep the set of argument keys seen; FILTER skips rows. Groups
// come out in first-seen order. Without group keys there is exactly one output row.
import type { PhysicalAggregate } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { aggregateImpl } from '../functions/aggregates';
import { batches, projectBatch, type NodeBuilder, type Runner } from './runner';
import { rowKeyFn } from './row-key';

interface Group { keys: Row; states: unknown[]; seen: Array<Set<string> | undefined> }

export function buildAggregate(node: PhysicalAggregate, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const keyExprs = node.groupKeys.map((k) => compileExpr(ctx, k));
  const keyOf = rowKeyFn(node.groupKeys.map((k) => k.type));
  const aggs = node.aggregates.map((a) => ({
    impl: aggregateImpl(a),
    args: a.args.map((x) => compileExpr(ctx, x)),
    filter: a.filter ? compileExpr(ctx, a.filter) : undefined,
    distinct: a.distinct,
    argKey: rowKeyFn(a.args.map((x) => x.type)),
  }));
  const newGroup = (keys: Row): Group => ({
    keys,
    states: aggs.map((a) => a.impl.init()),
    seen: aggs.map((a) => (a.distinct ? new Set<string>() : undefined)),
  });
  return async function* aggregate() {
    const groups = new Map<string, Group>();
    if (keyExprs.length === 0) groups.set('', newGroup([]));
    for await (const b of input()) {
      const kvs = keyExprs.length > 0 ? await projectBatch(keyExprs, b) : undefined;
      for (let i = 0; i < b.length; i++) {
        const row = b[i];
        const k = kvs ? keyOf(kvs[i]) : '';
        let g = groups.get(k);
        if (!g) {
          g = newGroup(kvs![i]);
          groups.set(k, g);
        }
        for (let j = 0; j < aggs.length; j++) {
          const a = aggs[j];
          if (a.filter) {
            if (a.filter.prepare) await a.filter.prepare(row);
            if (a.filter.fn(row) !== true) continue;
          }
          const vals: Row = [];
          for (const x of a.args) {
            if (x.prepare) await x.prepare(row);
            vals.push(x.fn(row));
          }
          if (a.distinct) {
            if (vals.includes(null)) continue;
            const key = a.argKey(vals);
            if (g.seen[j]!.has(key)) continue;
            g.seen[j]!.add(key);
          }
          g.states[j] = a.impl.step(g.states[j], vals);
        }
      }
    }
    const out: Row[] = [];
    for (const g of groups.values()) out.push([...g.keys, ...g.states.map((s, j) => aggs[j].impl.final(s))]);
    yield* batches(out, BATCH_SIZE);
  };
}
