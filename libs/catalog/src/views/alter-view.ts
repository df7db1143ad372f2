// ALTER VIEW / ALTER TABLE on a view: RENAME TO and RENAME COLUMN (PostgreSQL allows both
// through ALTER TABLE too), and keeping the stored queries of views valid after a relation or
// column they read is renamed: PostgreSQL's rules point at OIDs and attnums, our stored text
// names them, so the text is re-printed with the new names (an alias keeps the old reference
// name, as ruleutils does: `FROM public.t2 t`).
import { SQLSTATE, SqlError, undefinedColumn } from '@vecgres/errors';
import { parse, type AlterTableStmt, type Query } from '@vecgres/sql';
import type { DdlBuilder } from '../ddl/ddl-builder';
import { viewsUsing } from '../ddl/dependencies';
import type { Catalog } from '../lookup/catalog';
import type { ViewRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import { deparseViewQuery } from './view-deparse';

/** The stored query of `view` parsed back into a tree. */
export function viewQuery(view: ViewRelation): Query {
  return parse(view.query)[0].stmt as Query;
}

/** Re-prints the stored query of every view reading `relation`, resolving names in `before`. */
export function refreshDependentViews(b: DdlBuilder, before: Catalog, relation: Oid): void {
  for (const v of viewsUsing(before, relation)) {
    const now = b.catalog.relation(v.oid) as ViewRelation;
    const stored = deparseViewQuery(viewQuery(v), {
      catalog: before, names: b.catalog, resolve: b.ctx, registry: b.ctx.registry, qualifyAll: true,
      outputNames: now.columns.map((c) => c.name), outputTypes: now.columns.map((c) => c.type),
    });
    b.put('relations', { ...now, query: stored.text });
  }
}

/** ALTER TABLE / ALTER VIEW commands on view `view`. */
export function alterView(b: DdlBuilder, view: ViewRelation, stmt: AlterTableStmt): void {
  for (const cmd of stmt.commands) {
    const before = b.catalog;
    const v = before.relation(view.oid) as ViewRelation;
    switch (cmd.action) {
      case 'renameTable':
        if (before.relationByName(v.namespace, cmd.newName)) {
          throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${cmd.newName}" already exists`);
        }
        b.put('relations', { ...v, name: cmd.newName });
        break;
      case 'renameColumn': {
        const col = v.columns.find((c) => c.name === cmd.column);
        if (!col) throw undefinedColumn(`column "${cmd.column}" does not exist`);
        if (v.columns.some((c) => c.name === cmd.newName)) {
          throw new SqlError(SQLSTATE.DUPLICATE_COLUMN, `column "${cmd.newName}" of relation "${v.name}" already exists`);
        }
        const columns = v.columns.map((c) => (c.attnum === col.attnum ? { ...c, name: cmd.newName } : c));
        // The view's own query labels the column with its new name.
        const stored = deparseViewQuery(viewQuery(v), {
          catalog: before, resolve: b.ctx, registry: b.ctx.registry, qualifyAll: true, outputNames: columns.map((c) => c.name),
          outputTypes: columns.map((c) => c.type),
        });
        b.put('relations', { ...v, columns, query: stored.text });
        break;
      }
      default:
        throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${v.name}" is not a table`);
    }
    refreshDependentViews(b, before, view.oid);
  }
}

/** After ALTER TABLE renames: the views reading the table, re-printed (see the header). */
export function afterTableRename(b: DdlBuilder, before: Catalog, stmt: AlterTableStmt, table: Oid): void {
  if (stmt.commands.some((c) => c.action === 'renameTable' || c.action === 'renameColumn' || c.action === 'setSchema')) {
    refreshDependentViews(b, before, table);
  }
}
