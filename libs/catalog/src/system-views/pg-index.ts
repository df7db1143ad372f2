// pg_index and pg_constraint rows of the user's indexes and constraints.
// @see https://www.postgresql.org/docs/15/catalog-pg-index.html
// @see https://www.postgresql.org/docs/15/catalog-pg-constraint.html
//
// indexprs / indpred / conbin (pg_node_tree) hold SQL text, see pg-attribute.ts.
import type { Catalog } from '../lookup/catalog';
import type { ConstraintRow, IndexRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import { indexColumnType } from './pg-attribute';
import type { SystemViewContext, ViewRecord } from './system-view';
import { int2vector, makeArray, oidvector } from './view-helpers';

/** INDOPTION_DESC / INDOPTION_NULLS_FIRST. */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

function indexRow(ctx: SystemViewContext, i: IndexRelation): ViewRecord {
  const nkey = i.keys.length;
  const constraint = i.constraint !== undefined ? ctx.catalog.constraint(i.constraint) : undefined;
  const exprs = i.keys.filter((k) => k.expr).map((k) => k.expr!.text);
  return {
    indexrelid: i.oid, indrelid: i.table, indnatts: nkey + i.include.length, indnkeyatts: nkey,
    indisunique: i.unique, indnullsnotdistinct: i.nullsNotDistinct, indisprimary: i.primary, indisexclusion: false,
    indimmediate: !(constraint?.deferrable ?? false), indisclustered: false, indisvalid: true, indcheckxmin: false,
    indisready: true, indislive: true, indisreplident: false,
    indkey: int2vector(ctx, [...i.keys.map((k) => k.attnum), ...i.include]),
    indcollation: oidvector(ctx, i.keys.map((_, n) => ctx.catalog.type(indexColumnType(ctx, i, n).type)?.collation ?? 0)),
    indclass: oidvector(ctx, i.keys.map((k) => k.opclass)),
    indoption: int2vector(ctx, i.keys.map((k) => (k.desc ? INDOPTION_DESC : 0) | (k.nullsFirst ? INDOPTION_NULLS_FIRST : 0))),
    indexprs: exprs.length ? exprs.join(', ') : null,
    indpred: i.predicate?.text ?? null,
  };
}

export function* pgIndexRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of ctx.catalog.relations()) if (r.kind === 'i') yield indexRow(ctx, r);
}

function columnType(catalog: Catalog, table: Oid, attnum: number): Oid {
  return catalog.table(table)?.columns.find((c) => c.attnum === attnum)?.type ?? 0;
}

/** The `=` operator between two types (conpfeqop & co.): exact match, else the right type's own. */
function equalityOperator(catalog: Catalog, left: Oid, right: Oid): Oid {
  const ops = catalog.operatorsNamed('=');
  return (ops.find((o) => o.left === left && o.right === right) ?? ops.find((o) => o.left === right && o.right === right))?.oid ?? 0;
}

function constraintRow(ctx: SystemViewContext, c: ConstraintRow): ViewRecord {
  const { catalog } = ctx;
  const fk = c.fk;
  let fkColumns: Record<string, unknown> = { confrelid: 0, confupdtype: ' ', confdeltype: ' ', confmatchtype: ' ' };
  if (fk) {
    // conpfeqop compares PK = FK (referenced column type on the left).
    const eq = c.columns.map((attnum, n) =>
      equalityOperator(catalog, columnType(catalog, fk.refTable, fk.refColumns[n]), columnType(catalog, c.table, attnum)));
    const refEq = fk.refColumns.map((attnum) => {
      const t = columnType(catalog, fk.refTable, attnum);
      return equalityOperator(catalog, t, t);
    });
    const localEq = c.columns.map((attnum) => {
      const t = columnType(catalog, c.table, attnum);
      return equalityOperator(catalog, t, t);
    });
    fkColumns = {
      confrelid: fk.refTable, confupdtype: fk.onUpdate, confdeltype: fk.onDelete, confmatchtype: fk.match,
      confkey: makeArray(ctx, fk.refColumns, 21), conpfeqop: makeArray(ctx, eq, 26), conppeqop: makeArray(ctx, refEq, 26),
      conffeqop: makeArray(ctx, localEq, 26),
    };
  }
  return {
    oid: c.oid, conname: c.name, connamespace: c.namespace, contype: c.type, condeferrable: c.deferrable,
    condeferred: c.deferred, convalidated: c.validated, conrelid: c.table, contypid: 0, conindid: c.index,
    conparentid: 0, ...fkColumns, conislocal: true, coninhcount: 0,
    // PostgreSQL marks key and FK constraints NO INHERIT-able only for CHECKs declared so.
    connoinherit: c.type === 'c' ? c.noInherit : true,
    conkey: makeArray(ctx, c.columns, 21), conbin: c.check?.text ?? null,
  };
}

export function* pgConstraintRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const c of ctx.catalog.constraints()) yield constraintRow(ctx, c);
}
