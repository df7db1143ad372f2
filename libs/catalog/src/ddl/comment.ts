// COMMENT ON TABLE / VIEW / COLUMN (commands/comment.c CommentObject): the comment is kept on
// the relation or column row itself, so it goes away with the object; NULL or '' removes it.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { CommentStmt } from '@vecgres/sql';
import { requireRelation } from '../lookup/resolve';
import type { CatalogState } from '../model/state';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';

export function comment(state: CatalogState, stmt: CommentStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const rel = requireRelation(b.catalog, ctx, stmt.table);
  const text = stmt.comment === null || stmt.comment === '' ? undefined : stmt.comment;
  if (stmt.objectType === 'table' && rel.kind !== 'r') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a table`);
  if (stmt.objectType === 'view' && (rel.kind as string) !== 'v') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a view`);
  if (stmt.column === undefined) {
    const { comment: _old, ...rest } = rel;
    b.put('relations', text === undefined ? rest : { ...rest, comment: text });
    return b.result();
  }
  if (!('columns' in rel)) throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a table, view, materialized view, composite type, or foreign table`);
  const idx = rel.columns.findIndex((c) => !c.dropped && c.name === stmt.column);
  if (idx < 0) throw new SqlError(SQLSTATE.UNDEFINED_COLUMN, `column "${stmt.column}" of relation "${rel.name}" does not exist`);
  const columns = rel.columns.map((c, i) => {
    if (i !== idx) return c;
    const { comment: _old, ...rest } = c;
    return text === undefined ? rest : { ...rest, comment: text };
  });
  b.put('relations', { ...rel, columns });
  return b.result();
}
