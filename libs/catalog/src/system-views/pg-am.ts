// Small catalogs: pg_am, pg_opclass, pg_extension, pg_collation, pg_tablespace,
// pg_description / pg_shdescription and pg_depend.
// @see https://www.postgresql.org/docs/15/catalogs.html
import { PG_CATALOG_NAMESPACE, type Oid } from '../model/rows';
import type { SystemViewContext, ViewRecord } from './system-view';
import {
  BOOTSTRAP_SUPERUSER_OID, DEFAULT_TABLESPACE_OID, GLOBAL_TABLESPACE_OID, UTF8_ENCODING, regprocByName, roleOid,
} from './view-helpers';

/** pg_class OIDs of catalogs that pg_depend / pg_description rows point into (classid). */
export const CLASS_OID = {
  pg_class: 1259, pg_type: 1247, pg_proc: 1255, pg_constraint: 2606, pg_namespace: 2615, pg_extension: 3079,
  pg_operator: 2617, pg_opclass: 2616, pg_am: 2601, pg_cast: 2605, pg_database: 1262, pg_authid: 1260,
  pg_tablespace: 1213, pg_attrdef: 2604,
} as const;

export function* pgAmRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const am of ctx.catalog.accessMethods()) {
    yield { oid: am.oid, amname: am.name, amhandler: regprocByName(ctx.catalog, am.handler), amtype: am.type };
  }
}

export function* pgOpclassRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const c of ctx.catalog.opclasses()) {
    yield {
      oid: c.oid, opcmethod: c.am, opcname: c.name, opcnamespace: c.namespace, opcowner: BOOTSTRAP_SUPERUSER_OID,
      opcfamily: c.family, opcintype: c.type, opcdefault: c.isDefault, opckeytype: c.keyType,
    };
  }
}

export function* pgExtensionRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const e of ctx.catalog.extensions()) {
    yield {
      oid: e.oid, extname: e.name, extowner: roleOid(ctx, e.owner), extnamespace: e.namespace,
      extrelocatable: e.relocatable, extversion: e.version, extconfig: null, extcondition: null,
    };
  }
}

/** pg_available_extensions: the extensions the registry can install, with the installed version. */
export function* pgAvailableExtensionsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const spec of ctx.registry?.availableExtensions() ?? []) {
    yield {
      name: spec.name, default_version: spec.version, installed_version: ctx.catalog.extensionByName(spec.name)?.version ?? null,
      comment: spec.comment ?? null,
    };
  }
}

/** The collations initdb always creates with fixed OIDs (ICU and locale-derived ones omitted). */
export function* pgCollationRows(): Iterable<ViewRecord> {
  const row = (oid: Oid, collname: string, provider: string, collate: string | null) => ({
    oid, collname, collnamespace: PG_CATALOG_NAMESPACE, collowner: BOOTSTRAP_SUPERUSER_OID, collprovider: provider,
    collisdeterministic: true, collencoding: -1, collcollate: collate, collctype: collate, colliculocale: null,
    collversion: null,
  });
  yield row(100, 'default', 'd', null);
  yield row(950, 'C', 'c', 'C');
  yield row(951, 'POSIX', 'c', 'POSIX');
  yield { ...row(12340, 'ucs_basic', 'c', 'C'), collencoding: UTF8_ENCODING };
}

export function* pgTablespaceRows(): Iterable<ViewRecord> {
  for (const [oid, spcname] of [[DEFAULT_TABLESPACE_OID, 'pg_default'], [GLOBAL_TABLESPACE_OID, 'pg_global']] as const) {
    yield { oid, spcname, spcowner: BOOTSTRAP_SUPERUSER_OID, spcacl: null, spcoptions: null };
  }
}

/** Comments: COMMENT ON relations / columns (kept on their rows) and extensions' own comments. */
export function* pgDescriptionRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of ctx.catalog.relations()) {
    if (r.comment !== undefined) yield { objoid: r.oid, classoid: CLASS_OID.pg_class, objsubid: 0, description: r.comment };
    if (!('columns' in r)) continue;
    for (const c of r.columns) {
      if (c.comment !== undefined && !c.dropped) yield { objoid: r.oid, classoid: CLASS_OID.pg_class, objsubid: c.attnum, description: c.comment };
    }
  }
  for (const e of ctx.catalog.extensions()) {
    const comment = ctx.registry?.extensionSpec(e.name)?.comment;
    if (comment) yield { objoid: e.oid, classoid: CLASS_OID.pg_extension, objsubid: 0, description: comment };
  }
}

function dep(classid: Oid, objid: Oid, objsubid: number, refclassid: Oid, refobjid: Oid, refobjsubid: number, deptype: string): ViewRecord {
  return { classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype };
}

/**
 * The dependencies clients look at: sequences owned by columns ('a' for serial / OWNED BY,
 * 'i' for identity; ORMs find serial columns this way), indexes backing constraints ('i'),
 * constraints and plain indexes on their columns ('a'), and extension members ('e').
 */
export function* pgDependRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const { catalog } = ctx;
  const rel = CLASS_OID.pg_class;
  for (const r of catalog.relations()) {
    if (r.kind === 'S' && r.ownedBy) yield dep(rel, r.oid, 0, rel, r.ownedBy.table, r.ownedBy.attnum, r.identity ? 'i' : 'a');
    if (r.kind === 'i') {
      if (r.constraint !== undefined) {
        yield dep(rel, r.oid, 0, CLASS_OID.pg_constraint, r.constraint, 0, 'i');
      } else {
        const attnums = new Set([...r.keys.map((k) => k.attnum), ...r.include].filter((a) => a > 0));
        for (const a of attnums) yield dep(rel, r.oid, 0, rel, r.table, a, 'a');
      }
    }
    if (r.extension !== undefined) yield dep(rel, r.oid, 0, CLASS_OID.pg_extension, r.extension, 0, 'e');
  }
  for (const c of catalog.constraints()) {
    for (const a of c.columns) yield dep(CLASS_OID.pg_constraint, c.oid, 0, rel, c.table, a, 'a');
    if (c.fk) {
      yield dep(CLASS_OID.pg_constraint, c.oid, 0, rel, c.index, 0, 'n');
      for (const a of c.fk.refColumns) yield dep(CLASS_OID.pg_constraint, c.oid, 0, rel, c.fk.refTable, a, 'n');
    }
  }
  for (const t of Object.values(catalog.state.types)) {
    if (t.extension !== undefined) yield dep(CLASS_OID.pg_type, t.oid, 0, CLASS_OID.pg_extension, t.extension, 0, 'e');
  }
  for (const p of Object.values(catalog.state.procs)) {
    if (p.extension !== undefined) yield dep(CLASS_OID.pg_proc, p.oid, 0, CLASS_OID.pg_extension, p.extension, 0, 'e');
  }
}
