// CREATE [OR REPLACE] [TEMP] VIEW (view.c DefineView / DefineVirtualRelation). The engine binds
// the query first and passes its output columns; the catalog records the relation, its
// columns and the query in its stored form (view-deparse.ts), and checks OR REPLACE's rules
// (checkViewColumns: columns may only be added at the end).
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { CreateViewStmt } from '@vecgres/sql';
import { DdlBuilder, type DdlContext, type DdlResult } from '../ddl/ddl-builder';
import { relationNamespaceForCreate } from '../ddl/schema';
import { notice } from '../model/notice';
import type { ColumnRow, ViewRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import type { CatalogState } from '../model/state';
import { formatType } from '../types/format-type';
import { deparseViewQuery } from './view-deparse';

/** One output column of the view's query, as the binder typed it. */
export interface ViewColumn { name: string; type: Oid; typmod: number }

/** PostgreSQL's MaxHeapAttributeNumber. */
const MAX_COLUMNS = 1600;

function checkReplace(b: DdlBuilder, old: ViewRelation, columns: ColumnRow[]): void {
  if (columns.length < old.columns.length) throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, 'cannot drop columns from view');
  old.columns.forEach((o, i) => {
    const n = columns[i];
    if (n.name !== o.name) {
      throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, `cannot change name of view column "${o.name}" to "${n.name}"`, {
        hint: 'Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.',
      });
    }
    if (n.type !== o.type || n.typmod !== o.typmod) {
      const fmt = (t: Oid, m: number) => formatType(b.catalog, t, m);
      throw new SqlError(
        SQLSTATE.INVALID_TABLE_DEFINITION,
        `cannot change data type of view column "${o.name}" from ${fmt(o.type, o.typmod)} to ${fmt(n.type, n.typmod)}`,
      );
    }
  });
}

/** Whether `refs` reach relation `target`, directly or through other views. */
function readsRelation(b: DdlBuilder, refs: ViewRelation['refs'], target: Oid, seen = new Set<Oid>()): boolean {
  for (const r of refs) {
    if (r.oid === target) return true;
    if (seen.has(r.oid)) continue;
    seen.add(r.oid);
    const rel = b.catalog.relation(r.oid);
    if (rel?.kind === 'v' && readsRelation(b, rel.refs, target, seen)) return true;
  }
  return false;
}

export function createView(state: CatalogState, stmt: CreateViewStmt, ctx: DdlContext, queryColumns: ViewColumn[] | undefined): DdlResult {
  if (!queryColumns) throw notSupported('CREATE VIEW needs the query columns from the planner');
  const b = new DdlBuilder(state, ctx);
  if (stmt.columns.length > queryColumns.length) {
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'CREATE VIEW specifies more column names than columns');
  }
  if (queryColumns.length > MAX_COLUMNS) throw new SqlError(SQLSTATE.TOO_MANY_COLUMNS, `tables can have at most ${MAX_COLUMNS} columns`);
  const names = queryColumns.map((c, i) => stmt.columns[i] ?? c.name);
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new SqlError(SQLSTATE.DUPLICATE_COLUMN, `column "${n}" specified more than once`);
    seen.add(n);
  }
  const stored = deparseViewQuery(stmt.query, { catalog: b.catalog, resolve: ctx, registry: ctx.registry, qualifyAll: true, outputNames: names,
    outputTypes: queryColumns.map((c) => c.type),
  });
  // A view over a temporary relation is temporary itself (view.c: isQueryUsingTempRelation).
  let temporary = stmt.temporary || stmt.view.schema === 'pg_temp';
  if (!temporary && stored.refs.some((r) => b.catalog.relation(r.oid)?.persistence === 't')) {
    if (stmt.view.schema !== undefined) throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, 'cannot create temporary relation in non-temporary schema');
    b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `view "${stmt.view.name}" will be a temporary view`));
    temporary = true;
  }
  const namespace = relationNamespaceForCreate(b, stmt.view, temporary);
  const columns: ColumnRow[] = queryColumns.map((c, i) => ({
    attnum: i + 1, name: names[i], type: c.type, typmod: c.typmod, ndims: 0, notNull: false, identity: '', generated: '', dropped: false,
  }));
  const existing = b.catalog.relationByName(namespace, stmt.view.name);
  if (existing) {
    if (!stmt.replace) throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.view.name}" already exists`);
    if (existing.kind !== 'v') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${stmt.view.name}" is not a view`);
    checkReplace(b, existing, columns);
    if (readsRelation(b, stored.refs, existing.oid)) {
      // PostgreSQL accepts the definition and fails every later use; vecgres refuses it up front.
      throw new SqlError(SQLSTATE.INVALID_OBJECT_DEFINITION, `infinite recursion detected in rules for relation "${existing.name}"`);
    }
    b.put('relations', { ...existing, columns, query: stored.text, refs: stored.refs, options: stmt.options });
    return b.result();
  }
  const oid = b.oid();
  const view: ViewRelation = {
    oid, name: stmt.view.name, namespace, persistence: temporary ? 't' : 'p', owner: ctx.user, options: stmt.options,
    kind: 'v', columns, query: stored.text, refs: stored.refs,
  };
  b.put('relations', view);
  b.effect({ type: 'createRelation', oid, kind: 'v' });
  return b.result();
}
