// Cluster-wide catalogs from the session's server facts: pg_authid and its views pg_roles /
// pg_user (the configured users plus PostgreSQL's predefined roles), and pg_database.
// @see https://www.postgresql.org/docs/15/view-pg-roles.html
import type { RoleInfo, SystemViewContext, ViewRecord } from './system-view';
import { DEFAULT_TABLESPACE_OID, UTF8_ENCODING, roleOid, sessionDatabases, sessionRoles } from './view-helpers';

/** What pg_roles / pg_user print instead of a password. */
const HIDDEN_PASSWORD = '********';

function flags(r: RoleInfo) {
  return {
    createRole: r.createRole ?? r.superuser,
    createDb: r.createDb ?? r.superuser,
    replication: r.replication ?? r.superuser,
    bypassRls: r.bypassRls ?? r.superuser,
    connLimit: r.connLimit ?? -1,
  };
}

export function* pgAuthidRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of sessionRoles(ctx.session)) {
    const f = flags(r);
    yield {
      oid: r.oid, rolname: r.name, rolsuper: r.superuser, rolinherit: true, rolcreaterole: f.createRole,
      rolcreatedb: f.createDb, rolcanlogin: r.canLogin, rolreplication: f.replication, rolbypassrls: f.bypassRls,
      rolconnlimit: f.connLimit, rolpassword: null, rolvaliduntil: null,
    };
  }
}

export function* pgRolesRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of sessionRoles(ctx.session)) {
    const f = flags(r);
    yield {
      rolname: r.name, rolsuper: r.superuser, rolinherit: true, rolcreaterole: f.createRole, rolcreatedb: f.createDb,
      rolcanlogin: r.canLogin, rolreplication: f.replication, rolconnlimit: f.connLimit, rolpassword: HIDDEN_PASSWORD,
      rolvaliduntil: null, rolbypassrls: f.bypassRls, rolconfig: null, oid: r.oid,
    };
  }
}

export function* pgUserRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of sessionRoles(ctx.session)) {
    if (!r.canLogin) continue;
    const f = flags(r);
    yield {
      usename: r.name, usesysid: r.oid, usecreatedb: f.createDb, usesuper: r.superuser, userepl: f.replication,
      usebypassrls: f.bypassRls, passwd: HIDDEN_PASSWORD, valuntil: null, useconfig: null,
    };
  }
}

export function* pgDatabaseRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const d of sessionDatabases(ctx.session)) {
    yield {
      oid: d.oid, datname: d.name, datdba: roleOid(ctx, d.owner), encoding: d.encoding ?? UTF8_ENCODING,
      datlocprovider: 'c', datistemplate: d.isTemplate ?? false, datallowconn: d.allowConnections ?? true,
      datconnlimit: -1, datfrozenxid: 3, datminmxid: 1, dattablespace: DEFAULT_TABLESPACE_OID,
      datcollate: d.collate ?? 'C', datctype: d.ctype ?? 'C', daticulocale: null, datcollversion: null, datacl: null,
    };
  }
}
