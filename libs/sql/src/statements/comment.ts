// COMMENT ON TABLE / VIEW / COLUMN (the objects vecgres keeps comments for).
import type { CommentStmt } from '../types';
import { stringList, type PgNode, type TranslateContext } from '../context';

const COMMENT_TYPES: Record<string, CommentStmt['objectType']> = {
  OBJECT_TABLE: 'table',
  OBJECT_VIEW: 'view',
  OBJECT_COLUMN: 'column',
};

export function translateComment(ctx: TranslateContext, b: PgNode): CommentStmt {
  const objectType = COMMENT_TYPES[b.objtype];
  if (!objectType) throw ctx.unsupported(`COMMENT ON ${String(b.objtype).replace(/^OBJECT_/, '').replace(/_/g, ' ')}`);
  // The object is a dotted name List: [schema.]table, or [schema.]table.column for columns.
  const parts = stringList(ctx, b.object?.List?.items);
  const column = objectType === 'column' ? parts.pop() : undefined;
  if (parts.length === 0 || parts.length > 3) throw ctx.unsupported('name form');
  const table: CommentStmt['table'] = { name: parts[parts.length - 1], location: -1 };
  if (parts.length >= 2) table.schema = parts[parts.length - 2];
  if (parts.length === 3) table.catalog = parts[0];
  const stmt: CommentStmt = { kind: 'comment', objectType, table, comment: typeof b.comment === 'string' ? b.comment : null, location: -1 };
  if (column !== undefined) stmt.column = column;
  return stmt;
}
