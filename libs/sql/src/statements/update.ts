// UPDATE, and the SET list it shares with INSERT ... ON CONFLICT DO UPDATE.
import { syntaxError } from '@vecgres/errors';
import type { DmlTarget, SelectTarget, SetClause, UpdateStmt } from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';
import { indirectionSteps, optExpr, translateExpr } from '../expressions/expr';
import { translateFromList } from './from';
import { qualifiedName } from './names';
import { translateTargets, translateWith } from './select';

/** UPDATE / DELETE / INSERT target relation (`ONLY t AS x`). */
export function dmlTarget(ctx: TranslateContext, rv: PgNode): DmlTarget {
  const target: DmlTarget = { table: qualifiedName(ctx, rv), inherit: rv.inh === true };
  if (rv.alias) target.alias = rv.alias.aliasname;
  return target;
}

/** RETURNING list; PostgreSQL 18's `RETURNING WITH (OLD AS o, NEW AS n)` is not modelled. */
export function translateReturning(ctx: TranslateContext, clause: PgNode | undefined): SelectTarget[] {
  if (!clause) return [];
  if (clause.options) throw ctx.unsupported('RETURNING WITH (OLD/NEW)', undefined);
  return translateTargets(ctx, clause.exprs);
}

export function translateSetClauses(ctx: TranslateContext, nodes: PgNode[] | undefined): SetClause[] {
  return list(nodes).map((n) => {
    const [, t] = unwrap(n);
    const item: SetClause = { column: t.name, ...assignedValue(ctx, t.val), location: ctx.loc(t.location) };
    if (t.indirection) item.indirection = indirectionSteps(ctx, t.indirection);
    return item;
  });
}

function assignedValue(ctx: TranslateContext, val: PgNode): Pick<SetClause, 'value' | 'multiAssign'> {
  const [tag, v] = unwrap(val);
  if (tag !== 'MultiAssignRef') return { value: translateExpr(ctx, val) };
  // `(a, b) = (1, 2)` and `= ROW(1, 2)`: each column takes its own item, as PostgreSQL's
  // transformMultiAssignRef does; a subquery source stays whole, indexed by column.
  const [srcTag, src] = unwrap(v.source);
  if (srcTag !== 'RowExpr') {
    return { value: translateExpr(ctx, v.source), multiAssign: { index: v.colno, count: v.ncolumns } };
  }
  const args = list(src.args);
  if (args.length !== v.ncolumns) {
    const at = ctx.loc(src.location);
    throw syntaxError('number of columns does not match number of values', at < 0 ? undefined : at + 1);
  }
  return { value: translateExpr(ctx, args[v.colno - 1]) };
}

export function translateUpdate(ctx: TranslateContext, b: PgNode): UpdateStmt {
  const stmt: UpdateStmt = {
    kind: 'update',
    target: dmlTarget(ctx, b.relation),
    set: translateSetClauses(ctx, b.targetList),
    from: translateFromList(ctx, b.fromClause),
    returning: translateReturning(ctx, b.returningClause),
    location: ctx.loc(b.relation.location),
  };
  if (b.withClause) stmt.with = translateWith(ctx, b.withClause);
  const where = optExpr(ctx, b.whereClause);
  if (where) stmt.where = where;
  return stmt;
}
