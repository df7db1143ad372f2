// pg_type, pg_proc, pg_operator and pg_cast: the builtin rows (PostgreSQL 15's OIDs) plus the
// ones extensions created, projected onto PostgreSQL's columns.
// @see https://www.postgresql.org/docs/15/catalog-pg-type.html
// @see https://www.postgresql.org/docs/15/catalog-pg-proc.html
//
// regproc columns (typinput, oprcode, ...) are OIDs of our pg_proc rows; a support function
// vecgres does not list in pg_proc shows as 0 (`-`).
import type { ProcRow, TypeRow } from '../model/rows';
import type { SystemViewContext, ViewRecord } from './system-view';
import { BOOTSTRAP_SUPERUSER_OID, makeArray, oidvector, regprocByName } from './view-helpers';

/** pg_language OIDs. */
const LANG_INTERNAL = 12;
const LANG_C = 13;

function typeRow(ctx: SystemViewContext, t: TypeRow): ViewRecord {
  const rp = (name: string) => regprocByName(ctx.catalog, name);
  return {
    oid: t.oid, typname: t.name, typnamespace: t.namespace, typowner: BOOTSTRAP_SUPERUSER_OID, typlen: t.len,
    typbyval: t.byval, typtype: t.type, typcategory: t.category, typispreferred: t.preferred, typisdefined: true,
    typdelim: t.delim, typrelid: t.relid, typsubscript: rp(t.subscript), typelem: t.elem, typarray: t.array,
    typinput: rp(t.input), typoutput: rp(t.output), typreceive: rp(t.receive), typsend: rp(t.send),
    typmodin: rp(t.modin), typmodout: rp(t.modout), typanalyze: 0, typalign: t.align, typstorage: t.storage,
    typnotnull: false, typbasetype: 0, typtypmod: -1, typndims: 0, typcollation: t.collation,
    typdefaultbin: null, typdefault: null, typacl: null,
  };
}

export function* pgTypeRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const t of ctx.catalog.types()) yield typeRow(ctx, t);
}

function procRow(ctx: SystemViewContext, p: ProcRow): ViewRecord {
  const fromExtension = p.extension !== undefined;
  return {
    oid: p.oid, proname: p.name, pronamespace: p.namespace, proowner: BOOTSTRAP_SUPERUSER_OID,
    prolang: fromExtension ? LANG_C : LANG_INTERNAL, procost: 1, prorows: p.retset ? 1000 : 0,
    provariadic: p.variadic ?? 0, prosupport: 0, prokind: p.kind, prosecdef: false, proleakproof: false,
    proisstrict: p.strict, proretset: p.retset ?? false, provolatile: p.vol, proparallel: 's',
    pronargs: p.args.length, pronargdefaults: p.defaults ?? 0, prorettype: p.ret, proargtypes: oidvector(ctx, p.args),
    proallargtypes: p.allArgs ? makeArray(ctx, p.allArgs, 26) : null,
    proargmodes: p.argModes ? makeArray(ctx, p.argModes, 18) : null,
    proargnames: p.argNames ? makeArray(ctx, p.argNames, 25) : null,
    proargdefaults: null, protrftypes: null, prosrc: p.impl, probin: null, prosqlbody: null, proconfig: null, proacl: null,
  };
}

export function* pgProcRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const p of ctx.catalog.procs()) yield procRow(ctx, p);
}

export function* pgOperatorRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const o of ctx.catalog.operators()) {
    yield {
      oid: o.oid, oprname: o.name, oprnamespace: o.namespace, oprowner: BOOTSTRAP_SUPERUSER_OID, oprkind: o.kind,
      oprcanmerge: o.canMerge, oprcanhash: o.canHash, oprleft: o.left, oprright: o.right, oprresult: o.result,
      oprcom: o.commutator, oprnegate: o.negator, oprcode: o.proc, oprrest: 0, oprjoin: 0,
    };
  }
}

export function* pgCastRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const c of ctx.catalog.casts()) {
    yield {
      oid: c.oid, castsource: c.source, casttarget: c.target, castfunc: c.func, castcontext: c.context, castmethod: c.method,
    };
  }
}
