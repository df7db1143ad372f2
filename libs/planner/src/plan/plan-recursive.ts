// WITH RECURSIVE (parse_cte.c): a WITH query that refers to itself must be
// `non-recursive term UNION [ALL] recursive term`. The non-recursive term fixes the column names
// and types; inside the recursive term the CTE's name reads the work table (WorkTable Scan);
// everywhere else it is the whole Recursive Union, planned once and inlined at each reference.
// A WITH RECURSIVE query that does not refer to itself is an ordinary CTE.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import { exprSubquery, queryParts, walkExpr, type CommonTableExpr, type FromItem, type Query, type TableRef } from '@vecgres/sql';
import { at, type BindContext } from '../bind/bind-context';
import { coerceAll, selectCommonType } from '../bind/coerce';
import type { Scope } from '../bind/scope';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';
import type { PlannedQuery } from './plan-select';

/** The recursive part of a WITH entry (see BindContext.ctes). */
export interface RecursiveCte {
  workTable: number;
  columns: Array<{ name: string; type: TypeRef }>;
  /** The Recursive Union; absent while the recursive term itself is being planned. */
  node?: PhysicalNode;
}

function fromRefs(item: FromItem, name: string, out: TableRef[]): void {
  if (item.kind === 'table') {
    if (item.table.schema === undefined && item.table.name === name) out.push(item);
  } else if (item.kind === 'join') {
    fromRefs(item.left, name, out);
    fromRefs(item.right, name, out);
  }
}

/** FROM references to `name` anywhere in `q` (nested queries and expression subqueries included). */
export function relationRefs(q: Query, name: string, out: TableRef[] = []): TableRef[] {
  if (q.kind === 'select') for (const f of q.from) fromRefs(f, name, out);
  const { exprs, queries } = queryParts(q);
  for (const sub of queries) relationRefs(sub, name, out);
  for (const e of exprs) {
    walkExpr(e, (x) => {
      const sub = exprSubquery(x);
      if (sub) relationRefs(sub, name, out);
    });
  }
  return out;
}

function invalidRecursion(message: string, location: number): SqlError {
  return new SqlError(SQLSTATE.INVALID_RECURSION, message, at(location));
}

export interface QueryPlanning { planQuery(q: Query, parent: Scope | undefined): PlannedQuery }

/** Plans a self-referencing WITH query and pushes its entry onto `ctx.ctes`. */
export function planRecursiveCte(ctx: BindContext, host: QueryPlanning, cte: CommonTableExpr, parent: Scope | undefined): void {
  const q = cte.query as Query;
  const name = cte.name;
  if (q.kind !== 'setOp' || q.op !== 'union') {
    throw invalidRecursion(`recursive query "${name}" does not have the form non-recursive-term UNION [ALL] recursive-term`, cte.location);
  }
  if (q.orderBy.length > 0) throw notSupported('ORDER BY in a recursive query is not implemented', at(q.orderBy[0].location));
  if (q.offset) throw notSupported('OFFSET in a recursive query is not implemented', at(q.offset.location));
  if (q.limit) throw notSupported('LIMIT in a recursive query is not implemented', at(q.limit.location));
  const early = relationRefs(q.left, name);
  if (early.length > 0) throw invalidRecursion(`recursive reference to query "${name}" must not appear within its non-recursive term`, early[0].location);
  const refs = relationRefs(q.right, name);
  if (refs.length > 1) throw invalidRecursion(`recursive reference to query "${name}" must not appear more than once`, refs[1].location);

  const left = host.planQuery(q.left, parent);
  const names = left.columns.map((c, i) => cte.columns?.[i] ?? c.name);
  if (cte.columns && cte.columns.length > left.columns.length) {
    throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, `WITH query "${name}" has ${left.columns.length} columns available but ${cte.columns.length} columns specified`, at(cte.location));
  }
  const workTable = ctx.ctes.length;
  const rec: RecursiveCte = { workTable, columns: left.columns.map((c, i) => ({ name: names[i], type: c.type })) };
  ctx.ctes.push({ name, query: q, ...(cte.columns ? { columns: cte.columns } : {}), depth: ctx.ctes.length, recursive: rec });

  const right = host.planQuery(q.right, parent);
  if (right.columns.length !== left.columns.length) {
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'each UNION query must have the same number of columns', at(q.right.location));
  }
  const exprs: BoundExpr[] = right.columns.map((c, i) => {
    const l = left.columns[i].type;
    const col: BoundExpr = { kind: 'column', index: i, type: c.type, name: c.name };
    const lcol: BoundExpr = { kind: 'column', index: i, type: l, name: names[i] };
    const loc = q.right.location;
    const common = selectCommonType(ctx, [lcol, col], 'UNION', [q.left.location, loc]);
    if (common.oid !== l.oid) {
      throw new SqlError(
        SQLSTATE.DATATYPE_MISMATCH,
        `recursive query "${name}" column ${i + 1} has type ${ctx.typeName(l.oid, l.typmod)} in non-recursive term but type ${ctx.typeName(common.oid, common.typmod)} overall`,
        { hint: 'Cast the output of the non-recursive term to the correct type.', ...at(q.left.location) },
      );
    }
    return coerceAll(ctx, [col], l, 'UNION', [loc])[0];
  });
  const recursive: PhysicalNode = exprs.every((e, i) => e.kind === 'column' && e.index === i)
    ? right.node
    : { kind: 'project', input: right.node, exprs };
  rec.node = { kind: 'recursiveUnion', name, all: q.all, nonRecursive: left.node, recursive, workTable };
}

/** The node a FROM reference to a recursive WITH query reads (see file header). */
export function recursiveRefNode(rec: RecursiveCte, name: string, alias: string): PhysicalNode {
  return rec.node ?? { kind: 'workTableScan', name, alias, workTable: rec.workTable, types: rec.columns.map((c) => c.type) };
}
