// sparsevec functions, from pgvector's test/expected/sparsevec.out.
import { VECTOR_FUNCTIONS } from './index';
import { outcome, type Case } from './testing/cases';
import { sparse } from './testing/values';

const DIMS = 'ERROR: 22000 different sparsevec dimensions 2 and 1';

const CASES: Case[] = [
  ['l2_norm sqrt 2', 'sparsevec_l2_norm', [sparse('{1:1,2:1}/2')], '1.4142135623730951'],
  ['l2_norm', 'sparsevec_l2_norm', [sparse('{1:3,2:4}/2')], '5'],
  ['l2_norm one entry', 'sparsevec_l2_norm', [sparse('{2:1}/2')], '1'],
  ['l2_norm empty', 'sparsevec_l2_norm', [sparse('{}/2')], '0'],
  ['l2_norm one dim', 'sparsevec_l2_norm', [sparse('{1:2}/1')], '2'],
  ['l2 empty vs full', 'sparsevec_l2_distance', [sparse('{}/2'), sparse('{1:3,2:4}/2')], '5'],
  ['l2 disjoint', 'sparsevec_l2_distance', [sparse('{1:3}/2'), sparse('{2:4}/2')], '5'],
  ['l2 disjoint reversed', 'sparsevec_l2_distance', [sparse('{2:4}/2'), sparse('{1:3}/2')], '5'],
  ['l2 full vs empty', 'sparsevec_l2_distance', [sparse('{1:3,2:4}/2'), sparse('{}/2')], '5'],
  ['l2 unit', 'sparsevec_l2_distance', [sparse('{}/2'), sparse('{2:1}/2')], '1'],
  ['l2 shared index', 'sparsevec_l2_distance', [sparse('{1:1,3:5}/4'), sparse('{1:4,2:2,4:1}/4')], '6.244997998398398'],
  ['l2 dims', 'sparsevec_l2_distance', [sparse('{1:1,2:2}/2'), sparse('{1:3}/1')], DIMS],
  ['l2 squared', 'sparsevec_l2_squared_distance', [sparse('{}/2'), sparse('{1:3,2:4}/2')], '25'],
  ['ip', 'sparsevec_inner_product', [sparse('{1:1,2:2}/2'), sparse('{1:2,2:4}/2')], '10'],
  ['ip dims', 'sparsevec_inner_product', [sparse('{1:1,2:2}/2'), sparse('{1:3}/1')], DIMS],
  ['ip disjoint', 'sparsevec_inner_product', [sparse('{1:1,3:3}/4'), sparse('{2:2,4:4}/4')], '0'],
  ['ip disjoint reversed', 'sparsevec_inner_product', [sparse('{2:2,4:4}/4'), sparse('{1:1,3:3}/4')], '0'],
  ['ip interleaved', 'sparsevec_inner_product', [sparse('{1:1,3:3,5:5}/5'), sparse('{2:4,3:6,4:8}/5')], '18'],
  ['ip vs empty', 'sparsevec_inner_product', [sparse('{1:1}/2'), sparse('{}/2')], '0'],
  ['ip empty vs', 'sparsevec_inner_product', [sparse('{}/2'), sparse('{1:1}/2')], '0'],
  ['ip overflow', 'sparsevec_inner_product', [sparse('{1:3e38}/1'), sparse('{1:3e38}/1')], 'Infinity'],
  ['<#>', 'sparsevec_negative_inner_product', [sparse('{1:1,2:2}/2'), sparse('{1:3,2:4}/2')], '-11'],
  ['cosine parallel', 'sparsevec_cosine_distance', [sparse('{1:1,2:2}/2'), sparse('{1:2,2:4}/2')], '0'],
  ['cosine zero', 'sparsevec_cosine_distance', [sparse('{1:1,2:2}/2'), sparse('{}/2')], 'NaN'],
  ['cosine same', 'sparsevec_cosine_distance', [sparse('{1:1,2:1}/2'), sparse('{1:1,2:1}/2')], '0'],
  ['cosine orthogonal', 'sparsevec_cosine_distance', [sparse('{1:1}/2'), sparse('{2:2}/2')], '1'],
  ['cosine opposite', 'sparsevec_cosine_distance', [sparse('{1:1,2:1}/2'), sparse('{1:-1,2:-1}/2')], '2'],
  ['cosine orthogonal 2', 'sparsevec_cosine_distance', [sparse('{1:2}/2'), sparse('{2:2}/2')], '1'],
  ['cosine orthogonal 3', 'sparsevec_cosine_distance', [sparse('{2:2}/2'), sparse('{1:2}/2')], '1'],
  ['cosine dims', 'sparsevec_cosine_distance', [sparse('{1:1,2:2}/2'), sparse('{1:3}/1')], DIMS],
  ['cosine 1.1', 'sparsevec_cosine_distance', [sparse('{1:1,2:1}/2'), sparse('{1:1.1,2:1.1}/2')], '0'],
  ['cosine -1.1', 'sparsevec_cosine_distance', [sparse('{1:1,2:1}/2'), sparse('{1:-1.1,2:-1.1}/2')], '2'],
  ['cosine inf', 'sparsevec_cosine_distance', [sparse('{1:3e38}/1'), sparse('{1:3e38}/1')], 'NaN'],
  ['cosine both empty', 'sparsevec_cosine_distance', [sparse('{}/1'), sparse('{}/1')], 'NaN'],
  ['l1', 'sparsevec_l1_distance', [sparse('{}/2'), sparse('{1:3,2:4}/2')], '7'],
  ['l1 unit', 'sparsevec_l1_distance', [sparse('{}/2'), sparse('{2:1}/2')], '1'],
  ['l1 dims', 'sparsevec_l1_distance', [sparse('{1:1,2:2}/2'), sparse('{1:3}/1')], DIMS],
  ['l1 in double', 'sparsevec_l1_distance', [sparse('{1:3e38}/1'), sparse('{1:-3e38}/1')], 'Infinity'],
  ['l1 interleaved', 'sparsevec_l1_distance', [sparse('{1:1,3:3,5:5,7:7}/8'), sparse('{2:2,4:4,6:6,8:8}/8')], '36'],
  ['l1 interleaved odd', 'sparsevec_l1_distance', [sparse('{1:1,3:3,5:5,7:7,9:9}/9'), sparse('{2:2,4:4,6:6,8:8}/9')], '45'],
  ['l1 shared', 'sparsevec_l1_distance', [sparse('{1:1,3:5}/4'), sparse('{1:4,2:2,4:1}/4')], '11'],
  ['normalize', 'sparsevec_l2_normalize', [sparse('{1:3,2:4}/2')], '{1:0.6,2:0.8}/2'],
  ['normalize one', 'sparsevec_l2_normalize', [sparse('{1:3}/2')], '{1:1}/2'],
  ['normalize small', 'sparsevec_l2_normalize', [sparse('{2:0.1}/2')], '{2:1}/2'],
  ['normalize empty', 'sparsevec_l2_normalize', [sparse('{}/2')], '{}/2'],
  ['normalize huge', 'sparsevec_l2_normalize', [sparse('{1:3e38}/1')], '{1:1}/1'],
  ['normalize drops zeros', 'sparsevec_l2_normalize', [sparse('{1:3e38,2:1e-37}/2')], '{1:1}/2'],
  ['normalize drops several', 'sparsevec_l2_normalize', [sparse('{2:3e37,4:3e-37,6:4e37,8:4e-37}/9')], '{2:0.6,6:0.8}/9'],
];

describe('sparsevec functions (pgvector sparsevec.out)', () => {
  it.each(CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));
});
