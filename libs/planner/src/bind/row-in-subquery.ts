// Row-valued `(a, b) IN (SELECT x, y ...)` (and `(a, b) NOT IN`, i.e. `<> ALL`). PostgreSQL
// compares the row with each subquery row (a AND of the column comparisons) and ORs the
// results with SQL's three-valued logic. The expression is rewritten into an aggregate over
// the subquery that gives the same answer:
//   (SELECT CASE WHEN bool_or(a = x AND b = y) THEN true
//                WHEN count(*) > count(a = x AND b = y) THEN NULL ELSE false END
//    FROM (SELECT x, y ...) AS "?row_in?"("?row_in_1?", "?row_in_2?"))
// i.e. true if some row matches, NULL if none matches but some comparison was NULL, else false
// (also for an empty subquery). The derived-table names cannot clash with user columns.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { walkExpr, type Expr, type FuncCallExpr, type SelectQuery, type SubqueryCompareExpr } from '@vecgres/sql';
import { visibleProcs } from '../catalog-api';
import { at, type BindContext } from './bind-context';

const ALIAS = '?row_in?';

function func(name: string, args: Expr[], location: number, star = false): FuncCallExpr {
  return { kind: 'func', name, args, star, distinct: false, variadic: false, orderBy: [], withinGroup: false, location };
}

/** An aggregate or window call in `e` would move into the rewritten subquery: not rewritten. */
function hasAggregate(ctx: BindContext, e: Expr): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.kind === 'func' && (x.over || visibleProcs(ctx.catalog, ctx.resolve, x.name, x.schema).some((c) => c.proc.kind !== 'f'))) found = true;
  });
  return found;
}

/** The rewrite of `e`, or undefined when its left side is not a row of two or more values. */
export function rewriteRowInSubquery(ctx: BindContext, e: SubqueryCompareExpr): Expr | undefined {
  if (e.left.kind !== 'row' || e.left.args.length < 2 || e.schema !== undefined) return undefined;
  const negated = e.op === '<>' && e.quantifier === 'all';
  if (!negated && !(e.op === '=' && e.quantifier === 'any')) return undefined;
  if (e.left.args.some((a) => hasAggregate(ctx, a))) return undefined;
  const q = e.query;
  if (q.kind === 'select' && q.targets.every((t) => !(t.expr.kind === 'columnRef' && t.expr.star)) && q.targets.length !== e.left.args.length) {
    const msg = q.targets.length > e.left.args.length ? 'subquery has too many columns' : 'subquery has too few columns';
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, msg, at(e.location));
  }
  const loc = e.location;
  const names = e.left.args.map((_, i) => `?row_in_${i + 1}?`);
  const cmps: Expr[] = e.left.args.map((arg, i) => ({
    kind: 'op', op: '=', left: arg, right: { kind: 'columnRef', names: [ALIAS, names[i]], star: false, location: loc }, location: loc,
  }));
  const match: Expr = { kind: 'bool', op: 'and', args: cmps, location: loc };
  const verdict: Expr = {
    kind: 'case',
    whens: [
      { when: func('bool_or', [match], loc), then: { kind: 'const', value: { type: 'bool', value: true }, location: loc }, location: loc },
      {
        when: { kind: 'op', op: '>', left: func('count', [], loc, true), right: func('count', [match], loc), location: loc },
        then: { kind: 'const', value: { type: 'null' }, location: loc },
        location: loc,
      },
    ],
    else: { kind: 'const', value: { type: 'bool', value: false }, location: loc },
    location: loc,
  };
  const query: SelectQuery = {
    kind: 'select',
    targets: [{ expr: verdict, location: loc }],
    from: [{ kind: 'subquery', query: e.query, lateral: false, alias: { name: ALIAS, columns: names }, location: loc }],
    groupBy: [],
    groupByDistinct: false,
    windows: [],
    orderBy: [],
    withTies: false,
    locking: [],
    location: loc,
  };
  const sub: Expr = { kind: 'scalarSubquery', query, location: loc };
  return negated ? { kind: 'bool', op: 'not', args: [sub], location: loc } : sub;
}
