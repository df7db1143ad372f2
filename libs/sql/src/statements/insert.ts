// INSERT INTO t [(cols)] {VALUES ... | SELECT ... | DEFAULT VALUES} [ON CONFLICT ...] [RETURNING ...]
import type { InsertStmt, OnConflict } from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';
import { indirectionSteps, optExpr, translateExpr } from '../expressions/expr';
import { translateQuery, translateWith } from './select';
import { dmlTarget, translateReturning, translateSetClauses } from './update';

export function translateInsert(ctx: TranslateContext, b: PgNode): InsertStmt {
  const stmt: InsertStmt = {
    kind: 'insert',
    target: dmlTarget(ctx, b.relation),
    columns: list(b.cols).map((n) => {
      const [, t] = unwrap(n);
      const col: InsertStmt['columns'][number] = { name: t.name, location: ctx.loc(t.location) };
      if (t.indirection) col.indirection = indirectionSteps(ctx, t.indirection);
      return col;
    }),
    returning: translateReturning(ctx, b.returningClause),
    location: ctx.loc(b.relation.location),
  };
  if (b.withClause) stmt.with = translateWith(ctx, b.withClause);
  if (b.selectStmt) stmt.source = translateQuery(ctx, b.selectStmt);
  if (b.override === 'OVERRIDING_SYSTEM_VALUE') stmt.overriding = 'system';
  if (b.override === 'OVERRIDING_USER_VALUE') stmt.overriding = 'user';
  if (b.onConflictClause) stmt.onConflict = translateOnConflict(ctx, b.onConflictClause);
  return stmt;
}

function translateOnConflict(ctx: TranslateContext, b: PgNode): OnConflict {
  if (b.action !== 'ONCONFLICT_NOTHING' && b.action !== 'ONCONFLICT_UPDATE') {
    throw ctx.unsupported(`ON CONFLICT action ${b.action}`, b.location);
  }
  const clause: OnConflict = {
    action: b.action === 'ONCONFLICT_NOTHING' ? 'nothing' : 'update',
    set: translateSetClauses(ctx, b.targetList),
    location: ctx.loc(b.location),
  };
  const infer = b.infer;
  if (infer?.conname) clause.target = { constraint: infer.conname };
  else if (infer) {
    const columns = list(infer.indexElems).map((n) => {
      const [, e] = unwrap(n);
      if (e.collation || e.opclass) throw ctx.unsupported('COLLATE or operator class in ON CONFLICT target', infer.location);
      return e.name !== undefined ? { name: e.name as string } : { expr: translateExpr(ctx, e.expr) };
    });
    const where = optExpr(ctx, infer.whereClause);
    clause.target = where ? { columns, where } : { columns };
  }
  const where = optExpr(ctx, b.whereClause);
  if (where) clause.where = where;
  return clause;
}
