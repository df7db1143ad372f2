// pg_get_viewdef and the catalog views listing views: pg_views and information_schema.views.
// The definition is re-printed from the stored query for the session's search path (only
// relations it cannot see are schema-qualified), as ruleutils does at call time.
// @see https://www.postgresql.org/docs/15/view-pg-views.html
import type { ResolveContext } from '../lookup/resolve';
import type { ViewRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import { pathContext } from '../functions/relation-names';
import type { SystemViewContext, ViewRecord } from '../system-views/system-view';
import { viewQuery } from './alter-view';
import { deparseViewQuery } from './view-deparse';

/** The view definition text (`pg_get_viewdef(oid, pretty)`), or null when `oid` is not a view. */
export function pgGetViewdef(ctx: SystemViewContext, oid: Oid | null, pretty = false): string | null {
  if (oid === null) return null;
  const v = ctx.catalog.relation(oid);
  if (!v || v.kind !== 'v') return null;
  return viewDefinition(ctx, v, pretty);
}

function viewDefinition(ctx: SystemViewContext, v: ViewRelation, pretty: boolean): string {
  const resolve: ResolveContext = pathContext(ctx.session);
  return `${deparseViewQuery(viewQuery(v), {
    catalog: ctx.catalog, resolve, registry: ctx.registry, qualifyAll: false, pretty,
    outputNames: v.columns.map((c) => c.name), outputTypes: v.columns.map((c) => c.type),
  }).text};`;
}

function* userViews(ctx: SystemViewContext): Iterable<ViewRelation> {
  for (const r of ctx.catalog.relations()) if (r.kind === 'v') yield r;
}

/** pg_views (user views only: vecgres' own system views have no SQL definition). */
export function* pgViewsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const v of userViews(ctx)) {
    yield { schemaname: ctx.catalog.namespace(v.namespace)?.name ?? '', viewname: v.name, viewowner: v.owner, definition: viewDefinition(ctx, v, false) };
  }
}

/** information_schema.views; vecgres views are never updatable. */
export function* informationSchemaViewsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const v of userViews(ctx)) {
    yield {
      table_catalog: ctx.session.database, table_schema: ctx.catalog.namespace(v.namespace)?.name ?? '', table_name: v.name,
      view_definition: viewDefinition(ctx, v, false), check_option: 'NONE', is_updatable: 'NO', is_insertable_into: 'NO',
      is_trigger_updatable: 'NO', is_trigger_deletable: 'NO', is_trigger_insertable_into: 'NO',
    };
  }
}
