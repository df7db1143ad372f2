// DROP TABLE / INDEX / SCHEMA / EXTENSION / SEQUENCE / VIEW / MATERIALIZED VIEW, and
// DROP DATABASE (its own node in PostgreSQL).
import type { DropDatabaseStmt, DropObjectType, DropStmt, QualifiedName } from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';
import { behavior } from './alter-table';
import { qualifiedNameFromList } from './names';
import { translateOptions } from './options';

const DROP_TYPES: Record<string, DropObjectType> = {
  OBJECT_TABLE: 'table',
  OBJECT_INDEX: 'index',
  OBJECT_SCHEMA: 'schema',
  OBJECT_EXTENSION: 'extension',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materializedView',
};

export function translateDrop(ctx: TranslateContext, b: PgNode): DropStmt {
  const objectType = DROP_TYPES[b.removeType];
  if (!objectType) throw ctx.unsupported(`DROP ${String(b.removeType).replace(/^OBJECT_/, '').replace(/_/g, ' ')}`);
  // Relations are name Lists (`s.t`); schemas and extensions are bare Strings.
  const names = list(b.objects).map((n): QualifiedName => {
    const [tag, o] = unwrap(n);
    if (tag === 'String') return { name: o.sval, location: -1 };
    if (tag === 'List') return qualifiedNameFromList(ctx, o.items);
    throw ctx.unsupported(`DROP of object name kind ${tag}`);
  });
  return {
    kind: 'drop',
    objectType,
    names,
    ifExists: b.missing_ok === true,
    behavior: behavior(b),
    concurrently: b.concurrent === true,
    location: -1,
  };
}

export function translateDropDatabase(ctx: TranslateContext, b: PgNode): DropDatabaseStmt {
  return { kind: 'dropDatabase', name: b.dbname, ifExists: b.missing_ok === true, options: translateOptions(ctx, b.options), location: -1 };
}
