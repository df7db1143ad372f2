// Comparison operators and *_cmp, from pgvector's vector_type.out, halfvec.out and
// sparsevec.out, plus the comparators ORDER BY uses.
import { comparatorFor } from '../compare';
import { lookupScalar } from '../registry';
import { VECTOR_FUNCTIONS, vectorComparator } from './index';
import { outcome, type Case } from './testing/cases';
import { half, sparse, vec } from './testing/values';

const ops = (prefix: string, make: (t: string) => unknown, a: string, b: string, expected: string): Case[] =>
  (['lt', 'le', 'eq', 'ne', 'ge', 'gt'] as const).map((op, i) => [`${a} ${op} ${b}`, `${prefix}_${op}`, [make(a), make(b)], expected[i]]);

const CASES: Case[] = [
  // expected: lt le eq ne ge gt
  ...ops('vector', vec, '[1,2,3]', '[1,2,3]', 'fttftf'),
  ...ops('vector', vec, '[1,2,3]', '[1,2]', 'fffttt'),
  ...ops('halfvec', half, '[1,2,3]', '[1,2,3]', 'fttftf'),
  ...ops('halfvec', half, '[1,2,3]', '[1,2]', 'fffttt'),
  ...ops('sparsevec', sparse, '{1:1,2:2,3:3}/3', '{1:1,2:2,3:3}/3', 'fttftf'),
  ...ops('sparsevec', sparse, '{1:1,2:2,3:3}/3', '{1:1,2:2}/2', 'fffttt'),
  ['vector_cmp equal', 'vector_cmp', [vec('[1,2,3]'), vec('[1,2,3]')], '0'],
  ['vector_cmp greater', 'vector_cmp', [vec('[1,2,3]'), vec('[0,0,0]')], '1'],
  ['vector_cmp less', 'vector_cmp', [vec('[0,0,0]'), vec('[1,2,3]')], '-1'],
  ['vector_cmp prefix', 'vector_cmp', [vec('[1,2]'), vec('[1,2,3]')], '-1'],
  ['vector_cmp longer', 'vector_cmp', [vec('[1,2,3]'), vec('[1,2]')], '1'],
  ['vector_cmp values first', 'vector_cmp', [vec('[1,2]'), vec('[2,3,4]')], '-1'],
  ['vector_cmp values first 2', 'vector_cmp', [vec('[2,3]'), vec('[1,2,3]')], '1'],
  ['halfvec_cmp prefix', 'halfvec_cmp', [half('[1,2]'), half('[1,2,3]')], '-1'],
  ['halfvec_cmp values first', 'halfvec_cmp', [half('[2,3]'), half('[1,2,3]')], '1'],
  ['sparsevec_cmp equal', 'sparsevec_cmp', [sparse('{1:1,2:2,3:3}/3'), sparse('{1:1,2:2,3:3}/3')], '0'],
  ['sparsevec_cmp vs empty', 'sparsevec_cmp', [sparse('{1:1,2:2,3:3}/3'), sparse('{}/3')], '1'],
  ['sparsevec_cmp empty vs', 'sparsevec_cmp', [sparse('{}/3'), sparse('{1:1,2:2,3:3}/3')], '-1'],
  ['sparsevec_cmp prefix', 'sparsevec_cmp', [sparse('{1:1,2:2}/2'), sparse('{1:1,2:2,3:3}/3')], '-1'],
  ['sparsevec_cmp longer', 'sparsevec_cmp', [sparse('{1:1,2:2,3:3}/3'), sparse('{1:1,2:2}/2')], '1'],
  ['sparsevec_cmp values first', 'sparsevec_cmp', [sparse('{1:1,2:2}/2'), sparse('{1:2,2:3,3:4}/3')], '-1'],
  ['sparsevec_cmp values first 2', 'sparsevec_cmp', [sparse('{1:2,2:3}/2'), sparse('{1:1,2:2,3:3}/3')], '1'],
  ['sparsevec_cmp negative entry', 'sparsevec_cmp', [sparse('{2:-1}/3'), sparse('{}/3')], '-1'],
  ['sparsevec_cmp later entry', 'sparsevec_cmp', [sparse('{1:1}/3'), sparse('{2:1}/3')], '1'],
];

describe('comparisons (pgvector btree order)', () => {
  it.each(CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));

  it('matches the dense order for sparse vectors', () => {
    const pairs: Array<[string, string]> = [['{2:-1}/3', '{}/3'], ['{1:1}/3', '{2:1}/3'], ['{3:5}/3', '{3:4}/3'], ['{1:-2}/2', '{1:-1,2:-9}/2']];
    const toDense = (s: string) => sparse(s).toDense();
    for (const [a, b] of pairs) {
      expect(VECTOR_FUNCTIONS.sparsevec_cmp(sparse(a), sparse(b))).toBe(VECTOR_FUNCTIONS.vector_cmp(toDense(a), toDense(b)));
    }
  });

  it('sorts vectors in ORDER BY through the `<` impl', () => {
    const values = [vec('[2]'), vec('[1,5]'), vec('[1]'), vec('[-1,9,9]')];
    values.sort(comparatorFor('vector_lt'));
    expect(values.map((v) => Array.from(v).join(','))).toEqual(['-1,9,9', '1', '1,5', '2']);
    expect(comparatorFor('sparsevec_lt')(sparse('{}/2'), sparse('{1:1}/2'))).toBe(-1);
  });

  it('resolves comparison impls from the registry before name-derived ones', () => {
    expect(lookupScalar('vector_lt')).toBe(VECTOR_FUNCTIONS.vector_lt);
    expect(vectorComparator('halfvec_cmp')).toBeDefined();
    expect(vectorComparator('int4lt')).toBeUndefined();
  });
});
