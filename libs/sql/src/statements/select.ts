// SelectStmt -> Query: plain SELECT, VALUES, and UNION/INTERSECT/EXCEPT trees, with the
// WITH / ORDER BY / LIMIT / OFFSET / FETCH / FOR UPDATE clauses every form may carry.
import type { CommonTableExpr, LockingClause, Query, QueryTail, SelectQuery, SelectTarget, WithClause } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { exprList, optExpr, translateExpr } from '../expressions/expr';
import { sortList, translateWindowDef } from '../expressions/functions';
import { translateFromList } from './from';
import { translateGroupBy } from './grouping-sets';
import { qualifiedName } from './names';
import { translateStmt } from './statement';

/** `{SelectStmt: ...}` wrapper -> Query. */
export function translateQuery(ctx: TranslateContext, node: PgNode): Query {
  const [tag, b] = unwrap(node);
  if (tag !== 'SelectStmt') throw ctx.unsupported(`${tag} as a subquery`, b?.location);
  return translateSelect(ctx, b);
}

/** A SelectStmt body (set-operation arms come unwrapped). */
export function translateSelect(ctx: TranslateContext, b: PgNode): Query {
  const tail = queryTail(ctx, b);
  if (b.op && b.op !== 'SETOP_NONE') {
    const left = translateSelect(ctx, b.larg);
    const right = translateSelect(ctx, b.rarg);
    const op = b.op === 'SETOP_UNION' ? 'union' : b.op === 'SETOP_INTERSECT' ? 'intersect' : 'except';
    return { kind: 'setOp', op, all: b.all === true, left, right, ...tail, location: left.location };
  }
  if (b.valuesLists) {
    const rows = list(b.valuesLists).map((row) => exprList(ctx, unwrap(row)[1].items));
    return { kind: 'values', rows, ...tail, location: rows[0]?.[0]?.location ?? -1 };
  }
  const targets = translateTargets(ctx, b.targetList);
  const from = translateFromList(ctx, b.fromClause);
  const group = translateGroupBy(ctx, b.groupClause);
  const select: SelectQuery = {
    kind: 'select',
    targets,
    from,
    groupBy: group.exprs,
    ...(group.sets ? { groupingSets: group.sets } : {}),
    groupByDistinct: b.groupDistinct === true,
    windows: list(b.windowClause).map((w) => translateWindowDef(ctx, w)),
    ...tail,
    location: targets[0]?.location ?? from[0]?.location ?? -1,
  };
  // DISTINCT is a list holding one empty node; DISTINCT ON lists its expressions.
  if (b.distinctClause) {
    const items = list(b.distinctClause).filter((n) => Object.keys(n).length > 0);
    select.distinct = { on: exprList(ctx, items) };
  }
  const where = optExpr(ctx, b.whereClause);
  if (where) select.where = where;
  const having = optExpr(ctx, b.havingClause);
  if (having) select.having = having;
  if (b.intoClause) {
    const rel = b.intoClause.rel;
    select.into = { table: qualifiedName(ctx, rel), temporary: rel.relpersistence === 't', unlogged: rel.relpersistence === 'u' };
  }
  return select;
}

export function translateTargets(ctx: TranslateContext, nodes: PgNode[] | undefined): SelectTarget[] {
  return list(nodes).map((n) => {
    const [, t] = unwrap(n);
    if (t.indirection) throw ctx.unsupported('indirection on a result column', t.location);
    const target: SelectTarget = { expr: translateExpr(ctx, t.val), location: ctx.loc(t.location) };
    if (t.name !== undefined) target.alias = t.name;
    return target;
  });
}

function queryTail(ctx: TranslateContext, b: PgNode): QueryTail {
  const tail: QueryTail = {
    orderBy: sortList(ctx, b.sortClause),
    withTies: b.limitOption === 'LIMIT_OPTION_WITH_TIES',
    locking: list(b.lockingClause).map((l) => translateLocking(ctx, unwrap(l)[1])),
  };
  if (b.withClause) tail.with = translateWith(ctx, b.withClause);
  if (b.limitCount) tail.limit = translateExpr(ctx, b.limitCount);
  if (b.limitOffset) tail.offset = translateExpr(ctx, b.limitOffset);
  return tail;
}

const STRENGTHS: Record<string, LockingClause['strength']> = {
  LCS_FORUPDATE: 'update',
  LCS_FORNOKEYUPDATE: 'noKeyUpdate',
  LCS_FORSHARE: 'share',
  LCS_FORKEYSHARE: 'keyShare',
};

function translateLocking(ctx: TranslateContext, b: PgNode): LockingClause {
  const strength = STRENGTHS[b.strength];
  if (!strength) throw ctx.unsupported(`locking clause ${b.strength}`);
  return {
    strength,
    of: list(b.lockedRels).map((r) => qualifiedName(ctx, unwrap(r)[1])),
    wait: b.waitPolicy === 'LockWaitSkip' ? 'skipLocked' : b.waitPolicy === 'LockWaitError' ? 'noWait' : 'block',
  };
}

export function translateWith(ctx: TranslateContext, b: PgNode): WithClause {
  const ctes = list(b.ctes).map((n): CommonTableExpr => {
    const [, c] = unwrap(n);
    if (c.search_clause) throw ctx.unsupported('SEARCH clause', c.search_clause.location);
    if (c.cycle_clause) throw ctx.unsupported('CYCLE clause', c.cycle_clause.location);
    const cte: CommonTableExpr = {
      name: c.ctename,
      materialized:
        c.ctematerialized === 'CTEMaterializeAlways' ? 'materialized'
          : c.ctematerialized === 'CTEMaterializeNever' ? 'notMaterialized' : 'default',
      query: translateStmt(ctx, c.ctequery),
      location: ctx.loc(c.location),
    };
    if (c.aliascolnames) cte.columns = stringList(ctx, c.aliascolnames, 'column alias');
    return cte;
  });
  return { recursive: b.recursive === true, ctes, location: ctx.loc(b.location) };
}
