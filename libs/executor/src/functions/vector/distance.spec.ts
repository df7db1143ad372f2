// Distances of vector and halfvec, from pgvector's test/expected/vector_type.out and
// halfvec.out (SELECT l2_distance('[0,0]'::vector, '[3,4]') -> 5, ...).
import { VECTOR_FUNCTIONS } from './index';
import { outcome, type Case } from './testing/cases';
import { half, vec } from './testing/values';

const DIMS_VECTOR = 'ERROR: 22000 different vector dimensions 2 and 1';
const DIMS_HALF = 'ERROR: 22000 different halfvec dimensions 2 and 1';

const VECTOR_CASES: Case[] = [
  ['l2 3-4-5', 'l2_distance', [vec('[0,0]'), vec('[3,4]')], '5'],
  ['l2 unit', 'l2_distance', [vec('[0,0]'), vec('[0,1]')], '1'],
  ['l2 dims', 'l2_distance', [vec('[1,2]'), vec('[3]')], DIMS_VECTOR],
  ['l2 float overflow is Infinity', 'l2_distance', [vec('[3e38]'), vec('[-3e38]')], 'Infinity'],
  ['l2 9 dims', 'l2_distance', [vec('[1,1,1,1,1,1,1,1,1]'), vec('[1,1,1,1,1,1,1,4,5]')], '5'],
  ['l2 squared', 'vector_l2_squared_distance', [vec('[0,0]'), vec('[3,4]')], '25'],
  ['l2 squared dims', 'vector_l2_squared_distance', [vec('[1,2]'), vec('[3]')], DIMS_VECTOR],
  ['ip', 'inner_product', [vec('[1,2]'), vec('[3,4]')], '11'],
  ['ip dims', 'inner_product', [vec('[1,2]'), vec('[3]')], DIMS_VECTOR],
  ['ip overflow', 'inner_product', [vec('[3e38]'), vec('[3e38]')], 'Infinity'],
  ['ip 9 dims', 'inner_product', [vec('[1,1,1,1,1,1,1,1,1]'), vec('[1,2,3,4,5,6,7,8,9]')], '45'],
  ['<#> is negative ip', 'vector_negative_inner_product', [vec('[1,2]'), vec('[3,4]')], '-11'],
  ['cosine parallel', 'cosine_distance', [vec('[1,2]'), vec('[2,4]')], '0'],
  ['cosine zero vector', 'cosine_distance', [vec('[1,2]'), vec('[0,0]')], 'NaN'],
  ['cosine same', 'cosine_distance', [vec('[1,1]'), vec('[1,1]')], '0'],
  ['cosine orthogonal', 'cosine_distance', [vec('[1,0]'), vec('[0,2]')], '1'],
  ['cosine opposite', 'cosine_distance', [vec('[1,1]'), vec('[-1,-1]')], '2'],
  ['cosine dims', 'cosine_distance', [vec('[1,2]'), vec('[3]')], DIMS_VECTOR],
  ['cosine clamped at 0', 'cosine_distance', [vec('[1,1]'), vec('[1.1,1.1]')], '0'],
  ['cosine clamped at 2', 'cosine_distance', [vec('[1,1]'), vec('[-1.1,-1.1]')], '2'],
  ['cosine inf/inf', 'cosine_distance', [vec('[3e38]'), vec('[3e38]')], 'NaN'],
  ['cosine 9 dims same', 'cosine_distance', [vec('[1,2,3,4,5,6,7,8,9]'), vec('[1,2,3,4,5,6,7,8,9]')], '0'],
  ['cosine 9 dims opposite', 'cosine_distance', [vec('[1,2,3,4,5,6,7,8,9]'), vec('[-1,-2,-3,-4,-5,-6,-7,-8,-9]')], '2'],
  ['l1', 'l1_distance', [vec('[0,0]'), vec('[3,4]')], '7'],
  ['l1 unit', 'l1_distance', [vec('[0,0]'), vec('[0,1]')], '1'],
  ['l1 dims', 'l1_distance', [vec('[1,2]'), vec('[3]')], DIMS_VECTOR],
  ['l1 overflow', 'l1_distance', [vec('[3e38]'), vec('[-3e38]')], 'Infinity'],
  ['l1 same', 'l1_distance', [vec('[1,2,3,4,5,6,7,8,9]'), vec('[1,2,3,4,5,6,7,8,9]')], '0'],
  ['l1 9 dims', 'l1_distance', [vec('[1,2,3,4,5,6,7,8,9]'), vec('[0,3,2,5,4,7,6,9,8]')], '9'],
  ['spherical orthogonal', 'vector_spherical_distance', [vec('[1,0]'), vec('[0,1]')], '0.5'],
  ['spherical same (clamped)', 'vector_spherical_distance', [vec('[1,0]'), vec('[1,0]')], '0'],
  ['spherical opposite', 'vector_spherical_distance', [vec('[2,0]'), vec('[-3,0]')], '1'],
];

const HALFVEC_CASES: Case[] = [
  ['l2', 'halfvec_l2_distance', [half('[0,0]'), half('[3,4]')], '5'],
  ['l2 dims', 'halfvec_l2_distance', [half('[1,2]'), half('[3]')], DIMS_HALF],
  ['l2 9 dims', 'halfvec_l2_distance', [half('[1,1,1,1,1,1,1,1,1]'), half('[1,1,1,1,1,1,1,4,5]')], '5'],
  ['l2 squared', 'halfvec_l2_squared_distance', [half('[0,0]'), half('[3,4]')], '25'],
  ['ip', 'halfvec_inner_product', [half('[1,2]'), half('[3,4]')], '11'],
  ['ip dims', 'halfvec_inner_product', [half('[1,2]'), half('[3]')], DIMS_HALF],
  ['ip of the largest half', 'halfvec_inner_product', [half('[65504]'), half('[65504]')], '4290774016'],
  ['<#>', 'halfvec_negative_inner_product', [half('[1,2]'), half('[3,4]')], '-11'],
  ['cosine parallel', 'halfvec_cosine_distance', [half('[1,2]'), half('[2,4]')], '0'],
  ['cosine zero', 'halfvec_cosine_distance', [half('[1,2]'), half('[0,0]')], 'NaN'],
  ['cosine orthogonal', 'halfvec_cosine_distance', [half('[1,0]'), half('[0,2]')], '1'],
  ['cosine opposite', 'halfvec_cosine_distance', [half('[1,1]'), half('[-1,-1]')], '2'],
  ['cosine dims', 'halfvec_cosine_distance', [half('[1,2]'), half('[3]')], DIMS_HALF],
  ['cosine 1.1', 'halfvec_cosine_distance', [half('[1,1]'), half('[1.1,1.1]')], '0'],
  ['cosine -1.1', 'halfvec_cosine_distance', [half('[1,1]'), half('[-1.1,-1.1]')], '2'],
  ['l1', 'halfvec_l1_distance', [half('[0,0]'), half('[3,4]')], '7'],
  ['l1 dims', 'halfvec_l1_distance', [half('[1,2]'), half('[3]')], DIMS_HALF],
  ['l1 9 dims', 'halfvec_l1_distance', [half('[1,2,3,4,5,6,7,8,9]'), half('[0,3,2,5,4,7,6,9,8]')], '9'],
  ['spherical', 'halfvec_spherical_distance', [half('[1,0]'), half('[0,1]')], '0.5'],
];

describe('vector distances (pgvector vector_type.out)', () => {
  it.each(VECTOR_CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));
});

describe('halfvec distances (pgvector halfvec.out)', () => {
  it.each(HALFVEC_CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));
});

describe('float accumulation', () => {
  it('sums squares in float before the double sqrt', () => {
    // 1 + 2^-24 squared differences: each term is exact in float, their float sum drops the tail.
    const a = vec('[16777216,1]');
    const b = vec('[0,0]');
    const l2sq = VECTOR_FUNCTIONS.vector_l2_squared_distance(a, b) as number;
    expect(l2sq).toBe(Math.fround(16777216 * 16777216 + 1));
    expect(VECTOR_FUNCTIONS.l2_distance(a, b)).toBe(Math.sqrt(l2sq));
  });

  it('widens the float inner product to double without re-rounding', () => {
    const ip = VECTOR_FUNCTIONS.inner_product(vec('[0.1,0.2]'), vec('[0.3,0.4]')) as number;
    const f = Math.fround;
    expect(ip).toBe(f(f(f(0.1) * f(0.3)) + f(f(0.2) * f(0.4))));
  });
});
