// The functions of pgvector 0.8.7's install script (sql/vector.sql), one line per CREATE
// FUNCTION: `name(arg types)return type`, then `=C symbol` when the SQL names a different C
// function than the SQL name (`AS 'MODULE_PATHNAME', 'halfvec_l2_distance'`). The C symbol is
// the pg_proc row's `impl`: the executor implements pgvector's functions under exactly these
// keys (libs/executor/src/functions/vector/). `!` marks LANGUAGE C functions declared without
// IMMUTABLE STRICT (access method handlers and support functions: volatile, not strict).
// Type names are pg_catalog's (float8, _float8 for double precision[], ...) or the
// extension's own.
// @see https://github.com/pgvector/pgvector/blob/v0.8.0/sql/vector.sql

const dense = (t: 'vector' | 'halfvec', prefix: string): string[] => [
  `${t}_in(cstring,oid,int4)${t}`, `${t}_out(${t})cstring`, `${t}_typmod_in(_cstring)int4`,
  `${t}_recv(internal,oid,int4)${t}`, `${t}_send(${t})bytea`,
  `l2_distance(${t},${t})float8=${prefix}l2_distance`, `inner_product(${t},${t})float8=${prefix}inner_product`,
  `cosine_distance(${t},${t})float8=${prefix}cosine_distance`, `l1_distance(${t},${t})float8=${prefix}l1_distance`,
  `vector_dims(${t})int4=${prefix}vector_dims`,
  t === 'vector' ? 'vector_norm(vector)float8' : 'l2_norm(halfvec)float8=halfvec_l2_norm',
  `l2_normalize(${t})${t}=${prefix}l2_normalize`, `binary_quantize(${t})bit=${prefix}binary_quantize`,
  `subvector(${t},int4,int4)${t}=${prefix}subvector`,
  ...['add', 'sub', 'mul', 'concat'].map((op) => `${t}_${op}(${t},${t})${t}`),
  ...['lt', 'le', 'eq', 'ne', 'ge', 'gt'].map((op) => `${t}_${op}(${t},${t})bool`),
  `${t}_cmp(${t},${t})int4`,
  `${t}_l2_squared_distance(${t},${t})float8`, `${t}_negative_inner_product(${t},${t})float8`,
  `${t}_spherical_distance(${t},${t})float8`,
  `${t}_accum(_float8,${t})_float8`, `${t}_avg(_float8)${t}`,
  `${t}_combine(_float8,_float8)_float8=vector_combine`,
  `${t}(${t},int4,bool)${t}`,
  ...['_int4', '_float4', '_float8', '_numeric'].map((a) => `array_to_${t}(${a},int4,bool)${t}`),
  `${t}_to_float4(${t},int4,bool)_float4`,
];

/** Every CREATE FUNCTION of vector--0.8.7.sql, in script order per type. */
export const VECTOR_FUNCTIONS: readonly string[] = [
  ...dense('vector', ''),
  '!ivfflathandler(internal)index_am_handler', '!hnswhandler(internal)index_am_handler',
  '!ivfflat_halfvec_support(internal)internal', '!ivfflat_bit_support(internal)internal',
  '!hnsw_halfvec_support(internal)internal', '!hnsw_bit_support(internal)internal',
  '!hnsw_sparsevec_support(internal)internal',
  ...dense('halfvec', 'halfvec_'),
  'halfvec_to_vector(halfvec,int4,bool)vector', 'vector_to_halfvec(vector,int4,bool)halfvec',
  'hamming_distance(bit,bit)float8', 'jaccard_distance(bit,bit)float8',
  'sparsevec_in(cstring,oid,int4)sparsevec', 'sparsevec_out(sparsevec)cstring', 'sparsevec_typmod_in(_cstring)int4',
  'sparsevec_recv(internal,oid,int4)sparsevec', 'sparsevec_send(sparsevec)bytea',
  'l2_distance(sparsevec,sparsevec)float8=sparsevec_l2_distance',
  'inner_product(sparsevec,sparsevec)float8=sparsevec_inner_product',
  'cosine_distance(sparsevec,sparsevec)float8=sparsevec_cosine_distance',
  'l1_distance(sparsevec,sparsevec)float8=sparsevec_l1_distance',
  'l2_norm(sparsevec)float8=sparsevec_l2_norm', 'l2_normalize(sparsevec)sparsevec=sparsevec_l2_normalize',
  ...['lt', 'le', 'eq', 'ne', 'ge', 'gt'].map((op) => `sparsevec_${op}(sparsevec,sparsevec)bool`),
  'sparsevec_cmp(sparsevec,sparsevec)int4',
  'sparsevec_l2_squared_distance(sparsevec,sparsevec)float8', 'sparsevec_negative_inner_product(sparsevec,sparsevec)float8',
  'sparsevec(sparsevec,int4,bool)sparsevec',
  'vector_to_sparsevec(vector,int4,bool)sparsevec', 'sparsevec_to_vector(sparsevec,int4,bool)vector',
  'halfvec_to_sparsevec(halfvec,int4,bool)sparsevec', 'sparsevec_to_halfvec(sparsevec,int4,bool)halfvec',
  ...['_int4', '_float4', '_float8', '_numeric'].map((a) => `array_to_sparsevec(${a},int4,bool)sparsevec`),
];

export interface FunctionDecl {
  name: string;
  args: string[];
  ret: string;
  /** The C symbol (pg_proc.prosrc), the executor's implementation key. */
  impl: string;
  /** IMMUTABLE STRICT (false for the handler/support functions). */
  immutableStrict: boolean;
}

/** Parses one `name(a,b)ret=impl` line. */
export function parseFunctionDecl(line: string): FunctionDecl {
  const m = /^(!?)(\w+)\(([^)]*)\)(\w+)(?:=(\w+))?$/.exec(line);
  if (!m) throw new Error(`bad vector function declaration: ${line}`);
  return { name: m[2], args: m[3] === '' ? [] : m[3].split(','), ret: m[4], impl: m[5] ?? m[2], immutableStrict: m[1] === '' };
}

/** The lookup key of a function: `l2_distance(halfvec,halfvec)`. */
export function functionKey(name: string, args: readonly string[]): string {
  return `${name}(${args.join(',')})`;
}
