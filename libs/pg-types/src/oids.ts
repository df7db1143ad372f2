// Built-in PostgreSQL type OIDs with their typlen (bytes; -1 = varlena, -2 = C string), from
// PostgreSQL's src/include/catalog/pg_type.dat. OIDs of built-in types are fixed across
// installations, so drivers hard-code them; extension types (pgvector's vector, ...) get OIDs
// at CREATE EXTENSION time and are added to the codec registry by the catalog later.
// @see https://www.postgresql.org/docs/current/catalog-pg-type.html

export interface PgTypeInfo {
  readonly oid: number;
  /** pg_type.typname. */
  readonly name: string;
  /** pg_type.typlen: fixed size in bytes, -1 for varlena, -2 for a NUL-terminated C string. */
  readonly typlen: number;
  /** The SQL-standard name PostgreSQL uses in messages (`integer` for int4), when different. */
  readonly sqlName?: string;
  /** Element type OID for array types. */
  readonly elementOid?: number;
}

export const PG_TYPES = {
  bool: { oid: 16, name: 'bool', typlen: 1, sqlName: 'boolean' },
  bytea: { oid: 17, name: 'bytea', typlen: -1 },
  char: { oid: 18, name: 'char', typlen: 1, sqlName: '"char"' },
  name: { oid: 19, name: 'name', typlen: 64 },
  int8: { oid: 20, name: 'int8', typlen: 8, sqlName: 'bigint' },
  int2: { oid: 21, name: 'int2', typlen: 2, sqlName: 'smallint' },
  int2vector: { oid: 22, name: 'int2vector', typlen: -1 },
  int4: { oid: 23, name: 'int4', typlen: 4, sqlName: 'integer' },
  regproc: { oid: 24, name: 'regproc', typlen: 4 },
  text: { oid: 25, name: 'text', typlen: -1 },
  oid: { oid: 26, name: 'oid', typlen: 4 },
  tid: { oid: 27, name: 'tid', typlen: 6 },
  xid: { oid: 28, name: 'xid', typlen: 4 },
  cid: { oid: 29, name: 'cid', typlen: 4 },
  oidvector: { oid: 30, name: 'oidvector', typlen: -1 },
  json: { oid: 114, name: 'json', typlen: -1 },
  xml: { oid: 142, name: 'xml', typlen: -1 },
  point: { oid: 600, name: 'point', typlen: 16 },
  float4: { oid: 700, name: 'float4', typlen: 4, sqlName: 'real' },
  float8: { oid: 701, name: 'float8', typlen: 8, sqlName: 'double precision' },
  unknown: { oid: 705, name: 'unknown', typlen: -2 },
  money: { oid: 790, name: 'money', typlen: 8 },
  inet: { oid: 869, name: 'inet', typlen: -1 },
  bpchar: { oid: 1042, name: 'bpchar', typlen: -1, sqlName: 'character' },
  varchar: { oid: 1043, name: 'varchar', typlen: -1, sqlName: 'character varying' },
  date: { oid: 1082, name: 'date', typlen: 4 },
  time: { oid: 1083, name: 'time', typlen: 8, sqlName: 'time without time zone' },
  timestamp: { oid: 1114, name: 'timestamp', typlen: 8, sqlName: 'timestamp without time zone' },
  timestamptz: { oid: 1184, name: 'timestamptz', typlen: 8, sqlName: 'timestamp with time zone' },
  interval: { oid: 1186, name: 'interval', typlen: 16 },
  timetz: { oid: 1266, name: 'timetz', typlen: 12, sqlName: 'time with time zone' },
  bit: { oid: 1560, name: 'bit', typlen: -1 },
  varbit: { oid: 1562, name: 'varbit', typlen: -1, sqlName: 'bit varying' },
  numeric: { oid: 1700, name: 'numeric', typlen: -1 },
  regclass: { oid: 2205, name: 'regclass', typlen: 4 },
  regtype: { oid: 2206, name: 'regtype', typlen: 4 },
  record: { oid: 2249, name: 'record', typlen: -1 },
  cstring: { oid: 2275, name: 'cstring', typlen: -2 },
  any: { oid: 2276, name: 'any', typlen: 4 },
  void: { oid: 2278, name: 'void', typlen: 4 },
  uuid: { oid: 2950, name: 'uuid', typlen: 16 },
  jsonb: { oid: 3802, name: 'jsonb', typlen: -1 },
  _bool: { oid: 1000, name: '_bool', typlen: -1, elementOid: 16 },
  _bytea: { oid: 1001, name: '_bytea', typlen: -1, elementOid: 17 },
  _int2: { oid: 1005, name: '_int2', typlen: -1, elementOid: 21 },
  _int4: { oid: 1007, name: '_int4', typlen: -1, elementOid: 23 },
  _text: { oid: 1009, name: '_text', typlen: -1, elementOid: 25 },
  _varchar: { oid: 1015, name: '_varchar', typlen: -1, elementOid: 1043 },
  _int8: { oid: 1016, name: '_int8', typlen: -1, elementOid: 20 },
  _float4: { oid: 1021, name: '_float4', typlen: -1, elementOid: 700 },
  _float8: { oid: 1022, name: '_float8', typlen: -1, elementOid: 701 },
  _oid: { oid: 1028, name: '_oid', typlen: -1, elementOid: 26 },
  _numeric: { oid: 1231, name: '_numeric', typlen: -1, elementOid: 1700 },
  _name: { oid: 1003, name: '_name', typlen: -1, elementOid: 19 },
  _bpchar: { oid: 1014, name: '_bpchar', typlen: -1, elementOid: 1042 },
  _date: { oid: 1182, name: '_date', typlen: -1, elementOid: 1082 },
  _time: { oid: 1183, name: '_time', typlen: -1, elementOid: 1083 },
  _timestamp: { oid: 1115, name: '_timestamp', typlen: -1, elementOid: 1114 },
  _timestamptz: { oid: 1185, name: '_timestamptz', typlen: -1, elementOid: 1184 },
  _interval: { oid: 1187, name: '_interval', typlen: -1, elementOid: 1186 },
  _timetz: { oid: 1270, name: '_timetz', typlen: -1, elementOid: 1266 },
  _uuid: { oid: 2951, name: '_uuid', typlen: -1, elementOid: 2950 },
  _json: { oid: 199, name: '_json', typlen: -1, elementOid: 114 },
  _jsonb: { oid: 3807, name: '_jsonb', typlen: -1, elementOid: 3802 },
} as const satisfies Record<string, PgTypeInfo>;

export type PgTypeName = keyof typeof PG_TYPES;
export type BuiltinTypeOid = (typeof PG_TYPES)[PgTypeName]['oid'];

/** The OIDs by name, for call sites that only need the number (`TYPE_OID.int4 === 23`). */
export const TYPE_OID = Object.freeze(
  Object.fromEntries(Object.entries(PG_TYPES).map(([k, v]) => [k, v.oid])),
) as { readonly [K in PgTypeName]: (typeof PG_TYPES)[K]['oid'] };

const BY_OID: ReadonlyMap<number, PgTypeInfo> = new Map(
  Object.values(PG_TYPES).map((t) => [t.oid, t as PgTypeInfo]),
);

/** The built-in type with this OID, or undefined. */
export function builtinTypeByOid(oid: number): PgTypeInfo | undefined {
  return BY_OID.get(oid);
}

/** typlen for RowDescription's type size field (-1 for unknown OIDs, i.e. varlena). */
export function typeSize(oid: number): number {
  return BY_OID.get(oid)?.typlen ?? -1;
}

/** Name used in error messages: `integer` for int4, `double precision` for float8, ... */
export function sqlTypeName(oid: number): string {
  const t = BY_OID.get(oid);
  if (!t) return `type ${oid}`;
  return t.sqlName ?? t.name;
}
