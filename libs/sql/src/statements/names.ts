// Relation names and aliases shared by every statement kind.
import type { Alias, QualifiedName } from '../types';
import { stringList, type PgNode, type TranslateContext } from '../context';

/** RangeVar body -> QualifiedName. */
export function qualifiedName(ctx: TranslateContext, rv: PgNode): QualifiedName {
  const name: QualifiedName = { name: rv.relname, location: ctx.loc(rv.location) };
  if (rv.catalogname) name.catalog = rv.catalogname;
  if (rv.schemaname) name.schema = rv.schemaname;
  return name;
}

/** A dotted name list (`DROP TABLE s.t`) -> QualifiedName. */
export function qualifiedNameFromList(ctx: TranslateContext, names: PgNode[] | undefined, location?: number): QualifiedName {
  const parts = stringList(ctx, names);
  if (parts.length === 0 || parts.length > 3) throw ctx.unsupported('name form', location);
  const name: QualifiedName = { name: parts[parts.length - 1], location: ctx.loc(location) };
  if (parts.length >= 2) name.schema = parts[parts.length - 2];
  if (parts.length === 3) name.catalog = parts[0];
  return name;
}

export function translateAlias(ctx: TranslateContext, a: PgNode | undefined): Alias | undefined {
  if (!a) return undefined;
  const alias: Alias = { name: a.aliasname };
  if (a.colnames) alias.columns = stringList(ctx, a.colnames, 'column alias');
  return alias;
}
