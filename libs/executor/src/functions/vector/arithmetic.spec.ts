// + - * ||, dims, norms, l2_normalize, binary_quantize and subvector of vector and halfvec,
// from pgvector's test/expected/vector_type.out and halfvec.out.
import { VECTOR_FUNCTIONS } from './index';
import { outcome, type Case } from './testing/cases';
import { half, vec } from './testing/values';

const OVERFLOW = 'ERROR: 22003 value out of range: overflow';
const UNDERFLOW = 'ERROR: 22003 value out of range: underflow';
const big = (n: number) => new Float32Array(n);

const VECTOR_CASES: Case[] = [
  ['+', 'vector_add', [vec('[1,2,3]'), vec('[4,5,6]')], '[5,7,9]'],
  ['+ overflow', 'vector_add', [vec('[3e38]'), vec('[3e38]')], OVERFLOW],
  ['+ dims', 'vector_add', [vec('[1,2]'), vec('[3]')], 'ERROR: 22000 different vector dimensions 2 and 1'],
  ['-', 'vector_sub', [vec('[1,2,3]'), vec('[4,5,6]')], '[-3,-3,-3]'],
  ['- overflow', 'vector_sub', [vec('[-3e38]'), vec('[3e38]')], OVERFLOW],
  ['- dims', 'vector_sub', [vec('[1,2]'), vec('[3]')], 'ERROR: 22000 different vector dimensions 2 and 1'],
  ['*', 'vector_mul', [vec('[1,2,3]'), vec('[4,5,6]')], '[4,10,18]'],
  ['* overflow', 'vector_mul', [vec('[1e37]'), vec('[1e37]')], OVERFLOW],
  ['* underflow', 'vector_mul', [vec('[1e-37]'), vec('[1e-37]')], UNDERFLOW],
  ['* by zero is not underflow', 'vector_mul', [vec('[1e-37,0]'), vec('[0,5]')], '[0,0]'],
  ['* dims', 'vector_mul', [vec('[1,2]'), vec('[3]')], 'ERROR: 22000 different vector dimensions 2 and 1'],
  ['||', 'vector_concat', [vec('[1,2,3]'), vec('[4,5]')], '[1,2,3,4,5]'],
  ['|| too long', 'vector_concat', [big(16000), vec('[1]')], 'ERROR: 54000 vector cannot have more than 16000 dimensions'],
  ['dims', 'vector_dims', [vec('[1,2,3]')], '3'],
  ['norm 3-4', 'vector_norm', [vec('[3,4]')], '5'],
  ['norm unit', 'vector_norm', [vec('[0,1]')], '1'],
  ['norm sqrt 2', 'vector_norm', [vec('[1,1]')], '1.4142135623730951'],
  ['norm in double', 'vector_norm', [vec('[3e37,4e37]')], '5.000000042966943e+37'],
  ['norm zero', 'vector_norm', [vec('[0,0]')], '0'],
  ['norm one dim', 'vector_norm', [vec('[2]')], '2'],
  ['normalize', 'l2_normalize', [vec('[3,4]')], '[0.6,0.8]'],
  ['normalize axis', 'l2_normalize', [vec('[3,0]')], '[1,0]'],
  ['normalize small', 'l2_normalize', [vec('[0,0.1]')], '[0,1]'],
  ['normalize zero vector', 'l2_normalize', [vec('[0,0]')], '[0,0]'],
  ['normalize huge (norm in double)', 'l2_normalize', [vec('[3e38]')], '[1]'],
  ['binary_quantize', 'binary_quantize', [vec('[1,0,-1]')], '100'],
  ['binary_quantize 11', 'binary_quantize', [vec('[0,0.1,-0.2,-0.3,0.4,0.5,0.6,-0.7,0.8,-0.9,1]')], '01001110101'],
  ['binary_quantize 19', 'binary_quantize', [vec('[1,2,3,-4,5,6,-7,8,1,-2,-3,4,5,-6,7,8,-1,2,3]')], '1110110110011011011'],
  ['subvector head', 'subvector', [vec('[1,2,3,4,5]'), 1, 3], '[1,2,3]'],
  ['subvector middle', 'subvector', [vec('[1,2,3,4,5]'), 3, 2], '[3,4]'],
  ['subvector before start', 'subvector', [vec('[1,2,3,4,5]'), -1, 3], '[1]'],
  ['subvector past end', 'subvector', [vec('[1,2,3,4,5]'), 3, 9], '[3,4,5]'],
  ['subvector count 0', 'subvector', [vec('[1,2,3,4,5]'), 1, 0], 'ERROR: 22000 vector must have at least 1 dimension'],
  ['subvector count -1', 'subvector', [vec('[1,2,3,4,5]'), 3, -1], 'ERROR: 22000 vector must have at least 1 dimension'],
  ['subvector empty before start', 'subvector', [vec('[1,2,3,4,5]'), -1, 2], 'ERROR: 22000 vector must have at least 1 dimension'],
  ['subvector start past end', 'subvector', [vec('[1,2,3,4,5]'), 2147483647, 10], 'ERROR: 22000 vector must have at least 1 dimension'],
  ['subvector huge count', 'subvector', [vec('[1,2,3,4,5]'), 3, 2147483647], '[3,4,5]'],
  ['subvector int overflow', 'subvector', [vec('[1,2,3,4,5]'), -2147483644, 2147483647], '[1,2]'],
];

const HALFVEC_CASES: Case[] = [
  ['+', 'halfvec_add', [half('[1,2,3]'), half('[4,5,6]')], '[5,7,9]'],
  ['+ overflow', 'halfvec_add', [half('[65519]'), half('[65519]')], OVERFLOW],
  ['+ dims', 'halfvec_add', [half('[1,2]'), half('[3]')], 'ERROR: 22000 different halfvec dimensions 2 and 1'],
  ['+ rounds to half', 'halfvec_add', [half('[1]'), half('[0.0001]')], '[1]'],
  ['-', 'halfvec_sub', [half('[1,2,3]'), half('[4,5,6]')], '[-3,-3,-3]'],
  ['- overflow', 'halfvec_sub', [half('[-65519]'), half('[65519]')], OVERFLOW],
  ['*', 'halfvec_mul', [half('[1,2,3]'), half('[4,5,6]')], '[4,10,18]'],
  ['* overflow', 'halfvec_mul', [half('[65519]'), half('[65519]')], OVERFLOW],
  ['* underflow', 'halfvec_mul', [half('[1e-7]'), half('[1e-7]')], UNDERFLOW],
  ['||', 'halfvec_concat', [half('[1,2,3]'), half('[4,5]')], '[1,2,3,4,5]'],
  ['|| too long', 'halfvec_concat', [big(16000), half('[1]')], 'ERROR: 54000 halfvec cannot have more than 16000 dimensions'],
  ['dims', 'halfvec_vector_dims', [half('[1,2,3]')], '3'],
  ['l2_norm', 'halfvec_l2_norm', [half('[3,4]')], '5'],
  ['l2_norm zero', 'halfvec_l2_norm', [half('[0,0]')], '0'],
  ['normalize rounds to half', 'halfvec_l2_normalize', [half('[3,4]')], '[0.60009766,0.7998047]'],
  ['normalize axis', 'halfvec_l2_normalize', [half('[3,0]')], '[1,0]'],
  ['normalize small', 'halfvec_l2_normalize', [half('[0,0.1]')], '[0,1]'],
  ['normalize zero', 'halfvec_l2_normalize', [half('[0,0]')], '[0,0]'],
  ['normalize max', 'halfvec_l2_normalize', [half('[65504]')], '[1]'],
  ['binary_quantize', 'halfvec_binary_quantize', [half('[1,0,-1]')], '100'],
  ['binary_quantize 19', 'halfvec_binary_quantize', [half('[1,2,3,-4,5,6,-7,8,1,-2,-3,4,5,-6,7,8,-1,2,3]')], '1110110110011011011'],
  ['subvector', 'halfvec_subvector', [half('[1,2,3,4,5]'), 3, 2], '[3,4]'],
  ['subvector count 0', 'halfvec_subvector', [half('[1,2,3,4,5]'), 1, 0], 'ERROR: 22000 halfvec must have at least 1 dimension'],
  ['subvector int overflow', 'halfvec_subvector', [half('[1,2,3,4,5]'), -2147483644, 2147483647], '[1,2]'],
];

describe('vector arithmetic and functions (pgvector vector_type.out)', () => {
  it.each(VECTOR_CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));
});

describe('halfvec arithmetic and functions (pgvector halfvec.out)', () => {
  it.each(HALFVEC_CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));
});

it('does not modify its operands', () => {
  const a = vec('[1,2]');
  VECTOR_FUNCTIONS.vector_add(a, vec('[3,4]'));
  VECTOR_FUNCTIONS.l2_normalize(a);
  expect(Array.from(a)).toEqual([1, 2]);
});
