// information_schema.schemata, tables, columns, sequences and views, computed as PostgreSQL
// 15's information_schema.sql defines them (the current user is a superuser, so the privilege
// filters pass every object). sql_identifier / character_data / yes_or_no / cardinal_number
// columns carry name / varchar / varchar(3) / int4 values, as clients see them.
// @see https://www.postgresql.org/docs/15/information-schema.html
import { pgGetExpr } from '../functions/ruleutils';
import { formatTypeFn } from '../functions/info-functions';
import type { ColumnRow, SequenceRelation } from '../model/relations';
import { PG_CATALOG_NAMESPACE, type Oid } from '../model/rows';
import { TYPE_OID } from '../builtins/type-oids';
import { SYSTEM_RELATIONS } from './system-relations';
import type { SystemViewContext, ViewRecord } from './system-view';

const yesNo = (b: boolean) => (b ? 'YES' : 'NO');

/** character_octet_length of an unconstrained text value: 1 GB. */
const MAX_OCTET_LENGTH = 1073741824;
/** pg_encoding_max_length(UTF8). */
const UTF8_MAX_CHAR_BYTES = 4;

export function* schemataRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const ns of ctx.catalog.namespaces()) {
    yield {
      catalog_name: ctx.session.database, schema_name: ns.name, schema_owner: ns.owner,
      default_character_set_catalog: null, default_character_set_schema: null, default_character_set_name: null, sql_path: null,
    };
  }
}

function tableRow(ctx: SystemViewContext, schema: string, name: string, type: string, insertable: boolean): ViewRecord {
  return {
    table_catalog: ctx.session.database, table_schema: schema, table_name: name, table_type: type,
    self_referencing_column_name: null, reference_generation: null, user_defined_type_catalog: null,
    user_defined_type_schema: null, user_defined_type_name: null, is_insertable_into: yesNo(insertable),
    is_typed: 'NO', commit_action: null,
  };
}

export function* tablesRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const s of SYSTEM_RELATIONS) yield tableRow(ctx, s.schema, s.name, s.kind === 'r' ? 'BASE TABLE' : 'VIEW', s.kind === 'r');
  for (const r of ctx.catalog.relations()) {
    if (r.kind !== 'r' && r.kind !== 'v') continue;
    const temp = r.persistence === 't';
    const type = r.kind === 'v' ? 'VIEW' : temp ? 'LOCAL TEMPORARY' : 'BASE TABLE';
    yield tableRow(ctx, ctx.catalog.namespace(r.namespace)?.name ?? '', r.name, type, r.kind === 'r');
  }
}

/** The numeric / character / datetime facets of a column type (information_schema's _pg_* helpers). */
function typeFacets(type: Oid, typmod: number): Record<string, number | null> {
  const f: Record<string, number | null> = {
    character_maximum_length: null, character_octet_length: null, numeric_precision: null,
    numeric_precision_radix: null, numeric_scale: null, datetime_precision: null,
  };
  switch (type) {
    case TYPE_OID.bpchar: case TYPE_OID.varchar: case TYPE_OID.text:
      f.character_maximum_length = typmod >= 0 && type !== TYPE_OID.text ? typmod - 4 : null;
      f.character_octet_length = typmod >= 0 && type !== TYPE_OID.text ? (typmod - 4) * UTF8_MAX_CHAR_BYTES : MAX_OCTET_LENGTH;
      break;
    case TYPE_OID.bit: case TYPE_OID.varbit:
      f.character_maximum_length = typmod >= 0 ? typmod : null;
      break;
    case TYPE_OID.int2: case TYPE_OID.int4: case TYPE_OID.int8:
      f.numeric_precision = type === TYPE_OID.int2 ? 16 : type === TYPE_OID.int4 ? 32 : 64;
      f.numeric_precision_radix = 2;
      f.numeric_scale = 0;
      break;
    case TYPE_OID.float4: case TYPE_OID.float8:
      f.numeric_precision = type === TYPE_OID.float4 ? 24 : 53;
      f.numeric_precision_radix = 2;
      break;
    case TYPE_OID.numeric:
      f.numeric_precision = typmod >= 0 ? ((typmod - 4) >> 16) & 0xffff : null;
      f.numeric_precision_radix = 10;
      f.numeric_scale = typmod >= 0 ? (typmod - 4) & 0xffff : null;
      break;
    case TYPE_OID.date:
      f.datetime_precision = 0;
      break;
    case TYPE_OID.time: case TYPE_OID.timetz: case TYPE_OID.timestamp: case TYPE_OID.timestamptz:
      f.datetime_precision = typmod < 0 ? 6 : typmod;
      break;
    case TYPE_OID.interval:
      f.datetime_precision = typmod < 0 || (typmod & 0xffff) === 0xffff ? 6 : typmod & 0xffff;
      break;
  }
  return f;
}

function dataType(ctx: SystemViewContext, type: Oid): string {
  const t = ctx.catalog.type(type);
  if (!t) return 'USER-DEFINED';
  if (t.elem !== 0 && t.len === -1) return 'ARRAY';
  return t.namespace === PG_CATALOG_NAMESPACE ? formatTypeFn(ctx, type, null) ?? '???' : 'USER-DEFINED';
}

interface ColumnInput {
  schema: string;
  table: string;
  relation?: Oid;
  attnum: number;
  name: string;
  type: Oid;
  typmod: number;
  notNull: boolean;
  column?: ColumnRow;
  identitySeq?: SequenceRelation;
  updatable: boolean;
}

function columnRow(ctx: SystemViewContext, c: ColumnInput): ViewRecord {
  const t = ctx.catalog.type(c.type);
  const col = c.column;
  const identity = col?.identity === 'a' || col?.identity === 'd';
  const seq = identity ? c.identitySeq?.params : undefined;
  const generated = col?.generated === 's';
  return {
    table_catalog: ctx.session.database, table_schema: c.schema, table_name: c.table, column_name: c.name,
    ordinal_position: c.attnum,
    column_default: col?.default && !generated && c.relation !== undefined ? pgGetExpr(ctx, col.default.text, c.relation) : null,
    is_nullable: yesNo(!c.notNull), data_type: dataType(ctx, c.type), ...typeFacets(c.type, c.typmod),
    interval_type: null, interval_precision: null, character_set_catalog: null, character_set_schema: null,
    character_set_name: null, collation_catalog: null, collation_schema: null, collation_name: null,
    domain_catalog: null, domain_schema: null, domain_name: null, udt_catalog: ctx.session.database,
    udt_schema: t ? ctx.catalog.namespace(t.namespace)?.name ?? null : null, udt_name: t?.name ?? null,
    scope_catalog: null, scope_schema: null, scope_name: null, maximum_cardinality: null,
    dtd_identifier: String(c.attnum), is_self_referencing: 'NO', is_identity: yesNo(identity),
    identity_generation: identity ? (col!.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT') : null,
    identity_start: seq?.start ?? null, identity_increment: seq?.increment ?? null, identity_maximum: seq?.max ?? null,
    identity_minimum: seq?.min ?? null, identity_cycle: yesNo(seq?.cycle ?? false),
    is_generated: generated ? 'ALWAYS' : 'NEVER',
    generation_expression: generated && col?.default && c.relation !== undefined ? pgGetExpr(ctx, col.default.text, c.relation) : null,
    is_updatable: yesNo(c.updatable),
  };
}

export function* columnsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const s of SYSTEM_RELATIONS) {
    for (let i = 0; i < s.columns.length; i++) {
      const c = s.columns[i];
      yield columnRow(ctx, {
        schema: s.schema, table: s.name, attnum: i + 1, name: c.name, type: c.typeOid, typmod: c.typmod,
        notNull: false, updatable: s.kind === 'r',
      });
    }
  }
  for (const r of ctx.catalog.relations()) {
    if (r.kind === 'v') {
      const schema = ctx.catalog.namespace(r.namespace)?.name ?? '';
      for (const c of r.columns) {
        yield columnRow(ctx, { schema, table: r.name, relation: r.oid, attnum: c.attnum, name: c.name, type: c.type, typmod: c.typmod, notNull: false, updatable: false });
      }
    }
    if (r.kind !== 'r') continue;
    const schema = ctx.catalog.namespace(r.namespace)?.name ?? '';
    const owned = ctx.catalog.sequencesOwnedBy(r.oid);
    for (const c of r.columns) {
      if (c.dropped) continue;
      yield columnRow(ctx, {
        schema, table: r.name, relation: r.oid, attnum: c.attnum, name: c.name, type: c.type, typmod: c.typmod,
        notNull: c.notNull, column: c, identitySeq: owned.find((s) => s.identity && s.ownedBy?.attnum === c.attnum),
        updatable: true,
      });
    }
  }
}

export function* sequencesRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of ctx.catalog.relations()) {
    // Identity sequences are internal to their column (pg_depend 'i') and not listed.
    if (r.kind !== 'S' || r.identity) continue;
    const p = r.params;
    yield {
      sequence_catalog: ctx.session.database, sequence_schema: ctx.catalog.namespace(r.namespace)?.name ?? '',
      sequence_name: r.name, data_type: formatTypeFn(ctx, p.type, null),
      numeric_precision: p.type === TYPE_OID.int2 ? 16 : p.type === TYPE_OID.int4 ? 32 : 64, numeric_precision_radix: 2,
      numeric_scale: 0, start_value: p.start, minimum_value: p.min, maximum_value: p.max, increment: p.increment,
      cycle_option: yesNo(p.cycle),
    };
  }
}
