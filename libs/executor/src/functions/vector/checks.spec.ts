// Half rounding and the shared checks.
import { isSqlError } from '@vecgres/errors';
import { float4ToHalf, roundToHalf } from './checks';

describe('roundToHalf', () => {
  it.each<[number, number]>([
    [1, 1],
    [1.23456, 1.234375],
    [0.6, 0.60009765625],
    [65504, 65504],
    [65519, 65504],
    [65520, Infinity],
    [-65520, -Infinity],
    [2 ** -24, 2 ** -24],
    [2 ** -25, 0], // tie -> even (0)
    [3 * 2 ** -25, 2 ** -23], // tie -> even (2 quanta)
    [1 + 2 ** -11, 1], // tie between 1 and 1+2^-10 -> even
    [1 + 3 * 2 ** -11, 1 + 2 ** -9],
    [1e-8, 0],
    [2047.5, 2048],
    [-0.1, -0.0999755859375],
  ])('%p -> %p', (input, expected) => expect(roundToHalf(input)).toBe(expected));

  it('keeps the sign of zero', () => {
    expect(Object.is(roundToHalf(-1e-8), -0)).toBe(true);
  });
});

describe('float4ToHalf', () => {
  it('raises pgvector overflow error for finite values', () => {
    try {
      float4ToHalf(1e5);
      throw new Error('no error');
    } catch (e) {
      expect(isSqlError(e) && `${e.sqlstate} ${e.message}`).toBe('22003 "100000" is out of range for type halfvec');
    }
  });

  it('lets infinities and NaN through for CheckElement', () => {
    expect(float4ToHalf(Infinity)).toBe(Infinity);
    expect(float4ToHalf(NaN)).toBeNaN();
  });
});
