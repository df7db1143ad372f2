// DELETE FROM t [USING ...] [WHERE ...] [RETURNING ...]
import type { DeleteStmt } from '../types';
import type { PgNode, TranslateContext } from '../context';
import { optExpr } from '../expressions/expr';
import { translateFromList } from './from';
import { translateWith } from './select';
import { dmlTarget, translateReturning } from './update';

export function translateDelete(ctx: TranslateContext, b: PgNode): DeleteStmt {
  const stmt: DeleteStmt = {
    kind: 'delete',
    target: dmlTarget(ctx, b.relation),
    using: translateFromList(ctx, b.usingClause),
    returning: translateReturning(ctx, b.returningClause),
    location: ctx.loc(b.relation.location),
  };
  if (b.withClause) stmt.with = translateWith(ctx, b.withClause);
  const where = optExpr(ctx, b.whereClause);
  if (where) stmt.where = where;
  return stmt;
}
