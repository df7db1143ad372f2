// GROUP BY with ROLLUP / CUBE / GROUPING SETS: the expressions are collected into
// SelectQuery.groupBy and each grouping set becomes a list of indices into it
// (SelectQuery.groupingSets). Items of the GROUP BY list combine as a cross product, as in
// PostgreSQL: `GROUP BY a, ROLLUP (b)` is GROUPING SETS ((a, b), (a)).
import type { Expr } from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';
import { translateExpr } from '../expressions/expr';

export interface GroupByClause { exprs: Expr[]; sets?: number[][] }

export function translateGroupBy(ctx: TranslateContext, nodes: PgNode[] | undefined): GroupByClause {
  const exprs: Expr[] = [];
  let hasSets = false;
  const add = (n: PgNode): number => exprs.push(translateExpr(ctx, n)) - 1;
  /** One element of a ROLLUP / CUBE: an expression or a parenthesised list, as one set. */
  const element = (n: PgNode): number[] => {
    const [tag, b] = unwrap(n);
    // `(a, b)` inside a grouping set is one set of both, not a row value (flatten_grouping_sets).
    if (tag === 'RowExpr' && b.row_format === 'COERCE_IMPLICIT_CAST') return list(b.args).map(add);
    if (tag === 'GroupingSet' && b.kind === 'GROUPING_SET_SIMPLE') return list(b.content).map(add);
    if (tag === 'GroupingSet' && b.kind === 'GROUPING_SET_EMPTY') return [];
    if (tag === 'GroupingSet') throw ctx.unsupported('nested ROLLUP/CUBE', b.location);
    return [add(n)];
  };
  const expand = (n: PgNode): number[][] => {
    const [tag, b] = unwrap(n);
    if (tag !== 'GroupingSet') return [[add(n)]];
    hasSets = true;
    const content = list(b.content);
    switch (b.kind) {
      case 'GROUPING_SET_EMPTY': return [[]];
      case 'GROUPING_SET_SIMPLE': return [content.map(add)];
      case 'GROUPING_SET_SETS': return content.flatMap((c) => (unwrap(c)[0] === 'GroupingSet' ? expand(c) : [element(c)]));
      case 'GROUPING_SET_ROLLUP': {
        const parts = content.map(element);
        return parts.map((_, i) => parts.slice(0, parts.length - i).flat()).concat([[]]);
      }
      case 'GROUPING_SET_CUBE': {
        const parts = content.map(element);
        const out: number[][] = [];
        for (let mask = (1 << parts.length) - 1; mask >= 0; mask--) out.push(parts.filter((_, i) => (mask & (1 << (parts.length - 1 - i))) !== 0).flat());
        return out;
      }
      default: throw ctx.unsupported(`grouping set ${String(b.kind)}`, b.location);
    }
  };
  let sets: number[][] = [[]];
  for (const n of list(nodes)) {
    const item = expand(n);
    sets = sets.flatMap((s) => item.map((t) => [...s, ...t]));
  }
  return hasSets ? { exprs, sets } : { exprs };
}
