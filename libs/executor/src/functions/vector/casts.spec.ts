// Cast functions, from pgvector's test/expected/cast.out (typmods passed as the C functions
// receive them: `x::vector(2)` calls vector(x, 2, true)).
import { PgArray } from '@vecgres/pg-types';
import { VECTOR_FUNCTIONS } from './index';
import { outcome, type Case } from './testing/cases';
import { arr, half, sparse, vec } from './testing/values';

const num = (text: string) => arr(text, true);
const big = (n: number) => PgArray.of(Array.from({ length: n }, (_, i) => i + 1));

const CASES: Case[] = [
  ['int4[] -> vector', 'array_to_vector', [arr('{1,2,3}')], '[1,2,3]'],
  ['numeric[] -> vector', 'array_to_vector', [num('{1.0,2.0,3.0}')], '[1,2,3]'],
  ['float4[] -> vector(3)', 'array_to_vector', [arr('{1,2,3}'), 3, true], '[1,2,3]'],
  ['float4[] -> vector(2)', 'array_to_vector', [arr('{1,2,3}'), 2, true], 'ERROR: 22000 expected 2 dimensions, not 3'],
  ['NULL element', 'array_to_vector', [arr('{NULL}')], 'ERROR: 22004 array must not contain nulls'],
  ['NaN element', 'array_to_vector', [arr('{NaN}')], 'ERROR: 22000 NaN not allowed in vector'],
  ['Infinity element', 'array_to_vector', [arr('{Infinity}')], 'ERROR: 22000 infinite value not allowed in vector'],
  ['-Infinity element', 'array_to_vector', [arr('{-Infinity}')], 'ERROR: 22000 infinite value not allowed in vector'],
  ['empty array', 'array_to_vector', [arr('{}')], 'ERROR: 22000 vector must have at least 1 dimension'],
  ['2-D array', 'array_to_vector', [arr('{{1}}')], 'ERROR: 22000 array must be 1-D'],
  ['float8 overflow to float', 'array_to_vector', [arr('{4e38,-4e38}')], 'ERROR: 22000 infinite value not allowed in vector'],
  ['float8 underflow to float', 'array_to_vector', [arr('{1e-46,-1e-46}')], '[0,-0]'],
  ['float8 rounds to float', 'array_to_vector', [arr('{0.1}')], '[0.1]'],
  ['numeric too large for real', 'array_to_vector', [num('{4e38}')], 'ERROR: 22003 "400000000000000000000000000000000000000" is out of range for type real'],
  ['16001 elements', 'array_to_vector', [big(16001)], 'ERROR: 54000 vector cannot have more than 16000 dimensions'],
  ['16001 elements with typmod', 'array_to_vector', [big(16001), 16001, false], 'ERROR: 54000 vector cannot have more than 16000 dimensions'],
  ['vector -> real[]', 'vector_to_float4', [vec('[1,2,3]')], '{1,2,3}'],
  ['vector -> halfvec', 'vector_to_halfvec', [vec('[1,2,3]')], '[1,2,3]'],
  ['vector -> halfvec(3)', 'vector_to_halfvec', [vec('[1,2,3]'), 3, true], '[1,2,3]'],
  ['vector -> halfvec(2)', 'vector_to_halfvec', [vec('[1,2,3]'), 2, true], 'ERROR: 22000 expected 2 dimensions, not 3'],
  ['vector -> halfvec overflow', 'vector_to_halfvec', [vec('[65520]')], 'ERROR: 22003 "65520" is out of range for type halfvec'],
  ['vector -> halfvec largest', 'vector_to_halfvec', [vec('[65519,-65519]')], '[65504,-65504]'],
  ['vector -> halfvec underflow is 0', 'vector_to_halfvec', [vec('[1e-8]')], '[0]'],
  ['vector -> halfvec rounds', 'vector_to_halfvec', [vec('[1.23456]')], '[1.234375]'],
  ['halfvec -> vector', 'halfvec_to_vector', [half('[1,2,3]')], '[1,2,3]'],
  ['halfvec -> vector(3)', 'halfvec_to_vector', [half('[1,2,3]'), 3, true], '[1,2,3]'],
  ['halfvec -> vector(2)', 'halfvec_to_vector', [half('[1,2,3]'), 2, true], 'ERROR: 22000 expected 2 dimensions, not 3'],
  ['halfvec -> real[]', 'halfvec_to_float4', [half('[1,2,3]')], '{1,2,3}'],
  ['real[] -> halfvec', 'array_to_halfvec', [arr('{1,2,3}')], '[1,2,3]'],
  ['real[] -> halfvec(3)', 'array_to_halfvec', [arr('{1,2,3}'), 3, true], '[1,2,3]'],
  ['real[] -> halfvec(2)', 'array_to_halfvec', [arr('{1,2,3}'), 2, true], 'ERROR: 22000 expected 2 dimensions, not 3'],
  ['real[] -> halfvec overflow', 'array_to_halfvec', [arr('{65520,-65520}')], 'ERROR: 22003 "65520" is out of range for type halfvec'],
  ['real[] -> halfvec underflow', 'array_to_halfvec', [arr('{1e-8,-1e-8}')], '[0,-0]'],
  ['real[] -> halfvec NaN', 'array_to_halfvec', [arr('{NaN}')], 'ERROR: 22000 NaN not allowed in halfvec'],
  ['real[] -> halfvec Infinity', 'array_to_halfvec', [arr('{Infinity}')], 'ERROR: 22000 infinite value not allowed in halfvec'],
  ['numeric[] -> halfvec', 'array_to_halfvec', [num('{1.5,0.1}')], '[1.5,0.099975586]'],
  ['vector -> sparsevec', 'vector_to_sparsevec', [vec('[0,1.5,0,3.5,0]')], '{2:1.5,4:3.5}/5'],
  ['vector -> sparsevec(5)', 'vector_to_sparsevec', [vec('[0,1.5,0,3.5,0]'), 5, true], '{2:1.5,4:3.5}/5'],
  ['vector -> sparsevec(4)', 'vector_to_sparsevec', [vec('[0,1.5,0,3.5,0]'), 4, true], 'ERROR: 22000 expected 4 dimensions, not 5'],
  ['sparsevec -> vector', 'sparsevec_to_vector', [sparse('{2:1.5,4:3.5}/5')], '[0,1.5,0,3.5,0]'],
  ['sparsevec -> vector(5)', 'sparsevec_to_vector', [sparse('{2:1.5,4:3.5}/5'), 5, true], '[0,1.5,0,3.5,0]'],
  ['sparsevec -> vector(4)', 'sparsevec_to_vector', [sparse('{2:1.5,4:3.5}/5'), 4, true], 'ERROR: 22000 expected 4 dimensions, not 5'],
  ['sparsevec -> vector too long', 'sparsevec_to_vector', [sparse('{}/16001')], 'ERROR: 54000 vector cannot have more than 16000 dimensions'],
  ['halfvec -> sparsevec', 'halfvec_to_sparsevec', [half('[0,1.5,0,3.5,0]')], '{2:1.5,4:3.5}/5'],
  ['halfvec -> sparsevec(4)', 'halfvec_to_sparsevec', [half('[0,1.5,0,3.5,0]'), 4, true], 'ERROR: 22000 expected 4 dimensions, not 5'],
  ['sparsevec -> halfvec', 'sparsevec_to_halfvec', [sparse('{2:1.5,4:3.5}/5')], '[0,1.5,0,3.5,0]'],
  ['sparsevec -> halfvec(4)', 'sparsevec_to_halfvec', [sparse('{2:1.5,4:3.5}/5'), 4, true], 'ERROR: 22000 expected 4 dimensions, not 5'],
  ['sparsevec -> halfvec too long', 'sparsevec_to_halfvec', [sparse('{}/16001')], 'ERROR: 54000 halfvec cannot have more than 16000 dimensions'],
  ['sparsevec -> halfvec overflow', 'sparsevec_to_halfvec', [sparse('{1:65520}/1')], 'ERROR: 22003 "65520" is out of range for type halfvec'],
  ['sparsevec -> halfvec underflow', 'sparsevec_to_halfvec', [sparse('{1:1e-8}/1')], '[0]'],
  ['int4[] -> sparsevec', 'array_to_sparsevec', [arr('{1,0,2,0,3,0}')], '{1:1,3:2,5:3}/6'],
  ['numeric[] -> sparsevec', 'array_to_sparsevec', [num('{1.0,0.0,2.0,0.0,3.0,0.0}')], '{1:1,3:2,5:3}/6'],
  ['real[] -> sparsevec(6)', 'array_to_sparsevec', [arr('{1,0,2,0,3,0}'), 6, true], '{1:1,3:2,5:3}/6'],
  ['real[] -> sparsevec(5)', 'array_to_sparsevec', [arr('{1,0,2,0,3,0}'), 5, true], 'ERROR: 22000 expected 5 dimensions, not 6'],
  ['sparsevec NULL', 'array_to_sparsevec', [arr('{NULL}')], 'ERROR: 22004 array must not contain nulls'],
  ['sparsevec NaN', 'array_to_sparsevec', [arr('{NaN}')], 'ERROR: 22000 NaN not allowed in sparsevec'],
  ['sparsevec Infinity', 'array_to_sparsevec', [arr('{Infinity}')], 'ERROR: 22000 infinite value not allowed in sparsevec'],
  ['sparsevec -Infinity', 'array_to_sparsevec', [arr('{-Infinity}')], 'ERROR: 22000 infinite value not allowed in sparsevec'],
  ['sparsevec empty', 'array_to_sparsevec', [arr('{}')], 'ERROR: 22000 sparsevec must have at least 1 dimension'],
  ['sparsevec 2-D', 'array_to_sparsevec', [arr('{{1}}')], 'ERROR: 22000 array must be 1-D'],
  ['vector(3) typmod ok', 'vector', [vec('[1,2,3]'), 3, true], '[1,2,3]'],
  ['vector(2) typmod', 'vector', [vec('[1,2,3]'), 2, false], 'ERROR: 22000 expected 2 dimensions, not 3'],
  ['vector without typmod', 'vector', [vec('[1,2,3]')], '[1,2,3]'],
  ['halfvec(2) typmod', 'halfvec', [half('[1,2,3]'), 2, true], 'ERROR: 22000 expected 2 dimensions, not 3'],
  ['sparsevec(3) typmod ok', 'sparsevec', [sparse('{}/3'), 3, true], '{}/3'],
  ['sparsevec(2) typmod', 'sparsevec', [sparse('{}/3'), 2, true], 'ERROR: 22000 expected 2 dimensions, not 3'],
];

describe('casts (pgvector cast.out)', () => {
  it.each(CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args, 'float4')).toBe(expected));

  it('accepts plain JS arrays as array arguments', () => {
    expect(Array.from(VECTOR_FUNCTIONS.array_to_vector([1, 2]) as Float32Array)).toEqual([1, 2]);
  });
});
