// CREATE SCHEMA, and where new relations go (explicit schema, the session's temp schema for
// TEMPORARY relations, else the search_path's creation schema).
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { CreateSchemaStmt, QualifiedName } from '@vecgres/sql';
import { creationNamespace } from '../lookup/resolve';
import { notice } from '../model/notice';
import type { Oid } from '../model/rows';
import type { CatalogState } from '../model/state';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';

/** 42939 for names PostgreSQL reserves (`pg_` prefix). */
function checkSchemaName(name: string): void {
  if (name.startsWith('pg_')) {
    throw new SqlError(SQLSTATE.RESERVED_NAME, `unacceptable schema name "${name}"`, {
      detail: 'The prefix "pg_" is reserved for system schemas.',
    });
  }
}

export function createSchema(state: CatalogState, stmt: CreateSchemaStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const name = stmt.name ?? stmt.authorization;
  if (name === undefined) throw notSupported('CREATE SCHEMA needs a name');
  if (b.catalog.namespaceByName(name)) {
    if (stmt.ifNotExists) {
      b.notice(notice(SQLSTATE.DUPLICATE_SCHEMA, `schema "${name}" already exists, skipping`));
      return b.result();
    }
    throw new SqlError(SQLSTATE.DUPLICATE_SCHEMA, `schema "${name}" already exists`);
  }
  checkSchemaName(name);
  b.put('namespaces', { oid: b.oid(), name, owner: stmt.authorization ?? ctx.user });
  return b.result();
}

/** The session's temp schema, created on first use (PostgreSQL's InitTempTableNamespace). */
export function ensureTempNamespace(b: DdlBuilder): Oid {
  const name = b.ctx.tempSchema;
  if (name === undefined) throw notSupported('temporary objects need a session temp schema');
  const existing = b.catalog.namespaceByName(name);
  if (existing) return existing.oid;
  const oid = b.oid();
  b.put('namespaces', { oid, name, owner: b.ctx.user });
  return oid;
}

/** The namespace a new relation goes to. */
export function relationNamespaceForCreate(b: DdlBuilder, name: QualifiedName, temporary: boolean): Oid {
  if (temporary || name.schema === 'pg_temp') {
    if (name.schema !== undefined && name.schema !== 'pg_temp' && name.schema !== b.ctx.tempSchema) {
      throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, 'cannot create temporary relation in non-temporary schema');
    }
    return ensureTempNamespace(b);
  }
  return creationNamespace(b.catalog, b.ctx, name);
}
