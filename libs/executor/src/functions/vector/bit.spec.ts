// hamming_distance and jaccard_distance, from pgvector's test/expected/bit.out.
import { BitString } from '@vecgres/pg-types';
import { VECTOR_FUNCTIONS } from './index';
import { outcome, type Case } from './testing/cases';
import { bits } from './testing/values';

const alt = (n: number, first: '0' | '1') => Array.from({ length: n }, (_, i) => ((i % 2 === 0) === (first === '1') ? '1' : '0')).join('');
const A = alt(513, '1');
const B = alt(513, '0') + '';
const edges = (n: number, head: string, tail: string) => head + '0'.repeat(n - head.length - tail.length) + tail;

const CASES: Case[] = [
  ['hamming equal', 'hamming_distance', [bits('111'), bits('111')], '0'],
  ['hamming 1', 'hamming_distance', [bits('111'), bits('110')], '1'],
  ['hamming 2', 'hamming_distance', [bits('111'), bits('100')], '2'],
  ['hamming 3', 'hamming_distance', [bits('111'), bits('000')], '3'],
  ['hamming 20', 'hamming_distance', [bits('10101010101010101010'), bits('01010101010101010101')], '20'],
  ['hamming long equal', 'hamming_distance', [bits(A), bits(A)], '0'],
  ['hamming long opposite', 'hamming_distance', [bits(A), bits(B)], '513'],
  ['hamming long edges', 'hamming_distance', [bits(edges(513, '11', '11')), bits(edges(513, '1', '1'))], '2'],
  ['hamming empty', 'hamming_distance', [bits(''), bits('')], '0'],
  ['hamming lengths', 'hamming_distance', [bits('111'), bits('00')], 'ERROR: 22000 different bit lengths 3 and 2'],
  ['hamming lengths 4', 'hamming_distance', [bits('111'), bits('0000')], 'ERROR: 22000 different bit lengths 3 and 4'],
  ['jaccard equal', 'jaccard_distance', [bits('1111'), bits('1111')], '0'],
  ['jaccard 0.25', 'jaccard_distance', [bits('1111'), bits('1110')], '0.25'],
  ['jaccard 0.5', 'jaccard_distance', [bits('1111'), bits('1100')], '0.5'],
  ['jaccard 0.75', 'jaccard_distance', [bits('1111'), bits('1000')], '0.75'],
  ['jaccard disjoint', 'jaccard_distance', [bits('1111'), bits('0000')], '1'],
  ['jaccard subset', 'jaccard_distance', [bits('1100'), bits('1000')], '0.5'],
  ['jaccard alternating', 'jaccard_distance', [bits('10101010101010101010'), bits('01010101010101010101')], '1'],
  ['jaccard long equal', 'jaccard_distance', [bits(A), bits(A)], '0'],
  ['jaccard long opposite', 'jaccard_distance', [bits(A), bits(B)], '1'],
  ['jaccard long edges', 'jaccard_distance', [bits(edges(513, '11', '11')), bits(edges(513, '1', '1'))], '0.5'],
  ['jaccard empty', 'jaccard_distance', [bits(''), bits('')], '1'],
  ['jaccard all zero', 'jaccard_distance', [bits('0000'), bits('0000')], '1'],
  ['jaccard lengths', 'jaccard_distance', [bits('1111'), bits('000')], 'ERROR: 22000 different bit lengths 4 and 3'],
  ['jaccard lengths 5', 'jaccard_distance', [bits('1111'), bits('00000')], 'ERROR: 22000 different bit lengths 4 and 5'],
];

describe('bit distances (pgvector bit.out)', () => {
  it.each(CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));

  it('ignores pad bits past the length', () => {
    const dirty = new BitString(3, Uint8Array.of(0b1110_1111));
    expect(VECTOR_FUNCTIONS.hamming_distance(dirty, bits('111'))).toBe(0);
    expect(VECTOR_FUNCTIONS.jaccard_distance(dirty, bits('110'))).toBeCloseTo(1 / 3, 15);
  });
});
