// One entry point for the engine: a DDL statement and the current state in, a new state (plus
// notices and storage effects) out. Pure: the input state is never modified, so a transaction
// can keep the old one for ROLLBACK / ROLLBACK TO SAVEPOINT.
import type { Stmt } from '@vecgres/sql';
import type { CatalogState } from '../model/state';
import { alterTable } from './alter-table';
import { comment } from './comment';
import { createIndex } from './create-index';
import { createTable, type AsColumn } from './create-table';
import type { DdlContext, DdlResult } from './ddl-builder';
import { drop } from './drop';
import { alterExtension, createExtension } from './extension';
import { createSchema } from './schema';
import { alterSequence, createSequence } from './sequence';
import { truncate } from './truncate';
import { createView, type ViewColumn } from '../views/create-view';

/** Statement kinds applyDdl handles. */
export const DDL_KINDS = [
  'createTable', 'alterTable', 'drop', 'createIndex', 'createSchema', 'createExtension',
  'alterExtension', 'createSequence', 'alterSequence', 'truncate', 'comment',
  'createView',
] as const satisfies ReadonlyArray<Stmt['kind']>;

export type DdlStmt = Extract<Stmt, { kind: (typeof DDL_KINDS)[number] }>;

export function isDdlStmt(stmt: Stmt): stmt is DdlStmt {
  return (DDL_KINDS as readonly string[]).includes(stmt.kind);
}

export interface ApplyOptions {
  /** CREATE TABLE ... AS: the query's output columns, from the planner. */
  asColumns?: AsColumn[];
  /** CREATE VIEW: the query's output columns, from the planner. */
  viewColumns?: ViewColumn[];
}

export function applyDdl(state: CatalogState, stmt: DdlStmt, ctx: DdlContext, opts: ApplyOptions = {}): DdlResult {
  switch (stmt.kind) {
    case 'createTable': return createTable(state, stmt, ctx, opts.asColumns);
    case 'alterTable': return alterTable(state, stmt, ctx);
    case 'drop': return drop(state, stmt, ctx);
    case 'createIndex': return createIndex(state, stmt, ctx);
    case 'createSchema': return createSchema(state, stmt, ctx);
    case 'createExtension': return createExtension(state, stmt, ctx);
    case 'alterExtension': return alterExtension(state, stmt, ctx);
    case 'createSequence': return createSequence(state, stmt, ctx);
    case 'alterSequence': return alterSequence(state, stmt, ctx);
    case 'truncate': return truncate(state, stmt, ctx);
    case 'comment': return comment(state, stmt, ctx);
    case 'createView': return createView(state, stmt, ctx, opts.viewColumns);
  }
}
