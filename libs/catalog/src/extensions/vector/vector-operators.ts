// The operators, casts and operator classes of pgvector 0.8.7 (sql/vector.sql), as data.
// @see https://github.com/pgvector/pgvector/blob/v0.8.0/sql/vector.sql

export interface OperatorDecl {
  name: string;
  type: 'vector' | 'halfvec' | 'sparsevec' | 'bit';
  /** The implementing function (name; arguments are (type, type)). */
  proc: string;
  commutator?: string;
  negator?: string;
}

const COMPARISONS: Array<[string, string, string, string]> = [
  ['<', 'lt', '>', '>='], ['<=', 'le', '>=', '>'], ['=', 'eq', '=', '<>'],
  ['<>', 'ne', '<>', '='], ['>=', 'ge', '<=', '<'], ['>', 'gt', '<', '<='],
];

function operatorsOf(t: 'vector' | 'halfvec' | 'sparsevec'): OperatorDecl[] {
  const ops: OperatorDecl[] = [
    { name: '<->', type: t, proc: 'l2_distance', commutator: '<->' },
    { name: '<#>', type: t, proc: `${t}_negative_inner_product`, commutator: '<#>' },
    { name: '<=>', type: t, proc: 'cosine_distance', commutator: '<=>' },
    { name: '<+>', type: t, proc: 'l1_distance', commutator: '<+>' },
  ];
  if (t !== 'sparsevec') {
    ops.push(
      { name: '+', type: t, proc: `${t}_add`, commutator: '+' },
      { name: '-', type: t, proc: `${t}_sub` },
      { name: '*', type: t, proc: `${t}_mul`, commutator: '*' },
      { name: '||', type: t, proc: `${t}_concat` },
    );
  }
  for (const [name, suffix, commutator, negator] of COMPARISONS) ops.push({ name, type: t, proc: `${t}_${suffix}`, commutator, negator });
  return ops;
}

/** Every CREATE OPERATOR (all binary, left type = right type). */
export const VECTOR_OPERATORS: readonly OperatorDecl[] = [
  ...operatorsOf('vector'),
  ...operatorsOf('halfvec'),
  { name: '<~>', type: 'bit', proc: 'hamming_distance', commutator: '<~>' },
  { name: '<%>', type: 'bit', proc: 'jaccard_distance', commutator: '<%>' },
  ...operatorsOf('sparsevec'),
];

export interface CastDecl {
  source: string;
  target: string;
  /** The cast function's name; its arguments are (source, int4, bool). */
  func: string;
  /** pg_cast.castcontext: i IMPLICIT, a ASSIGNMENT. */
  context: 'i' | 'a';
}

const arrayCasts = (t: string): CastDecl[] =>
  ['_int4', '_float4', '_float8', '_numeric'].map((a) => ({ source: a, target: t, func: `array_to_${t}`, context: 'a' }));

/** Every CREATE CAST. */
export const VECTOR_CASTS: readonly CastDecl[] = [
  { source: 'vector', target: 'vector', func: 'vector', context: 'i' },
  { source: 'vector', target: '_float4', func: 'vector_to_float4', context: 'i' },
  ...arrayCasts('vector'),
  { source: 'halfvec', target: 'halfvec', func: 'halfvec', context: 'i' },
  { source: 'halfvec', target: 'vector', func: 'halfvec_to_vector', context: 'a' },
  { source: 'vector', target: 'halfvec', func: 'vector_to_halfvec', context: 'i' },
  { source: 'halfvec', target: '_float4', func: 'halfvec_to_float4', context: 'a' },
  ...arrayCasts('halfvec'),
  { source: 'sparsevec', target: 'sparsevec', func: 'sparsevec', context: 'i' },
  { source: 'sparsevec', target: 'vector', func: 'sparsevec_to_vector', context: 'a' },
  { source: 'vector', target: 'sparsevec', func: 'vector_to_sparsevec', context: 'i' },
  { source: 'sparsevec', target: 'halfvec', func: 'sparsevec_to_halfvec', context: 'a' },
  { source: 'halfvec', target: 'sparsevec', func: 'halfvec_to_sparsevec', context: 'i' },
  ...arrayCasts('sparsevec'),
];

export interface OpclassDecl {
  am: 'btree' | 'hnsw' | 'ivfflat';
  name: string;
  type: 'vector' | 'halfvec' | 'sparsevec' | 'bit';
  isDefault: boolean;
  /** OPERATOR 1 (FOR ORDER BY float_ops for hnsw/ivfflat); btree classes use < <= = >= >. */
  operator?: string;
  /** FUNCTION n support functions as `n:impl`, e.g. `1:vector_l2_squared_distance`. */
  support: readonly string[];
}

const btree = (t: 'vector' | 'halfvec' | 'sparsevec'): OpclassDecl => ({
  am: 'btree', name: `${t}_ops`, type: t, isDefault: true, support: [`1:${t}_cmp`],
});

/**
 * Every CREATE OPERATOR CLASS. `support` lists the C symbols of the FUNCTION entries: the
 * index code reads the distance it builds with (FUNCTION 1) and whether the opclass
 * normalizes (FUNCTION 2 = norm, cosine) from here.
 */
export const VECTOR_OPCLASSES: readonly OpclassDecl[] = [
  btree('vector'),
  { am: 'ivfflat', name: 'vector_l2_ops', type: 'vector', isDefault: true, operator: '<->', support: ['1:vector_l2_squared_distance', '3:l2_distance'] },
  { am: 'ivfflat', name: 'vector_ip_ops', type: 'vector', isDefault: false, operator: '<#>', support: ['1:vector_negative_inner_product', '3:vector_spherical_distance', '4:vector_norm'] },
  { am: 'ivfflat', name: 'vector_cosine_ops', type: 'vector', isDefault: false, operator: '<=>', support: ['1:vector_negative_inner_product', '2:vector_norm', '3:vector_spherical_distance', '4:vector_norm'] },
  { am: 'hnsw', name: 'vector_l2_ops', type: 'vector', isDefault: false, operator: '<->', support: ['1:vector_l2_squared_distance'] },
  { am: 'hnsw', name: 'vector_ip_ops', type: 'vector', isDefault: false, operator: '<#>', support: ['1:vector_negative_inner_product'] },
  { am: 'hnsw', name: 'vector_cosine_ops', type: 'vector', isDefault: false, operator: '<=>', support: ['1:vector_negative_inner_product', '2:vector_norm'] },
  { am: 'hnsw', name: 'vector_l1_ops', type: 'vector', isDefault: false, operator: '<+>', support: ['1:l1_distance'] },
  btree('halfvec'),
  { am: 'ivfflat', name: 'halfvec_l2_ops', type: 'halfvec', isDefault: false, operator: '<->', support: ['1:halfvec_l2_squared_distance', '3:halfvec_l2_distance', '5:ivfflat_halfvec_support'] },
  { am: 'ivfflat', name: 'halfvec_ip_ops', type: 'halfvec', isDefault: false, operator: '<#>', support: ['1:halfvec_negative_inner_product', '3:halfvec_spherical_distance', '4:halfvec_l2_norm', '5:ivfflat_halfvec_support'] },
  { am: 'ivfflat', name: 'halfvec_cosine_ops', type: 'halfvec', isDefault: false, operator: '<=>', support: ['1:halfvec_negative_inner_product', '2:halfvec_l2_norm', '3:halfvec_spherical_distance', '4:halfvec_l2_norm', '5:ivfflat_halfvec_support'] },
  { am: 'hnsw', name: 'halfvec_l2_ops', type: 'halfvec', isDefault: false, operator: '<->', support: ['1:halfvec_l2_squared_distance', '3:hnsw_halfvec_support'] },
  { am: 'hnsw', name: 'halfvec_ip_ops', type: 'halfvec', isDefault: false, operator: '<#>', support: ['1:halfvec_negative_inner_product', '3:hnsw_halfvec_support'] },
  { am: 'hnsw', name: 'halfvec_cosine_ops', type: 'halfvec', isDefault: false, operator: '<=>', support: ['1:halfvec_negative_inner_product', '2:halfvec_l2_norm', '3:hnsw_halfvec_support'] },
  { am: 'hnsw', name: 'halfvec_l1_ops', type: 'halfvec', isDefault: false, operator: '<+>', support: ['1:halfvec_l1_distance', '3:hnsw_halfvec_support'] },
  { am: 'ivfflat', name: 'bit_hamming_ops', type: 'bit', isDefault: false, operator: '<~>', support: ['1:hamming_distance', '3:hamming_distance', '5:ivfflat_bit_support'] },
  { am: 'hnsw', name: 'bit_hamming_ops', type: 'bit', isDefault: false, operator: '<~>', support: ['1:hamming_distance', '3:hnsw_bit_support'] },
  { am: 'hnsw', name: 'bit_jaccard_ops', type: 'bit', isDefault: false, operator: '<%>', support: ['1:jaccard_distance', '3:hnsw_bit_support'] },
  btree('sparsevec'),
  { am: 'hnsw', name: 'sparsevec_l2_ops', type: 'sparsevec', isDefault: false, operator: '<->', support: ['1:sparsevec_l2_squared_distance', '3:hnsw_sparsevec_support'] },
  { am: 'hnsw', name: 'sparsevec_ip_ops', type: 'sparsevec', isDefault: false, operator: '<#>', support: ['1:sparsevec_negative_inner_product', '3:hnsw_sparsevec_support'] },
  { am: 'hnsw', name: 'sparsevec_cosine_ops', type: 'sparsevec', isDefault: false, operator: '<=>', support: ['1:sparsevec_negative_inner_product', '2:sparsevec_l2_norm', '3:hnsw_sparsevec_support'] },
  { am: 'hnsw', name: 'sparsevec_l1_ops', type: 'sparsevec', isDefault: false, operator: '<+>', support: ['1:sparsevec_l1_distance', '3:hnsw_sparsevec_support'] },
];

/** The opclass declaration for an index column (`hnsw`, `vector_l2_ops`), for the index code. */
export function vectorOpclass(am: string, name: string): OpclassDecl | undefined {
  return VECTOR_OPCLASSES.find((c) => c.am === am && c.name === name);
}
