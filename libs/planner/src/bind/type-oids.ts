// Builtin type OIDs the binder refers to by name (pg_type.dat; fixed across installations).
export const T = {
  bool: 16, bytea: 17, char: 18, name: 19, int8: 20, int2: 21, int4: 23, text: 25, oid: 26,
  float4: 700, float8: 701, unknown: 705, bpchar: 1042, varchar: 1043, numeric: 1700, bit: 1560,
  int2vector: 22, oidvector: 30, int2array: 1005, oidarray: 1028,
  regclass: 2205, record: 2249, any: 2276, anyarray: 2277, anyelement: 2283, anynonarray: 2776,
  anycompatible: 5077, anycompatiblearray: 5078, anycompatiblenonarray: 5079,
} as const;

/** Pseudo-types that accept (and, for results, mirror) any argument type. */
export const POLYMORPHIC = new Set<number>([
  T.anyelement, T.anyarray, T.anynonarray, T.anycompatible, T.anycompatiblearray, T.anycompatiblenonarray,
]);

export const NO_TYPMOD = -1;
