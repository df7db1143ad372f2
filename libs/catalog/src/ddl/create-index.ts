// CREATE INDEX (indexcmds.c DefineIndex): the table, IF NOT EXISTS, the access method and its
// options; naming and key resolution are in index-build.ts. CONCURRENTLY is accepted and
// means nothing more here (the engine builds indexes without blocking readers anyway).
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { CreateIndexStmt } from '@vecgres/sql';
import { requireRelation } from '../lookup/resolve';
import { notice } from '../model/notice';
import type { CatalogState } from '../model/state';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';
import { buildIndex } from './index-build';

const KIND_NAME = { i: 'indexes', S: 'sequences', v: 'views' } as const;

export function createIndex(state: CatalogState, stmt: CreateIndexStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const rel = requireRelation(b.catalog, ctx, stmt.table);
  if (rel.kind !== 'r') {
    throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `cannot create index on relation "${rel.name}"`, {
      detail: `This operation is not supported for ${KIND_NAME[rel.kind]}.`,
    });
  }
  if (stmt.name !== undefined && b.catalog.relationByName(rel.namespace, stmt.name)) {
    if (stmt.ifNotExists) {
      b.notice(notice(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.name}" already exists, skipping`));
      return b.result();
    }
    throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.name}" already exists`);
  }
  buildIndex(b, rel, {
    name: stmt.name,
    method: stmt.method,
    unique: stmt.unique,
    primary: false,
    nullsNotDistinct: stmt.nullsNotDistinct,
    elems: stmt.elems,
    include: stmt.include,
    options: stmt.options,
    where: stmt.where,
    isConstraint: false,
  });
  return b.result();
}
