// Aggregate: hash grouping on the group keys (NULLs form one group), one state per aggregate
// per group; DISTINCT aggregates keep the set of argument keys seen; FILTER skips rows. Groups
// come out in first-seen order. Without group keys there is exactly one output row.
import type { PhysicalAggregate } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { aggregateImpl } from '../functions/aggregates';
import { functionContext } from '../functions/extra-context';
import { batches, projectBatch, type NodeBuilder, type Runner } from './runner';
import { rowKeyFn } from './row-key';
import { aggregateOrder, type OrderedInput } from './aggregate-order';
import { GROUPING_STATELESS, groupingValue } from './grouping-func';

interface Group { set: number; keys: Row; states: unknown[]; seen: Array<Set<string> | undefined>; buffered: Array<OrderedInput[] | undefined> }

export function buildAggregate(node: PhysicalAggregate, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const keyExprs = node.groupKeys.map((k) => compileExpr(ctx, k));
  const keyOf = rowKeyFn(node.groupKeys.map((k) => k.type));
  const aggs = node.aggregates.map((a) => ({
    impl: a.grouping ? GROUPING_STATELESS : aggregateImpl(a, functionContext({ ...ctx.functionSession, argTypes: a.args.map((x) => x.type.oid), resultType: a.type.oid })),
    args: a.args.map((x) => compileExpr(ctx, x)),
    filter: a.filter ? compileExpr(ctx, a.filter) : undefined,
    distinct: a.distinct,
    argKey: rowKeyFn(a.args.map((x) => x.type)),
    order: aggregateOrder(ctx, a),
  }));
  // Grouping sets (ROLLUP / CUBE): every row joins one group per set; keys outside a set read NULL.
  const sets = node.groupingSets;
  const masked = (kv: Row, set: number[]): Row => kv.map((v, i) => (set.includes(i) ? v : null));
  const newGroup = (keys: Row, set = 0): Group => ({
    set,
    keys,
    states: aggs.map((a) => a.impl.init()),
    seen: aggs.map((a) => (a.distinct ? new Set<string>() : undefined)),
    buffered: aggs.map((a) => (a.order ? [] : undefined)),
  });
  return async function* aggregate() {
    const groups = new Map<string, Group>();
    if (keyExprs.length === 0 && !sets) groups.set('', newGroup([]));
    // The empty grouping set forms its one group even without input rows.
    sets?.forEach((set, si) => {
      if (set.length === 0) groups.set(`${si}:${keyOf(masked(keyExprs.map(() => null), set))}`, newGroup(keyExprs.map(() => null), si));
    });
    for await (const b of input()) {
      const kvs = keyExprs.length > 0 ? await projectBatch(keyExprs, b) : undefined;
      for (let r = 0; r < b.length * (sets?.length ?? 1); r++) {
        const i = sets ? Math.floor(r / sets.length) : r;
        const si = sets ? r % sets.length : 0;
        const row = b[i];
        const kv = kvs && sets ? masked(kvs[i], sets[si]) : kvs?.[i];
        const k = kv ? `${sets ? `${si}:` : ''}${keyOf(kv)}` : '';
        let g = groups.get(k);
        if (!g) {
          g = newGroup(kv!, si);
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
          if (a.order) g.buffered[j]!.push({ vals, keys: await a.order.keysOf(row) });
          else g.states[j] = a.impl.step(g.states[j], vals);
        }
      }
    }
    const out: Row[] = [];
    for (const g of groups.values()) {
      aggs.forEach((a, j) => {
        if (a.order) for (const input of a.order.sorted(g.buffered[j]!)) g.states[j] = a.impl.step(g.states[j], input.vals);
      });
    }
    const ordered = sets ? [...groups.values()].sort((x, y) => x.set - y.set) : groups.values();
    const final = (g: Group, s: unknown, j: number) => (node.aggregates[j].grouping ? groupingValue(node.aggregates[j], sets?.[g.set]) : aggs[j].impl.final(s));
    for (const g of ordered) out.push([...g.keys, ...g.states.map((s, j) => final(g, s, j))]);
    yield* batches(out, BATCH_SIZE);
  };
}
