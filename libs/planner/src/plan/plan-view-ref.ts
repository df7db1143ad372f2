// A FROM name that refers to a user view: the view's stored query (names resolved when the
// view was created, see libs/catalog views/view-deparse.ts) planned as a subquery whose
// columns carry the view's column names (rewriteHandler.c ApplyRetrieveRule). The view's
// query never sees the referencing query's scope or CTEs: its relations are schema-qualified.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { TableRef } from '@vecgres/sql';
import { lookupRelation, viewQuery, type ViewRelation } from '../catalog-api';
import { at, type BindContext } from '../bind/bind-context';
import type { ExprEnv } from '../bind/bind-expr';
import type { FromTree, QueryPlanner } from './plan-from';
import { systemViewRef } from './system-view-ref';

/** The user view `name` refers to, if it is one (system relations come first on the path). */
export function userViewRef(ctx: BindContext, name: TableRef['table']): ViewRelation | undefined {
  if (systemViewRef(ctx, name)) return undefined;
  const rel = lookupRelation(ctx.catalog, ctx.resolve, name);
  return rel?.kind === 'v' ? rel : undefined;
}

/** 0A000 for INSERT / UPDATE / DELETE on a view (no auto-updatable views in vecgres). */
export function viewNotUpdatable(view: ViewRelation, verb: string, location: number): SqlError {
  return new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `cannot ${verb} view "${view.name}"`, {
    ...at(location),
    detail: 'Views are not automatically updatable in vecgres.',
  });
}

export function planViewRef(env: ExprEnv, item: TableRef, planQuery: QueryPlanner): FromTree | undefined {
  const view = userViewRef(env.ctx, item.table);
  if (!view) return undefined;
  const sub = planQuery(viewQuery(view), undefined);
  if (sub.columns.length !== view.columns.length) {
    throw new SqlError(SQLSTATE.INTERNAL_ERROR, `view "${view.name}" has ${view.columns.length} columns but its query returns ${sub.columns.length}`);
  }
  const alias = item.alias?.name ?? view.name;
  const aliasCols = item.alias?.columns;
  if (aliasCols && aliasCols.length > view.columns.length) {
    throw new SqlError(
      SQLSTATE.INVALID_COLUMN_REFERENCE,
      `table "${alias}" has ${view.columns.length} columns available but ${aliasCols.length} columns specified`,
      at(item.location),
    );
  }
  const added = env.scope.add({
    alias,
    tableName: view.name,
    columns: sub.columns.map((c, i) => ({ name: aliasCols?.[i] ?? view.columns[i].name, type: c.type, tableOid: 0, attnum: 0 })),
  }, item.location);
  return { kind: 'leaf', node: sub.node, start: added.offset, width: sub.columns.length, filters: [] };
}
