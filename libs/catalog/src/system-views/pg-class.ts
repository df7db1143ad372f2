// pg_namespace and pg_class: the user's schemas and relations plus the virtual system
// relations themselves (so `'pg_class'::regclass` and `\d pg_class` resolve through pg_class
// like any table).
// @see https://www.postgresql.org/docs/15/catalog-pg-class.html
//
// Deliberate differences from PostgreSQL: reltype is 0 (vecgres has no row types yet),
// reltoastrelid is 0 (no TOAST tables), relfrozenxid is 3 for tables (there is no xid
// horizon), relpages/reltuples are those of a never-vacuumed relation.
import type { IndexRelation, Relation, TableRelation } from '../model/relations';
import { AM_OID } from '../builtins/type-oids';
import { SYSTEM_RELATIONS, type SystemRelation } from './system-relations';
import type { SystemViewContext, ViewRecord } from './system-view';
import { makeArray, roleOid, BOOTSTRAP_SUPERUSER_OID } from './view-helpers';

/** FirstNormalTransactionId, shown as the frozen xid of tables. */
const FIRST_NORMAL_XID = 3;

export function* pgNamespaceRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const ns of ctx.catalog.namespaces()) {
    yield { oid: ns.oid, nspname: ns.name, nspowner: roleOid(ctx, ns.owner), nspacl: null };
  }
}

/** Columns every pg_class row shares (the values of a plain permanent relation). */
function common(): Record<string, unknown> {
  return {
    reltype: 0, reloftype: 0, reltablespace: 0, relallvisible: 0, reltoastrelid: 0, relisshared: false,
    relpersistence: 'p', relchecks: 0, relhasrules: false, relhastriggers: false, relhassubclass: false,
    relrowsecurity: false, relforcerowsecurity: false, relispopulated: true, relreplident: 'n',
    relispartition: false, relrewrite: 0, relfrozenxid: 0, relminmxid: 0, relacl: null, reloptions: null,
    relpartbound: null,
  };
}

function tableExtras(ctx: SystemViewContext, t: TableRelation): Record<string, unknown> {
  const { catalog } = ctx;
  const constraints = catalog.constraintsOf(t.oid);
  // A foreign key creates RI triggers on both the referencing and the referenced table.
  const hasTriggers = constraints.some((c) => c.type === 'f') || catalog.foreignKeysReferencing(t.oid).length > 0;
  return {
    relam: AM_OID.heap, relfilenode: t.oid, relpages: 0, reltuples: -1, relhasindex: catalog.indexesOf(t.oid).length > 0,
    relnatts: t.columns.length, relchecks: constraints.filter((c) => c.type === 'c').length, relhastriggers: hasTriggers,
    relreplident: 'd', relfrozenxid: FIRST_NORMAL_XID, relminmxid: 1,
  };
}

function indexExtras(i: IndexRelation): Record<string, unknown> {
  return { relam: i.am, relfilenode: i.oid, relpages: 1, reltuples: 0, relhasindex: false, relnatts: i.columnNames.length };
}

function userRelationRow(ctx: SystemViewContext, r: Relation): ViewRecord {
  const base = {
    ...common(), oid: r.oid, relname: r.name, relnamespace: r.namespace, relowner: roleOid(ctx, r.owner),
    relpersistence: r.persistence, relkind: r.kind,
    reloptions: r.options.length ? makeArray(ctx, r.options, 25) : null,
  };
  switch (r.kind) {
    case 'r': return { ...base, ...tableExtras(ctx, r) };
    case 'i': return { ...base, ...indexExtras(r) };
    case 'S': return { ...base, relam: 0, relfilenode: r.oid, relpages: 1, reltuples: 1, relhasindex: false, relnatts: 3 };
    case 'v': return { ...base, relam: 0, relfilenode: 0, relpages: 0, reltuples: -1, relhasindex: false, relhasrules: true, relnatts: r.columns.length };
  }
}

function systemRelationRow(s: SystemRelation): ViewRecord {
  const table = s.kind === 'r';
  return {
    ...common(), oid: s.oid, relname: s.name, relnamespace: s.namespace, relowner: BOOTSTRAP_SUPERUSER_OID,
    relkind: s.kind, relam: table ? AM_OID.heap : 0, relfilenode: 0, relpages: 0, reltuples: -1,
    relhasindex: table, relisshared: s.shared, relnatts: s.columns.length,
    relfrozenxid: table ? FIRST_NORMAL_XID : 0, relminmxid: table ? 1 : 0,
  };
}

export function* pgClassRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const s of SYSTEM_RELATIONS) yield systemRelationRow(s);
  for (const r of ctx.catalog.relations()) yield userRelationRow(ctx, r);
}
