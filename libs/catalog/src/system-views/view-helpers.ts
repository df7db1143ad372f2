// Shared pieces of the row generators: roles and databases with PostgreSQL's defaults, arrays
// through the context's factory, name -> OID lookups for regproc columns, and the mapping
// from a user object's owner name to a role OID.
import type { Catalog } from '../lookup/catalog';
import type { Oid } from '../model/rows';
import {
  plainArrayFactory, type DatabaseInfo, type RoleInfo, type SessionInfo, type SystemViewContext,
} from './system-view';

/** BOOTSTRAP_SUPERUSERID: the initdb superuser. */
export const BOOTSTRAP_SUPERUSER_OID = 10;
/** OID vecgres gives a configured session user that is not the bootstrap superuser. */
export const DEFAULT_EXTRA_ROLE_OID = 16383;
/** The database initdb names `postgres` has OID 5 in PostgreSQL 15. */
export const DEFAULT_DATABASE_OID = 5;
/** pg_default / pg_global tablespaces. */
export const DEFAULT_TABLESPACE_OID = 1663;
export const GLOBAL_TABLESPACE_OID = 1664;
/** PG_UTF8 in pg_wchar.h. */
export const UTF8_ENCODING = 6;

/** PostgreSQL 15's predefined (non-login) roles with their fixed OIDs (pg_authid.dat). */
export const PREDEFINED_ROLES: readonly RoleInfo[] = [
  [3373, 'pg_monitor'], [3374, 'pg_read_all_settings'], [3375, 'pg_read_all_stats'], [3377, 'pg_stat_scan_tables'],
  [4200, 'pg_signal_backend'], [4544, 'pg_checkpoint'], [4569, 'pg_read_server_files'], [4570, 'pg_write_server_files'],
  [4571, 'pg_execute_server_program'], [6171, 'pg_database_owner'], [6181, 'pg_read_all_data'], [6182, 'pg_write_all_data'],
].map(([oid, name]) => ({ oid: oid as number, name: name as string, superuser: false, canLogin: false }));

/** The configured roles followed by the predefined ones (no duplicates by name). */
export function sessionRoles(session: SessionInfo): RoleInfo[] {
  const configured: RoleInfo[] = session.roles ? [...session.roles] : [
    { oid: BOOTSTRAP_SUPERUSER_OID, name: 'postgres', superuser: true, canLogin: true },
  ];
  const names = new Set(configured.map((r) => r.name));
  for (const u of [session.user, session.sessionUser]) {
    if (u !== undefined && !names.has(u) && !PREDEFINED_ROLES.some((r) => r.name === u)) {
      configured.push({ oid: DEFAULT_EXTRA_ROLE_OID, name: u, superuser: true, canLogin: true });
      names.add(u);
    }
  }
  return [...configured, ...PREDEFINED_ROLES.filter((r) => !names.has(r.name))];
}

export function sessionDatabases(session: SessionInfo): DatabaseInfo[] {
  return session.databases ? [...session.databases] : [{ oid: DEFAULT_DATABASE_OID, name: session.database, owner: 'postgres' }];
}

/** The OID of the role named `name`; unknown owners map to the bootstrap superuser. */
export function roleOid(ctx: SystemViewContext, name: string): Oid {
  return sessionRoles(ctx.session).find((r) => r.name === name)?.oid ?? BOOTSTRAP_SUPERUSER_OID;
}

export function roleName(session: SessionInfo, oid: Oid): string | undefined {
  return sessionRoles(session).find((r) => r.oid === oid)?.name;
}

/** An array value of `elementType` through the context's factory (see ArrayFactory). */
export function makeArray(ctx: SystemViewContext, elements: readonly unknown[], elementType: Oid, lowerBound = 1): unknown {
  return (ctx.makeArray ?? plainArrayFactory)(elements, elementType, lowerBound);
}

/** int2vector (lower bound 0, as PostgreSQL's int2vector subscripts from 0). */
export function int2vector(ctx: SystemViewContext, values: readonly number[]): unknown {
  return makeArray(ctx, values, 21, 0);
}

/** oidvector (lower bound 0). */
export function oidvector(ctx: SystemViewContext, values: readonly Oid[]): unknown {
  return makeArray(ctx, values, 26, 0);
}

/**
 * A regproc value for a function known by name ('int4in', 'bthandler'): the OID of the
 * pg_catalog function of that name, or 0 (`-`) when the name is '-' or not in our pg_proc.
 */
export function regprocByName(catalog: Catalog, name: string): Oid {
  if (name === '-' || name === '') return 0;
  return catalog.procsNamed(name)[0]?.oid ?? 0;
}
