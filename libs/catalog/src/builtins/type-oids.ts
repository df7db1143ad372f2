// OIDs of builtin types the catalog code refers to by name (pg_type.dat). The full rows are in
// generated/types.ts; these constants only keep call sites readable.
export const TYPE_OID = {
  bool: 16, bytea: 17, char: 18, name: 19, int8: 20, int2: 21, int4: 23, regproc: 24, text: 25,
  oid: 26, json: 114, float4: 700, float8: 701, unknown: 705, bpchar: 1042, varchar: 1043,
  date: 1082, time: 1083, timestamp: 1114, timestamptz: 1184, interval: 1186, timetz: 1266,
  bit: 1560, varbit: 1562, numeric: 1700, regclass: 2205, regtype: 2206, record: 2249,
  cstring: 2275, any: 2276, anyarray: 2277, void: 2278, internal: 2281, anyelement: 2283,
  uuid: 2950, jsonb: 3802,
} as const;

/** pg_am OIDs of the builtin index access methods. */
export const AM_OID = { heap: 2, btree: 403, hash: 405, gist: 783, gin: 2742, spgist: 4000, brin: 3580 } as const;
