// Function calls (aggregates, window functions) and the pieces they share with SELECT:
// ORDER BY items and window specifications.
import type { FrameBound, FuncCallExpr, SortBy, WindowFrame, WindowSpec } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { exprList, translateExpr } from './expr';

export function translateFuncCall(ctx: TranslateContext, b: PgNode): FuncCallExpr {
  const names = stringList(ctx, b.funcname, 'function name');
  if (names.length === 0 || names.length > 2) throw ctx.unsupported('cross-database function reference', b.location);
  const call: FuncCallExpr = {
    kind: 'func',
    name: names[names.length - 1],
    args: exprList(ctx, b.args),
    star: b.agg_star === true,
    distinct: b.agg_distinct === true,
    variadic: b.func_variadic === true,
    orderBy: sortList(ctx, b.agg_order),
    withinGroup: b.agg_within_group === true,
    location: ctx.loc(b.location),
  };
  if (names.length === 2) call.schema = names[0];
  if (b.agg_filter) call.filter = translateExpr(ctx, b.agg_filter);
  if (b.over) call.over = translateWindowDef(ctx, b.over);
  return call;
}

/** GROUPING(a, b): a reserved-word call, marked so the binder never looks it up in pg_proc. */
export function translateGroupingFunc(ctx: TranslateContext, b: PgNode): FuncCallExpr {
  return {
    kind: 'func', name: 'grouping', args: exprList(ctx, b.args), star: false, distinct: false, variadic: false,
    orderBy: [], withinGroup: false, grouping: true, location: ctx.loc(b.location),
  };
}

export function sortList(ctx: TranslateContext, nodes: PgNode[] | undefined): SortBy[] {
  return list(nodes).map((n) => {
    const [tag, s] = unwrap(n);
    if (tag !== 'SortBy') throw ctx.unsupported(`sort item of kind ${tag}`);
    const item: SortBy = {
      expr: translateExpr(ctx, s.node),
      direction: s.sortby_dir === 'SORTBY_ASC' ? 'asc' : s.sortby_dir === 'SORTBY_DESC' ? 'desc' : 'default',
      nulls: s.sortby_nulls === 'SORTBY_NULLS_FIRST' ? 'first' : s.sortby_nulls === 'SORTBY_NULLS_LAST' ? 'last' : 'default',
      location: ctx.loc(s.location),
    };
    if (s.sortby_dir === 'SORTBY_USING') {
      const ops = stringList(ctx, s.useOp, 'operator name');
      item.using = ops.join('.');
    }
    if (item.location < 0) item.location = item.expr.location;
    return item;
  });
}

// frameOptions bits, from PostgreSQL's parsenodes.h (FRAMEOPTION_*).
const F = {
  NONDEFAULT: 0x1,
  RANGE: 0x2,
  ROWS: 0x4,
  GROUPS: 0x8,
  START_UNBOUNDED_PRECEDING: 0x20,
  END_UNBOUNDED_PRECEDING: 0x40,
  START_UNBOUNDED_FOLLOWING: 0x80,
  END_UNBOUNDED_FOLLOWING: 0x100,
  START_CURRENT_ROW: 0x200,
  END_CURRENT_ROW: 0x400,
  START_OFFSET_PRECEDING: 0x800,
  END_OFFSET_PRECEDING: 0x1000,
  START_OFFSET_FOLLOWING: 0x2000,
  END_OFFSET_FOLLOWING: 0x4000,
  EXCLUDE_CURRENT_ROW: 0x8000,
  EXCLUDE_GROUP: 0x10000,
  EXCLUDE_TIES: 0x20000,
} as const;

function bound(ctx: TranslateContext, opts: number, start: boolean, offset: PgNode | undefined): FrameBound {
  const has = (s: number, e: number) => (opts & (start ? s : e)) !== 0;
  if (has(F.START_UNBOUNDED_PRECEDING, F.END_UNBOUNDED_PRECEDING)) return { type: 'unboundedPreceding' };
  if (has(F.START_UNBOUNDED_FOLLOWING, F.END_UNBOUNDED_FOLLOWING)) return { type: 'unboundedFollowing' };
  if (has(F.START_CURRENT_ROW, F.END_CURRENT_ROW)) return { type: 'currentRow' };
  if (has(F.START_OFFSET_PRECEDING, F.END_OFFSET_PRECEDING)) return { type: 'preceding', offset: translateExpr(ctx, offset!) };
  if (has(F.START_OFFSET_FOLLOWING, F.END_OFFSET_FOLLOWING)) return { type: 'following', offset: translateExpr(ctx, offset!) };
  // Without BETWEEN the end is CURRENT ROW (the grammar sets that bit itself).
  return { type: 'currentRow' };
}

function frame(ctx: TranslateContext, b: PgNode): WindowFrame | undefined {
  const opts: number = b.frameOptions ?? 0;
  if ((opts & F.NONDEFAULT) === 0) return undefined;
  return {
    mode: opts & F.ROWS ? 'rows' : opts & F.GROUPS ? 'groups' : 'range',
    start: bound(ctx, opts, true, b.startOffset),
    end: bound(ctx, opts, false, b.endOffset),
    exclude:
      opts & F.EXCLUDE_CURRENT_ROW ? 'currentRow'
        : opts & F.EXCLUDE_GROUP ? 'group'
          : opts & F.EXCLUDE_TIES ? 'ties' : 'noOthers',
  };
}

export function translateWindowDef(ctx: TranslateContext, node: PgNode): WindowSpec {
  // OVER carries a bare WindowDef body; the WINDOW clause holds `{WindowDef: ...}` wrappers.
  const b = node.WindowDef ?? node;
  const spec: WindowSpec = {
    partitionBy: exprList(ctx, b.partitionClause),
    orderBy: sortList(ctx, b.orderClause),
    location: ctx.loc(b.location),
  };
  if (b.name) spec.name = b.name;
  if (b.refname) spec.refName = b.refname;
  const f = frame(ctx, b);
  if (f) spec.frame = f;
  return spec;
}
