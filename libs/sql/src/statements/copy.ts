// COPY table [(cols)] FROM {STDIN | 'file' | PROGRAM 'cmd'} [WITH (...)] [WHERE ...]
// COPY {table [(cols)] | (query)} TO {STDOUT | 'file' | PROGRAM 'cmd'} [WITH (...)]
import type { CopyStmt } from '../types';
import { stringList, type PgNode, type TranslateContext } from '../context';
import { optExpr } from '../expressions/expr';
import { qualifiedName } from './names';
import { translateOptions } from './options';
import { translateStmt } from './statement';

export function translateCopy(ctx: TranslateContext, b: PgNode): CopyStmt {
  const stmt: CopyStmt = {
    kind: 'copy',
    columns: stringList(ctx, b.attlist, 'column name'),
    direction: b.is_from === true ? 'from' : 'to',
    target: b.filename === undefined ? 'stdio' : b.is_program === true ? 'program' : 'file',
    // Old-style options (`CSV HEADER`, `BINARY`) arrive as the same DefElems as WITH (...).
    options: translateOptions(ctx, b.options),
    location: ctx.loc(b.relation?.location),
  };
  if (b.relation) stmt.table = qualifiedName(ctx, b.relation);
  if (b.query) stmt.query = translateStmt(ctx, b.query);
  if (b.filename !== undefined) stmt.filename = b.filename;
  const where = optExpr(ctx, b.whereClause);
  if (where) stmt.where = where;
  return stmt;
}
