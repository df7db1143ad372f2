// FROM names that refer to a virtual system relation (pg_catalog.pg_class,
// information_schema.tables, ...). The catalog state holds only user relations; the system
// ones are libs/catalog's SYSTEM_VIEWS, whose rows the executor computes from the session's
// catalog version when the scan runs.
//
// Resolution follows PostgreSQL's search path: pg_catalog is searched first unless listed
// elsewhere, so `FROM pg_class` is the catalog even when public has a table pg_class, and a
// user table shadows nothing in pg_catalog unless the path puts its schema before pg_catalog.
import type { TableRef } from '@vecgres/sql';
import { relationOnPath, systemRelationByName, systemViewByOid, type SystemView } from '../catalog-api';
import type { BindContext } from '../bind/bind-context';
import type { ScanColumn } from './physical-scan';

/** The system view `name` resolves to, or undefined when it is a user relation (or nothing). */
export function systemViewRef(ctx: BindContext, name: TableRef['table']): SystemView | undefined {
  if (name.catalog !== undefined && ctx.resolve.database !== undefined && name.catalog !== ctx.resolve.database) return undefined;
  if (name.schema !== undefined) {
    const ns = ctx.catalog.namespaceByName(name.schema);
    // A missing schema is reported by the ordinary relation lookup (3F000).
    if (!ns) return undefined;
    const rel = systemRelationByName(ns.oid, name.name);
    return rel ? systemViewByOid(rel.oid) : undefined;
  }
  const session = { user: ctx.resolve.user, database: ctx.resolve.database ?? '', searchPath: ctx.resolve.path, tempSchema: ctx.resolve.tempSchema };
  const rel = relationOnPath(ctx.catalog, session, name.name);
  return rel ? systemViewByOid(rel.oid) : undefined;
}

/** A system view's columns as scan columns: attnum is the 1-based column position. */
export function systemViewColumns(view: SystemView): ScanColumn[] {
  return view.columns.map((c, i) => ({ attnum: i + 1, name: c.name, type: { oid: c.typeOid, typmod: c.typmod } }));
}
