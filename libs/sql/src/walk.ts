// Expression traversal for the binder/planner: direct children of a node, and a pre-order
// walk that can stop descending. Subqueries are a scope boundary: by default the walk does not
// enter them (aggregates, column references and parameters of an inner query belong to it).
import type { Expr, FromItem, Query, SortBy, WindowSpec } from './types';

function sortExprs(items: SortBy[]): Expr[] {
  return items.map((s) => s.expr);
}

function windowExprs(w: WindowSpec | undefined): Expr[] {
  if (!w) return [];
  const out = [...w.partitionBy, ...sortExprs(w.orderBy)];
  for (const b of w.frame ? [w.frame.start, w.frame.end] : []) {
    if (b.type === 'preceding' || b.type === 'following') out.push(b.offset);
  }
  return out;
}

/** The direct child expressions of `e`, in source order. Subquery bodies are not included. */
export function exprChildren(e: Expr): Expr[] {
  switch (e.kind) {
    case 'const': case 'param': case 'columnRef': case 'default': case 'sqlValueFunction':
    case 'exists': case 'scalarSubquery': case 'arraySubquery':
      return [];
    case 'op': return e.left ? [e.left, e.right] : [e.right];
    case 'bool': case 'coalesce': case 'minMax': case 'row': return e.args;
    case 'nullTest': case 'booleanTest': case 'cast': case 'collate': case 'namedArg': return [e.arg];
    case 'distinct': case 'nullIf': case 'quantified': return [e.left, e.right];
    case 'between': return [e.arg, e.low, e.high];
    case 'inList': return [e.arg, ...e.list];
    case 'subqueryCompare': return [e.left];
    case 'array': return e.elements;
    case 'indirection': {
      const out = [e.arg];
      for (const s of e.steps) {
        if (s.kind === 'subscript') {
          if (s.lower) out.push(s.lower);
          if (s.upper) out.push(s.upper);
        }
      }
      return out;
    }
    case 'case': {
      const out: Expr[] = e.arg ? [e.arg] : [];
      for (const w of e.whens) out.push(w.when, w.then);
      if (e.else) out.push(e.else);
      return out;
    }
    case 'func':
      return [...e.args, ...sortExprs(e.orderBy), ...(e.filter ? [e.filter] : []), ...windowExprs(e.over)];
  }
}

/** The subquery directly held by `e`, if any. */
export function exprSubquery(e: Expr): Query | undefined {
  return e.kind === 'exists' || e.kind === 'scalarSubquery' || e.kind === 'arraySubquery' || e.kind === 'subqueryCompare'
    ? e.query : undefined;
}

function fromExprs(item: FromItem): Expr[] {
  switch (item.kind) {
    case 'table': case 'subquery': return [];
    case 'function': return item.functions.map((f) => f.call);
    case 'join': return [...fromExprs(item.left), ...fromExprs(item.right), ...(item.on ? [item.on] : [])];
  }
}

function fromQueries(item: FromItem): Query[] {
  if (item.kind === 'subquery') return [item.query];
  if (item.kind === 'join') return [...fromQueries(item.left), ...fromQueries(item.right)];
  return [];
}

/** Top-level expressions of one query level and the subqueries in its FROM / set-op arms. */
export function queryParts(q: Query): { exprs: Expr[]; queries: Query[] } {
  const exprs: Expr[] = [...sortExprs(q.orderBy), ...(q.limit ? [q.limit] : []), ...(q.offset ? [q.offset] : [])];
  const queries: Query[] = [];
  for (const cte of q.with?.ctes ?? []) {
    if (cte.query.kind === 'select' || cte.query.kind === 'values' || cte.query.kind === 'setOp') queries.push(cte.query);
  }
  if (q.kind === 'setOp') queries.push(q.left, q.right);
  else if (q.kind === 'values') for (const row of q.rows) exprs.push(...row);
  else {
    exprs.push(...q.targets.map((t) => t.expr), ...(q.distinct?.on ?? []));
    for (const f of q.from) {
      exprs.push(...fromExprs(f));
      queries.push(...fromQueries(f));
    }
    if (q.where) exprs.push(q.where);
    exprs.push(...q.groupBy);
    if (q.having) exprs.push(q.having);
    for (const w of q.windows) exprs.push(...windowExprs(w));
  }
  return { exprs, queries };
}

export interface WalkOptions {
  /** Also visit the expressions of subqueries (EXISTS, IN, scalar, ARRAY, FROM subqueries). */
  intoSubqueries?: boolean;
}

/**
 * Pre-order walk. `visit` returning `false` skips that node's children; `true`/undefined
 * continues. Returns nothing; collect results in the closure.
 */
export function walkExpr(root: Expr, visit: (e: Expr, parent: Expr | undefined) => boolean | void, options: WalkOptions = {}): void {
  const stack: Array<[Expr, Expr | undefined]> = [[root, undefined]];
  while (stack.length > 0) {
    const [e, parent] = stack.pop()!;
    if (visit(e, parent) === false) continue;
    const children = exprChildren(e);
    const sub = options.intoSubqueries ? exprSubquery(e) : undefined;
    if (sub) children.push(...allQueryExprs(sub));
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], e]);
  }
}

/** Every top-level expression of a query and (recursively) of its nested queries. */
function allQueryExprs(q: Query): Expr[] {
  const { exprs, queries } = queryParts(q);
  return [...exprs, ...queries.flatMap(allQueryExprs)];
}
