// SELECT -> physical plan, in PostgreSQL's clause order:
//
//   FROM/WHERE (plan-joins) -> Aggregate(GROUP BY, aggregates) -> Filter(HAVING)
//     -> Project(targets + ORDER BY helpers) -> Unique(DISTINCT) -> Sort -> Limit
//
// ORDER BY items that are not in the select list are computed as trailing helper columns,
// which the statement drops (`visibleWidth`), as PostgreSQL's resjunk columns.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { Expr, SelectQuery, SortBy } from '@vecgres/sql';
import { at, type BindContext } from '../bind/bind-context';
import { bindCondition, bindExpr, comparisonImpl, type AggCollector, type ExprEnv } from '../bind/bind-expr';
import type { SubqueryPlanner } from '../bind/bind-subquery';
import { tryCoerce } from '../bind/coerce';
import { Scope } from '../bind/scope';
import { T } from '../bind/type-oids';
import { deparseAggregate, deparseExpr } from '../explain/deparse-expr';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { boundKey } from '../types/bound-walk';
import { figureColname } from './column-names';
import { planFromItem, type FromTree, type QueryPlanner } from './plan-from';
import { rewriteForAggregate } from './plan-grouping';
import { resolveGroupingCalls } from '../bind/bind-grouping';
import { planWindows } from './plan-window';
import { planFromList } from './plan-lateral';
import { planProjectSet } from './plan-project-set';
import type { SrfCollector } from '../bind/bind-srf';
import { distinctOnExtras, distinctOnItem, planDistinctOn, type OrderItem } from './plan-distinct-on';
import { newWindowCollector } from '../bind/bind-window';
import { crossJoin, planFromTree } from './plan-joins';
import type { PhysicalNode } from './physical-node';
import type { SortKey } from './physical-sort';
import { planVectorTopK } from './plan-vector-top-k';

export interface QueryColumn { name: string; type: TypeRef; tableOid: number; attnum: number }

export interface PlannedQuery {
  node: PhysicalNode;
  columns: QueryColumn[];
  /** Width of `node`'s rows: columns beyond `columns.length` are ORDER BY helpers. */
  width: number;
  /** The query reads columns of an enclosing query (re-run per outer row). */
  correlated: boolean;
}

export interface QueryPlannerHost extends SubqueryPlanner {
  planQuery(q: import('@vecgres/sql').Query, parent: Scope | undefined): PlannedQuery;
}

interface Target extends QueryColumn { expr: BoundExpr; location: number }

/** Output columns of unknown type (bare literals) become text, as PostgreSQL resolves them. */
export function resolveUnknownOutput(ctx: BindContext, e: BoundExpr, location: number): BoundExpr {
  if (e.type.oid !== T.unknown) return e;
  return tryCoerce(ctx, e, { oid: T.text, typmod: -1 }, 'implicit', location) ?? e;
}

function bindTargets(env: ExprEnv, q: SelectQuery): Target[] {
  const out: Target[] = [];
  for (const t of q.targets) {
    const e = t.expr;
    if (e.kind === 'columnRef' && e.star) {
      const table = e.names.length > 0 ? e.names[e.names.length - 1] : undefined;
      for (const c of env.scope.star(table, e.location)) {
        out.push({
          expr: c.expr ?? { kind: 'column', index: c.index, type: c.column.type, name: c.column.name, table: c.item.alias, location: e.location },
          name: c.column.name, type: c.column.type, tableOid: c.column.tableOid, attnum: c.column.attnum, location: e.location,
        });
      }
      continue;
    }
    const bound = resolveUnknownOutput(env.ctx, bindExpr(env, e), e.location);
    const src = bound.kind === 'column' ? env.scope.columnAt(bound.index)?.column : undefined;
    out.push({
      expr: bound, name: t.alias ?? figureColname(e), type: bound.type,
      tableOid: src?.tableOid ?? 0, attnum: src?.attnum ?? 0, location: t.location,
    });
  }
  return out;
}

/** An ORDER BY / GROUP BY item that is an output-column ordinal (`ORDER BY 2`). */
function ordinal(e: Expr): number | undefined {
  return e.kind === 'const' && e.value.type === 'int4' ? e.value.value : undefined;
}

function bareName(e: Expr): string | undefined {
  return e.kind === 'columnRef' && !e.star && e.names.length === 1 ? e.names[0] : undefined;
}

function resolveGroupKey(env: ExprEnv, g: Expr, targets: Target[]): BoundExpr {
  const n = ordinal(g);
  if (n !== undefined) {
    if (n < 1 || n > targets.length) {
      throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, `GROUP BY position ${n} is not in select list`, at(g.location));
    }
    return targets[n - 1].expr;
  }
  const name = bareName(g);
  // GROUP BY prefers an input column; an output column name is the fallback (SQL92 rule).
  if (name !== undefined && !env.scope.items.some((i) => i.columns.some((c) => c.name === name))) {
    const t = targets.filter((x) => x.name === name);
    if (t.length === 1) return t[0].expr;
  }
  return bindExpr({ ...env, clause: 'GROUP BY' }, g);
}

type SortItem = OrderItem;

function resolveSortItem(env: ExprEnv, s: SortBy, targets: Target[]): SortItem {
  if (s.using) throw notSupported('ORDER BY ... USING is not supported', at(s.location));
  const desc = s.direction === 'desc';
  const nullsFirst = s.nulls === 'default' ? desc : s.nulls === 'first';
  const n = ordinal(s.expr);
  if (n !== undefined) {
    if (n < 1 || n > targets.length) {
      throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, `ORDER BY position ${n} is not in select list`, at(s.expr.location));
    }
    return { target: n - 1, desc, nullsFirst };
  }
  // ORDER BY prefers an output column name (SQL92), then any expression over the input.
  const name = bareName(s.expr);
  if (name !== undefined) {
    const hits = targets.map((t, i) => (t.name === name ? i : -1)).filter((i) => i >= 0);
    if (hits.length > 1 && hits.some((i) => boundKey(targets[i].expr) !== boundKey(targets[hits[0]].expr))) {
      throw new SqlError(SQLSTATE.AMBIGUOUS_COLUMN, `ORDER BY "${name}" is ambiguous`, at(s.expr.location));
    }
    if (hits.length > 0) return { target: hits[0], desc, nullsFirst };
  }
  const bound = bindExpr({ ...env, clause: 'ORDER BY' }, s.expr);
  const key = boundKey(bound);
  const i = targets.findIndex((t) => boundKey(t.expr) === key);
  return i >= 0 ? { target: i, desc, nullsFirst } : { expr: bound, desc, nullsFirst };
}

/** LIMIT / OFFSET: a bigint expression without column references. */
export function bindLimit(ctx: BindContext, e: Expr | undefined, what: 'LIMIT' | 'OFFSET', host: SubqueryPlanner): BoundExpr | undefined {
  if (!e) return undefined;
  const env: ExprEnv = { ctx, scope: new Scope(), clause: what, subqueries: host };
  const b = bindExpr(env, e);
  const out = tryCoerce(ctx, b, { oid: T.int8, typmod: -1 }, 'assignment', e.location);
  if (!out) {
    throw new SqlError(SQLSTATE.DATATYPE_MISMATCH, `argument of ${what} must be type bigint, not type ${ctx.typeName(b.type.oid)}`, at(e.location));
  }
  return out;
}

export function planSelect(ctx: BindContext, q: SelectQuery, parent: Scope | undefined, host: QueryPlannerHost): PlannedQuery {
  if (q.into) throw notSupported('SELECT INTO is not supported', at(q.location));
  if (q.locking.length > 0) throw notSupported('SELECT FOR UPDATE/SHARE is not supported yet', at(q.location));
  if (q.withTies) throw notSupported('FETCH ... WITH TIES is not supported yet', at(q.location));

  const scope = new Scope(parent);
  const env: ExprEnv = { ctx, scope, clause: 'FROM', subqueries: host };
  const planQuery: QueryPlanner = (qq, p) => {
    const sub = host.planQuery(qq, p);
    // A FROM subquery reading an enclosing query makes this level correlated too (its scope
    // hangs off this level's parent, so the reference did not mark this scope).
    if (sub.correlated) scope.readsOuter = true;
    return { node: sub.node, columns: sub.columns };
  };
  const trees: FromTree[] = planFromList({ ...env, clause: 'FROM' }, q.from, (item) => planFromItem({ ...env, clause: 'FROM' }, item, planQuery), planQuery);
  const where = q.where ? bindCondition({ ...env, clause: 'WHERE' }, q.where, 'WHERE') : undefined;

  const aggs: AggCollector = { calls: [] };
  const wins = newWindowCollector(q.windows);
  const srfs: SrfCollector = { calls: [] };
  const targets = bindTargets({ ...env, clause: 'SELECT', aggs, wins, srfs }, q);
  const rawKeys = q.groupBy.map((g) => resolveGroupKey(env, g, targets));
  // Grouping sets may name one expression several times: keep one key per expression.
  const groupKeys = q.groupingSets ? rawKeys.filter((k, i) => rawKeys.findIndex((x) => boundKey(x) === boundKey(k)) === i) : rawKeys;
  const groupingSets = q.groupingSets?.map((set) => [...new Set(set.map((i) => groupKeys.findIndex((x) => boundKey(x) === boundKey(rawKeys[i]))))]);
  let having = q.having ? bindCondition({ ...env, clause: 'HAVING', aggs }, q.having, 'HAVING') : undefined;
  const sortItems = q.orderBy.map((s) => resolveSortItem({ ...env, aggs, wins, srfs }, s, targets));
  const onExprs = q.distinct?.on ?? [];
  const onItems = onExprs.map((e) => distinctOnItem(() => resolveSortItem({ ...env, aggs, wins }, { expr: e, direction: 'default', nulls: 'default', location: e.location }, targets)));
  const onExtras = onItems.length > 0 ? distinctOnExtras(sortItems, onItems, onExprs) : [];

  let node: PhysicalNode = trees.length > 0
    ? planFromTree(crossJoin(trees), where)
    : where
      ? { kind: 'result', condition: where }
      : { kind: 'result' };

  let exprs = targets.map((t) => t.expr);
  let junk = [...sortItems, ...onExtras.map((x) => x.item)].filter((s) => s.expr).map((s) => s.expr!);
  const junkKeys = junk.map(boundKey);
  let windowInput = (e: BoundExpr) => e;
  aggs.calls = resolveGroupingCalls(aggs.calls, groupKeys);
  if (aggs.calls.length > 0 || groupKeys.length > 0 || having) {
    node = { kind: 'aggregate', input: node, groupKeys, aggregates: aggs.calls, ...(groupingSets ? { groupingSets } : {}) };
    const keyNames = groupKeys.map((k) => deparseExpr(k));
    const aggNames = aggs.calls.map((a) => deparseAggregate(a));
    const rw = (e: BoundExpr) => rewriteForAggregate(e, groupKeys, keyNames, aggNames);
    exprs = exprs.map(rw);
    junk = junk.map(rw);
    windowInput = rw;
    if (having) {
      having = rw(having);
      node = { kind: 'filter', input: node, predicate: having };
    }
  }
  let srfInput = windowInput;
  if (wins.calls.length > 0) {
    const w = planWindows(node, wins, windowInput);
    node = w.node;
    exprs = exprs.map(w.resolve);
    junk = junk.map(w.resolve);
    srfInput = (e) => w.resolve(windowInput(e));
  }
  if (srfs.calls.length > 0) {
    const p = planProjectSet(node, srfs, srfInput);
    node = p.node;
    exprs = exprs.map(p.resolve);
    junk = junk.map(p.resolve);
  }
  node = { kind: 'project', input: node, exprs: [...exprs, ...junk] };

  if (onItems.length > 0) {
    const sort = [...sortItems.map((item, k) => ({ item, location: q.orderBy[k].location })), ...onExtras.map((x) => ({ item: x.item, location: x.source.location }))];
    node = planDistinctOn(ctx, node, { exprs, junk, types: [...exprs, ...junk].map((e) => e.type), sort, on: onItems }, junkKeys);
  } else if (q.distinct) {
    if (junk.length > 0) {
      const first = q.orderBy[sortItems.findIndex((s) => s.expr)];
      throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, 'for SELECT DISTINCT, ORDER BY expressions must appear in select list', at(first.expr.location));
    }
    node = { kind: 'distinct', input: node, width: targets.length };
  }
  if (sortItems.length > 0 && onItems.length === 0) {
    let j = targets.length;
    const keys: SortKey[] = sortItems.map((s, k) => {
      const index = s.target ?? j++;
      const type = s.target !== undefined ? targets[s.target].type : s.expr!.type;
      const label = s.target !== undefined ? exprs[s.target] : junk[index - targets.length];
      const expr: BoundExpr = { kind: 'column', index, type, name: deparseExpr(label) };
      return { expr, label, desc: s.desc, nullsFirst: s.nullsFirst, cmpImpl: comparisonImpl(ctx, type.oid, q.orderBy[k].location) };
    });
    node = { kind: 'sort', input: node, keys };
  }
  const count = bindLimit(ctx, q.limit, 'LIMIT', host);
  const offset = bindLimit(ctx, q.offset, 'OFFSET', host);
  if (count || offset) node = { kind: 'limit', input: node, ...(count ? { count } : {}), ...(offset ? { offset } : {}) };
  node = planVectorTopK(node, ctx);
  return {
    node,
    columns: targets.map(({ name, type, tableOid, attnum }) => ({ name, type, tableOid, attnum })),
    width: exprs.length + junk.length,
    correlated: scope.readsOuter,
  };
}
