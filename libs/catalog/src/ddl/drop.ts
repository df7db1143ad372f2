// DROP TABLE / INDEX / SEQUENCE / VIEW / SCHEMA / EXTENSION (tablecmds.c RemoveRelations with
// DropErrorMsgNonExistent / DropErrorMsgWrongType, dropcmds.c RemoveObjects). All targets of
// one statement are deleted in one dependency walk, so `DROP TABLE a, b` succeeds when only
// b references a.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { DropObjectType, DropStmt, QualifiedName } from '@vecgres/sql';
import { lookupRelation } from '../lookup/resolve';
import { notice } from '../model/notice';
import type { RelKind } from '../model/relations';
import { INFORMATION_SCHEMA_NAMESPACE, PG_CATALOG_NAMESPACE } from '../model/rows';
import type { CatalogState } from '../model/state';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';
import { deleteObject } from './delete-object';
import { performDeletion } from './dependencies';
import type { ObjectAddress } from './object-address';

type RelDrop = Exclude<DropObjectType, 'schema' | 'extension'>;

const WORD: Record<RelDrop, string> = {
  table: 'table', index: 'index', sequence: 'sequence', view: 'view', materializedView: 'materialized view',
};
const KIND_OF: Record<RelDrop, RelKind | undefined> = {
  table: 'r', index: 'i', sequence: 'S', view: 'v', materializedView: undefined,
};
const HINT_FOR: Record<RelKind, string> = {
  r: 'Use DROP TABLE to remove a table.',
  i: 'Use DROP INDEX to remove an index.',
  S: 'Use DROP SEQUENCE to remove a sequence.',
  v: 'Use DROP VIEW to remove a view.',
};

function missingRelation(b: DdlBuilder, type: RelDrop, name: QualifiedName, ifExists: boolean): void {
  if (name.schema !== undefined && !b.catalog.namespaceByName(name.schema === 'pg_temp' ? b.ctx.tempSchema ?? name.schema : name.schema)) {
    if (!ifExists) throw new SqlError(SQLSTATE.INVALID_SCHEMA_NAME, `schema "${name.schema}" does not exist`);
    b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `schema "${name.schema}" does not exist, skipping`));
    return;
  }
  if (!ifExists) {
    const code = type === 'index' ? SQLSTATE.UNDEFINED_OBJECT : SQLSTATE.UNDEFINED_TABLE;
    throw new SqlError(code, `${WORD[type]} "${name.name}" does not exist`);
  }
  b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `${WORD[type]} "${name.name}" does not exist, skipping`));
}

function dropRelations(b: DdlBuilder, stmt: DropStmt, type: RelDrop): void {
  const targets: ObjectAddress[] = [];
  for (const name of stmt.names) {
    const rel = lookupRelation(b.catalog, b.ctx, name, { missingSchemaOk: true });
    if (!rel) {
      missingRelation(b, type, name, stmt.ifExists);
      continue;
    }
    if (rel.kind !== KIND_OF[type]) {
      throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a${type === 'index' ? 'n' : ''} ${WORD[type]}`, {
        hint: HINT_FOR[rel.kind],
      });
    }
    if (type === 'index' && stmt.concurrently && stmt.names.length > 1) {
      throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'DROP INDEX CONCURRENTLY does not support dropping multiple objects');
    }
    targets.push({ kind: 'relation', oid: rel.oid });
  }
  if (targets.length) performDeletion(b, targets, stmt.behavior === 'cascade', (a) => deleteObject(b, a));
}

function dropSchemas(b: DdlBuilder, stmt: DropStmt): void {
  const targets: ObjectAddress[] = [];
  for (const { name } of stmt.names) {
    const ns = b.catalog.namespaceByName(name);
    if (!ns) {
      if (!stmt.ifExists) throw new SqlError(SQLSTATE.INVALID_SCHEMA_NAME, `schema "${name}" does not exist`);
      b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `schema "${name}" does not exist, skipping`));
      continue;
    }
    if (ns.oid === PG_CATALOG_NAMESPACE || ns.oid === INFORMATION_SCHEMA_NAMESPACE) {
      throw new SqlError(SQLSTATE.DEPENDENT_OBJECTS_STILL_EXIST, `cannot drop schema ${name} because it is required by the database system`);
    }
    targets.push({ kind: 'namespace', oid: ns.oid });
  }
  if (targets.length) performDeletion(b, targets, stmt.behavior === 'cascade', (a) => deleteObject(b, a));
}

function dropExtensions(b: DdlBuilder, stmt: DropStmt): void {
  const targets: ObjectAddress[] = [];
  for (const { name } of stmt.names) {
    const ext = b.catalog.extensionByName(name);
    if (!ext) {
      if (!stmt.ifExists) throw new SqlError(SQLSTATE.UNDEFINED_OBJECT, `extension "${name}" does not exist`);
      b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `extension "${name}" does not exist, skipping`));
      continue;
    }
    targets.push({ kind: 'extension', oid: ext.oid });
  }
  if (targets.length) performDeletion(b, targets, stmt.behavior === 'cascade', (a) => deleteObject(b, a));
}

export function drop(state: CatalogState, stmt: DropStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  switch (stmt.objectType) {
    case 'schema': dropSchemas(b, stmt); break;
    case 'extension': dropExtensions(b, stmt); break;
    default: dropRelations(b, stmt, stmt.objectType);
  }
  return b.result();
}
