import { col, exprOf, setupParser } from '../testing/parse-helpers';
import { parseInt8Literal } from './constants';

beforeAll(setupParser);

const constOf = (sql: string) => {
  const e = exprOf(sql);
  if (e.kind !== 'const') throw new Error(`expected a const, got ${e.kind}`);
  return e.value;
};

describe('literal typing follows PostgreSQL make_const', () => {
  it('int4 for integers that fit 32 bits, including zero and folded negatives', () => {
    expect(constOf('42')).toEqual({ type: 'int4', value: 42 });
    expect(constOf('0')).toEqual({ type: 'int4', value: 0 });
    expect(constOf('2147483647')).toEqual({ type: 'int4', value: 2147483647 });
    // The grammar folds a leading minus into the constant.
    expect(constOf('-5')).toEqual({ type: 'int4', value: -5 });
    expect(constOf('0x1F')).toEqual({ type: 'int4', value: 31 });
    expect(constOf('1_000')).toEqual({ type: 'int4', value: 1000 });
  });

  it('int8 (as decimal text) past int4, numeric past int8', () => {
    expect(constOf('2147483648')).toEqual({ type: 'int8', value: '2147483648' });
    expect(constOf('-9223372036854775808')).toEqual({ type: 'int8', value: '-9223372036854775808' });
    expect(constOf('9223372036854775807')).toEqual({ type: 'int8', value: '9223372036854775807' });
    expect(constOf('9223372036854775808')).toEqual({ type: 'numeric', value: '9223372036854775808' });
    expect(constOf('0x7FFFFFFFFFFFFFFF')).toEqual({ type: 'int8', value: '9223372036854775807' });
    expect(constOf('1_000_000_000_000')).toEqual({ type: 'int8', value: '1000000000000' });
  });

  it('numeric text for fractions and exponents', () => {
    expect(constOf('1.5')).toEqual({ type: 'numeric', value: '1.5' });
    expect(constOf('1e5')).toEqual({ type: 'numeric', value: '1e5' });
    expect(constOf('.5')).toEqual({ type: 'numeric', value: '.5' });
  });

  it('strings, bit strings, booleans, NULL', () => {
    expect(constOf("'it''s'")).toEqual({ type: 'string', value: "it's" });
    expect(constOf("''")).toEqual({ type: 'string', value: '' });
    expect(constOf("E'a\\nb'")).toEqual({ type: 'string', value: 'a\nb' });
    expect(constOf("U&'d\\0061t\\+000061'")).toEqual({ type: 'string', value: 'data' });
    expect(constOf('$tag$x$y$tag$')).toEqual({ type: 'string', value: 'x$y' });
    expect(constOf("B'101'")).toEqual({ type: 'bitString', value: 'b101' });
    expect(constOf("X'1F'")).toEqual({ type: 'bitString', value: 'x1F' });
    expect(constOf('true')).toEqual({ type: 'bool', value: true });
    expect(constOf('false')).toEqual({ type: 'bool', value: false });
    expect(constOf('NULL')).toEqual({ type: 'null' });
  });

  it('a negated non-literal stays a prefix operator', () => {
    expect(exprOf('- x')).toEqual({ kind: 'op', op: '-', right: col('x') });
  });
});

describe('parseInt8Literal', () => {
  it('accepts decimal, hex, octal, binary and underscores within int8', () => {
    expect(parseInt8Literal('12')).toBe('12');
    expect(parseInt8Literal('-0x10')).toBe('-16');
    expect(parseInt8Literal('0o17')).toBe('15');
    expect(parseInt8Literal('0b101')).toBe('5');
    expect(parseInt8Literal('1_0')).toBe('10');
  });

  it('rejects fractions, exponents and out-of-range values', () => {
    expect(parseInt8Literal('1.0')).toBeUndefined();
    expect(parseInt8Literal('1e3')).toBeUndefined();
    expect(parseInt8Literal('9223372036854775808')).toBeUndefined();
    expect(parseInt8Literal('-9223372036854775809')).toBeUndefined();
  });
});
