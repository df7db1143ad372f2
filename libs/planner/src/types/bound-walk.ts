// Structural helpers over bound expressions: children, rewriting, and a location-free key
// for "is this the same expression" (GROUP BY matching, ORDER BY on select-list items).
import type { BoundExpr } from './bound-expr';

export function boundChildren(e: BoundExpr): BoundExpr[] {
  switch (e.kind) {
    case 'const': case 'column': case 'outer': case 'param': case 'aggRef': case 'windowRef': case 'srfRef': return [];
    case 'call': case 'bool': case 'coalesce': case 'minMax': return e.args;
    case 'cast': case 'nullTest': case 'booleanTest': return [e.arg];
    case 'case': return [...e.whens.flatMap((w) => [w.when, w.then]), e.else];
    case 'nullIf': case 'distinct': case 'quantified': return [e.left, e.right];
    case 'inList': return [e.arg, ...e.list];
    case 'subquery': return e.left ? [e.left] : [];
    case 'array': return e.elements;
  }
}

/**
 * Rebuilds `e` bottom-up through `fn`: `fn` sees each node (children already mapped) and
 * returns a replacement or the node itself. `pre` may replace a whole subtree before descent.
 */
export function mapBound(e: BoundExpr, fn: (e: BoundExpr) => BoundExpr, pre?: (e: BoundExpr) => BoundExpr | undefined): BoundExpr {
  const early = pre?.(e);
  if (early) return early;
  const m = (x: BoundExpr) => mapBound(x, fn, pre);
  let out: BoundExpr;
  switch (e.kind) {
    case 'const': case 'column': case 'outer': case 'param': case 'aggRef': case 'windowRef': case 'srfRef': out = e; break;
    case 'call': out = { ...e, args: e.args.map(m) }; break;
    case 'bool': out = { ...e, args: e.args.map(m) }; break;
    case 'coalesce': out = { ...e, args: e.args.map(m) }; break;
    case 'minMax': out = { ...e, args: e.args.map(m) }; break;
    case 'cast': out = { ...e, arg: m(e.arg) }; break;
    case 'nullTest': out = { ...e, arg: m(e.arg) }; break;
    case 'booleanTest': out = { ...e, arg: m(e.arg) }; break;
    case 'case': out = { ...e, whens: e.whens.map((w) => ({ when: m(w.when), then: m(w.then) })), else: m(e.else) }; break;
    case 'nullIf': out = { ...e, left: m(e.left), right: m(e.right) }; break;
    case 'distinct': out = { ...e, left: m(e.left), right: m(e.right) }; break;
    case 'quantified': out = { ...e, left: m(e.left), right: m(e.right) }; break;
    case 'inList': out = { ...e, arg: m(e.arg), list: e.list.map(m) }; break;
    case 'subquery': out = e.left ? { ...e, left: m(e.left) } : e; break;
    case 'array': out = { ...e, elements: e.elements.map(m) }; break;
  }
  return fn(out);
}

/** A key equal for structurally equal expressions, ignoring source locations and EXPLAIN names. */
export function boundKey(e: BoundExpr): string {
  return JSON.stringify(e, (k, v) => (k === 'location' || k === 'name' || k === 'table' ? undefined : v));
}

/** Whether `e` (at this query level) reads any column of its input row. */
export function readsColumns(e: BoundExpr): boolean {
  if (e.kind === 'column') return true;
  return boundChildren(e).some(readsColumns);
}

/** Every column index `e` reads at this level. */
export function columnsRead(e: BoundExpr, out: Set<number> = new Set()): Set<number> {
  if (e.kind === 'column') out.add(e.index);
  for (const c of boundChildren(e)) columnsRead(c, out);
  return out;
}

/** True when `e` can be evaluated once per run: no row, outer row, aggregate or subquery reads, nothing volatile. */
export function isRunConstant(e: BoundExpr): boolean {
  switch (e.kind) {
    case 'column': case 'outer': case 'aggRef': case 'windowRef': case 'srfRef': case 'subquery': return false;
    case 'call': if (e.volatile) return false; break;
    default: break;
  }
  return boundChildren(e).every(isRunConstant);
}
