import { INT_ARRAY_CASES, TEXT_ARRAY_CASES } from '../testing/fixtures/array-uuid-cases';
import { pgResult } from '../testing/pg-result';
import { int4Codec } from '../codecs/int';
import { textCodec } from '../codecs/text';
import { formatArrayText, parseArrayText } from './array-text';
import { PgArray } from './pg-array';

const intArray = (s: string): string =>
  formatArrayText(parseArrayText(s, (e) => int4Codec.fromText(e)), (v) => int4Codec.toText(v));
const textArray = (s: string): string => formatArrayText(parseArrayText(s, (e) => e), (v: string) => textCodec.toText(v));

describe('array_in / array_out match PostgreSQL', () => {
  it.each(INT_ARRAY_CASES)('int[] %j -> %s', (input, expected) => {
    expect(pgResult(() => intArray(input))).toBe(expected);
  });

  it.each(TEXT_ARRAY_CASES)('text[] %j -> %s', (input, expected) => {
    expect(pgResult(() => textArray(input))).toBe(expected);
  });
});

describe('parsed array shape', () => {
  it('records dims, lower bounds, NULLs and row-major elements', () => {
    const a = parseArrayText('[0:1][1:3]={{1,2,NULL},{4,5,6}}', Number);
    expect(a.dims).toEqual([2, 3]);
    expect(a.lowerBounds).toEqual([0, 1]);
    expect(a.elements).toEqual([1, 2, null, 4, 5, 6]);
    expect(a.get(1, 3)).toBe(6);
    expect(a.get(0, 3)).toBeNull();
    expect(a.get(2, 1)).toBeNull();
    expect(a.toNested()).toEqual([[1, 2, null], [4, 5, 6]]);
    expect(a.hasNull).toBe(true);
  });

  it('an empty array has no dimensions', () => {
    const a = parseArrayText('{}', Number);
    expect(a.ndim).toBe(0);
    expect(formatArrayText(new PgArray([], [0], [1]), String)).toBe('{}');
  });

  it('quotes elements that need it on output', () => {
    const a = PgArray.of(['', 'NULL', 'a b', 'x"y', 'back\\slash', '{', 'plain', null]);
    expect(formatArrayText(a, (v) => v)).toBe('{"","NULL","a b","x\\"y","back\\\\slash","{",plain,NULL}');
  });

  it('rejects dims that do not match the element count', () => {
    expect(() => new PgArray([1, 2, 3], [2, 2])).toThrow('do not match');
  });
});
