// Smaller DDL: CREATE SCHEMA, CREATE/ALTER EXTENSION, CREATE SEQUENCE, TRUNCATE,
// CREATE DATABASE, REINDEX.
import type {
  AlterExtensionStmt, CreateDatabaseStmt, CreateExtensionStmt, CreateSchemaStmt, CreateSequenceStmt,
  ReindexStmt, TruncateStmt,
} from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';
import { behavior } from './alter-table';
import { qualifiedName } from './names';
import { translateOptions } from './options';

export function translateCreateSchema(ctx: TranslateContext, b: PgNode): CreateSchemaStmt {
  // CREATE SCHEMA s CREATE TABLE ... creates objects inside; not modelled.
  if (b.schemaElts) throw ctx.unsupported('CREATE SCHEMA with schema elements', b.authrole?.location);
  const stmt: CreateSchemaStmt = { kind: 'createSchema', ifNotExists: b.if_not_exists === true, location: -1 };
  if (b.schemaname) stmt.name = b.schemaname;
  if (b.authrole) {
    if (b.authrole.roletype !== 'ROLESPEC_CSTRING') throw ctx.unsupported('AUTHORIZATION with a role keyword', b.authrole.location);
    stmt.authorization = b.authrole.rolename;
  }
  return stmt;
}

export function translateCreateExtension(ctx: TranslateContext, b: PgNode): CreateExtensionStmt {
  return {
    kind: 'createExtension',
    name: b.extname,
    ifNotExists: b.if_not_exists === true,
    options: translateOptions(ctx, b.options),
    location: -1,
  };
}

export function translateAlterExtension(ctx: TranslateContext, b: PgNode): AlterExtensionStmt {
  return { kind: 'alterExtension', name: b.extname, options: translateOptions(ctx, b.options), location: -1 };
}

export function translateCreateSequence(ctx: TranslateContext, b: PgNode): CreateSequenceStmt {
  return {
    kind: 'createSequence',
    sequence: qualifiedName(ctx, b.sequence),
    ifNotExists: b.if_not_exists === true,
    temporary: b.sequence.relpersistence === 't',
    unlogged: b.sequence.relpersistence === 'u',
    options: translateOptions(ctx, b.options),
    location: ctx.loc(b.sequence.location),
  };
}

export function translateTruncate(ctx: TranslateContext, b: PgNode): TruncateStmt {
  const tables = list(b.relations).map((n) => {
    const [, rv] = unwrap(n);
    return { table: qualifiedName(ctx, rv), inherit: rv.inh === true };
  });
  return { kind: 'truncate', tables, restartIdentity: b.restart_seqs === true, behavior: behavior(b), location: tables[0]?.table.location ?? -1 };
}

export function translateCreateDatabase(ctx: TranslateContext, b: PgNode): CreateDatabaseStmt {
  return { kind: 'createDatabase', name: b.dbname, options: translateOptions(ctx, b.options), location: -1 };
}

const REINDEX_TARGETS: Record<string, ReindexStmt['target']> = {
  REINDEX_OBJECT_INDEX: 'index',
  REINDEX_OBJECT_TABLE: 'table',
  REINDEX_OBJECT_SCHEMA: 'schema',
  REINDEX_OBJECT_DATABASE: 'database',
  REINDEX_OBJECT_SYSTEM: 'system',
};

export function translateReindex(ctx: TranslateContext, b: PgNode): ReindexStmt {
  const target = REINDEX_TARGETS[b.kind];
  if (!target) throw ctx.unsupported(`REINDEX ${b.kind}`);
  const stmt: ReindexStmt = { kind: 'reindex', target, options: translateOptions(ctx, b.params), location: -1 };
  if (b.relation) {
    stmt.name = qualifiedName(ctx, b.relation);
    stmt.location = stmt.name.location;
  } else if (b.name) stmt.name = { name: b.name, location: -1 };
  return stmt;
}
