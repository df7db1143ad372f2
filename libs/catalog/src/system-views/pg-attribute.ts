// pg_attribute and pg_attrdef: columns of tables, indexes, sequences and of the virtual
// system relations (user-visible attnum > 0 only: vecgres has no ctid/xmin system columns).
// @see https://www.postgresql.org/docs/15/catalog-pg-attribute.html
//
// pg_node_tree columns (adbin) hold the expression's SQL text: vecgres keeps parse trees, not
// PostgreSQL node trees. pg_get_expr maps the text back to the stored expression.
import type { ColumnRow, IndexRelation, Relation } from '../model/relations';
import type { Oid, TypeRow } from '../model/rows';
import { SYSTEM_RELATIONS } from './system-relations';
import type { SystemViewContext, ViewRecord } from './system-view';

/** pg_attrdef OIDs are not kept by the catalog; this range keeps the synthetic ones clear of
 * the OID counter (user objects count up from 16384). */
const ATTRDEF_OID_BASE = 0x80000000;

/** A stable synthetic pg_attrdef.oid for (relation, attnum). */
export function attrdefOid(relation: Oid, attnum: number): Oid {
  return ATTRDEF_OID_BASE + ((relation * 1600 + attnum) % 0x7fffffff);
}

/** Sequence relations' columns (a sequence is a one-row relation in PostgreSQL). */
const SEQUENCE_COLUMNS: ReadonlyArray<[string, Oid]> = [['last_value', 20], ['log_cnt', 20], ['is_called', 16]];

interface AttrInput {
  relation: Oid;
  name: string;
  type: Oid;
  typmod: number;
  attnum: number;
  ndims?: number;
  notNull?: boolean;
  hasDefault?: boolean;
  identity?: string;
  generated?: string;
  dropped?: boolean;
}

function attributeRow(ctx: SystemViewContext, a: AttrInput): ViewRecord {
  const t: TypeRow | undefined = ctx.catalog.type(a.type);
  const dropped = a.dropped ?? false;
  return {
    attrelid: a.relation, attname: a.name, atttypid: dropped ? 0 : a.type, attstattarget: -1, attlen: t?.len ?? -1,
    attnum: a.attnum, attndims: a.ndims ?? 0, attcacheoff: -1, atttypmod: a.typmod, attbyval: t?.byval ?? false,
    attalign: t?.align ?? 'i', attstorage: t?.storage ?? 'p', attcompression: '', attnotnull: (a.notNull ?? false) && !dropped,
    atthasdef: a.hasDefault ?? false, atthasmissing: false, attidentity: a.identity ?? '', attgenerated: a.generated ?? '',
    attisdropped: dropped, attislocal: true, attinhcount: 0, attcollation: dropped ? 0 : t?.collation ?? 0,
    attacl: null, attoptions: null, attfdwoptions: null, attmissingval: null,
  };
}

function tableColumn(ctx: SystemViewContext, relation: Oid, c: ColumnRow): ViewRecord {
  return attributeRow(ctx, {
    relation, name: c.name, type: c.type, typmod: c.typmod, attnum: c.attnum, ndims: c.ndims, notNull: c.notNull,
    hasDefault: c.default !== undefined, identity: c.identity, generated: c.generated, dropped: c.dropped,
  });
}

/** The type of index column `i`: the table column's, else the opclass's stored key type. */
export function indexColumnType(ctx: SystemViewContext, index: IndexRelation, i: number): { type: Oid; typmod: number } {
  const key = index.keys[i];
  const attnum = key ? key.attnum : index.include[i - index.keys.length];
  if (attnum !== undefined && attnum > 0) {
    const col = ctx.catalog.table(index.table)?.columns.find((c) => c.attnum === attnum);
    if (col) return { type: col.type, typmod: col.typmod };
  }
  const opc = key ? ctx.catalog.opclass(key.opclass) : undefined;
  return { type: opc ? opc.keyType || opc.type : 0, typmod: -1 };
}

function* relationAttributes(ctx: SystemViewContext, r: Relation): Iterable<ViewRecord> {
  switch (r.kind) {
    case 'r': case 'v':
      for (const c of r.columns) yield tableColumn(ctx, r.oid, c);
      return;
    case 'i':
      for (let i = 0; i < r.columnNames.length; i++) {
        const { type, typmod } = indexColumnType(ctx, r, i);
        yield attributeRow(ctx, { relation: r.oid, name: r.columnNames[i], type, typmod, attnum: i + 1 });
      }
      return;
    case 'S':
      for (let i = 0; i < SEQUENCE_COLUMNS.length; i++) {
        const [name, type] = SEQUENCE_COLUMNS[i];
        yield attributeRow(ctx, { relation: r.oid, name, type, typmod: -1, attnum: i + 1, notNull: true });
      }
  }
}

export function* pgAttributeRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const s of SYSTEM_RELATIONS) {
    for (let i = 0; i < s.columns.length; i++) {
      const c = s.columns[i];
      yield attributeRow(ctx, { relation: s.oid, name: c.name, type: c.typeOid, typmod: c.typmod, attnum: i + 1 });
    }
  }
  for (const r of ctx.catalog.relations()) yield* relationAttributes(ctx, r);
}

export function* pgAttrdefRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of ctx.catalog.relations()) {
    if (r.kind !== 'r') continue;
    for (const c of r.columns) {
      if (!c.default || c.dropped) continue;
      yield { oid: attrdefOid(r.oid, c.attnum), adrelid: r.oid, adnum: c.attnum, adbin: c.default.text };
    }
  }
}
