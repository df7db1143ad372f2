// CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING method]
//   (elems) [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WITH (...)] [TABLESPACE x] [WHERE ...]
import type { CreateIndexStmt, IndexElem } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { optExpr, translateExpr } from '../expressions/expr';
import { qualifiedName } from './names';
import { translateOptions } from './options';

function indexElem(ctx: TranslateContext, e: PgNode, at: number | undefined): IndexElem {
  const elem: IndexElem = {
    opclassOptions: translateOptions(ctx, e.opclassopts),
    direction: e.ordering === 'SORTBY_ASC' ? 'asc' : e.ordering === 'SORTBY_DESC' ? 'desc' : 'default',
    nulls: e.nulls_ordering === 'SORTBY_NULLS_FIRST' ? 'first' : e.nulls_ordering === 'SORTBY_NULLS_LAST' ? 'last' : 'default',
  };
  if (e.name !== undefined) elem.column = e.name;
  else if (e.expr) elem.expr = translateExpr(ctx, e.expr);
  else throw ctx.unsupported('index element form', at);
  if (e.collation) elem.collation = stringList(ctx, e.collation, 'collation name');
  if (e.opclass) elem.opclass = stringList(ctx, e.opclass, 'operator class name');
  return elem;
}

export function translateCreateIndex(ctx: TranslateContext, b: PgNode): CreateIndexStmt {
  const at = b.relation.location;
  const stmt: CreateIndexStmt = {
    kind: 'createIndex',
    table: qualifiedName(ctx, b.relation),
    inherit: b.relation.inh === true,
    method: b.accessMethod ?? 'btree',
    unique: b.unique === true,
    nullsNotDistinct: b.nulls_not_distinct === true,
    concurrently: b.concurrent === true,
    ifNotExists: b.if_not_exists === true,
    elems: list(b.indexParams).map((n) => indexElem(ctx, unwrap(n)[1], at)),
    include: list(b.indexIncludingParams).map((n) => {
      const e = unwrap(n)[1];
      if (e.name === undefined) throw ctx.unsupported('expression in INCLUDE', at);
      return e.name as string;
    }),
    options: translateOptions(ctx, b.options),
    location: ctx.loc(at),
  };
  if (b.idxname) stmt.name = b.idxname;
  if (b.tableSpace) stmt.tablespace = b.tableSpace;
  const where = optExpr(ctx, b.whereClause);
  if (where) stmt.where = where;
  return stmt;
}
