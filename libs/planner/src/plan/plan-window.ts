// Window functions -> WindowAgg nodes, one per distinct window of the query level, stacked in
// the order the windows were first used:
//
//   Project(targets) <- WindowAgg(w2) <- Sort(w2 keys) <- WindowAgg(w1) <- Sort(w1 keys) <- input
//
// A Sort is left out when the window has no keys, or when its keys are a prefix of the keys the
// rows are already sorted by (the previous window's). Each WindowAgg appends its functions'
// results to the row, so a windowRef becomes a column at (input width + position).
import { deparseExpr } from '../explain/deparse-expr';
import type { WindowCollector } from '../bind/bind-window';
import type { BoundExpr } from '../types/bound-expr';
import { boundKey, mapBound } from '../types/bound-walk';
import { outputTypes, type PhysicalNode } from './physical-node';
import type { SortKey } from './physical-sort';
import type { WindowFuncCall } from './physical-window';

export interface PlannedWindows {
  node: PhysicalNode;
  /** Rewrites windowRefs (in target list / ORDER BY expressions) to WindowAgg output columns. */
  resolve: (e: BoundExpr) => BoundExpr;
}

/**
 * `rw` maps expressions bound over the FROM row onto `input`'s row (the Aggregate rewrite when
 * the query groups; identity otherwise).
 */
export function planWindows(input: PhysicalNode, wc: WindowCollector, rw: (e: BoundExpr) => BoundExpr): PlannedWindows {
  let node = input;
  const columnOf = new Map<number, number>();
  let sortedBy: string[] = [];
  const used = [...new Set(wc.calls.map((c) => c.window))];
  for (const w of used) {
    const def = wc.windows[w];
    const keys: SortKey[] = [...def.partitionBy, ...def.orderBy].map((k) => {
      const expr = rw(k.expr);
      return { expr, desc: k.desc, nullsFirst: k.nullsFirst, cmpImpl: k.cmpImpl };
    });
    const keyIds = keys.map((k) => JSON.stringify([boundKey(k.expr), k.desc, k.nullsFirst]));
    const presorted = keyIds.length <= sortedBy.length && keyIds.every((k, i) => k === sortedBy[i]);
    if (keys.length > 0 && !presorted) {
      node = { kind: 'sort', input: node, keys };
      sortedBy = keyIds;
    }
    const width = outputTypes(node).length;
    const funcs: WindowFuncCall[] = [];
    wc.calls.forEach((c, i) => {
      if (c.window !== w) return;
      columnOf.set(i, width + funcs.length);
      const f = c.func;
      funcs.push({
        ...f,
        args: f.args.map(rw),
        ...(f.agg ? { agg: { ...f.agg, args: f.agg.args.map(rw), ...(f.agg.filter ? { filter: rw(f.agg.filter) } : {}) } } : {}),
      });
    });
    node = {
      kind: 'window',
      input: node,
      partitionBy: keys.slice(0, def.partitionBy.length).map((k) => k.expr),
      orderBy: keys.slice(def.partitionBy.length),
      frame: def.frame,
      funcs,
    };
  }
  const resolve = (e: BoundExpr) =>
    mapBound(e, (x) => {
      if (x.kind !== 'windowRef') return x;
      const call = wc.calls[x.index].func;
      return { kind: 'column', index: columnOf.get(x.index)!, type: x.type, name: `${call.name}(${call.args.map((a) => deparseExpr(a)).join(', ')})` };
    });
  return { node, resolve };
}
