import { expectSqlError } from '../testing/expect-sql-error';
import { pgBinaryParse } from '../testing/pg-types-oracle';
import { float4Codec, float8Codec } from './float';
import { formatFloat4, formatFloat8, formatG } from './float-format';

describe('float8 text output (extra_float_digits = 1)', () => {
  it.each([
    [1.5, '1.5'], [0.1, '0.1'], [0.1 + 0.2, '0.30000000000000004'], [1e-5, '1e-05'],
    [1.5e-5, '1.5e-05'], [0.0001, '0.0001'], [1e20, '1e+20'], [1e100, '1e+100'],
    [123456789012345, '123456789012345'], [1e15, '1e+15'], [1234567890123456, '1.234567890123456e+15'],
    [100, '100'], [-2.5, '-2.5'], [0, '0'], [-0, '-0'], [NaN, 'NaN'], [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    [Math.PI, '3.141592653589793'],
  ])('%p -> %s', (v, s) => expect(formatFloat8(v)).toBe(s));
});

describe('float4 text output', () => {
  it.each([
    [0.1, '0.1'], [1.5, '1.5'], [123456, '123456'], [1e6, '1e+06'], [1234567, '1.234567e+06'],
    [3.14159, '3.14159'], [1e-5, '1e-05'], [-0, '-0'], [NaN, 'NaN'], [3.4028234663852886e38, '3.4028235e+38'],
    [16777217, '1.6777216e+07'],
  ])('%p -> %s', (v, s) => expect(float4Codec.toText(v)).toBe(s));
});

describe('extra_float_digits <= 0 uses %g with 15 (+n) digits', () => {
  it('matches printf', () => {
    expect(formatFloat8(1 / 3, 0)).toBe('0.333333333333333');
    expect(formatFloat8(0.1 + 0.2, 0)).toBe('0.3');
    expect(formatFloat8(1e20, 0)).toBe('1e+20');
    expect(formatFloat8(123.25, -3)).toBe('123.25');
    expect(formatFloat4(Math.fround(1 / 3), 0)).toBe('0.333333');
    expect(formatG(0.0001, 6)).toBe('0.0001');
    expect(formatG(0.00001, 6)).toBe('1e-05');
    expect(formatG(-0, 6)).toBe('-0');
  });
});

describe('float text input', () => {
  it.each([
    ['1.5', 1.5], ['  -2e3 ', -2000], ['.5', 0.5], ['5.', 5], ['NaN', NaN], ['nan', NaN],
    ['Infinity', Infinity], ['-Infinity', -Infinity], ['inf', Infinity], ['+INF', Infinity],
    ['1E-2', 0.01], ['4.9e-324', 5e-324],
  ])('float8 parses %j', (text, v) => expect(float8Codec.fromText(text)).toBe(v));

  it('rejects malformed text with 22P02', () => {
    expectSqlError(() => float8Codec.fromText('abc'), '22P02', 'invalid input syntax for type double precision: "abc"');
    expectSqlError(() => float8Codec.fromText(''), '22P02', 'invalid input syntax for type double precision: ""');
    expectSqlError(() => float4Codec.fromText('1.2.3'), '22P02', 'invalid input syntax for type real: "1.2.3"');
  });

  it('rejects overflow and underflow with 22003', () => {
    expectSqlError(() => float8Codec.fromText('1e400'), '22003', '"1e400" is out of range for type double precision');
    expectSqlError(() => float8Codec.fromText('1e-400'), '22003', '"1e-400" is out of range for type double precision');
    expectSqlError(() => float4Codec.fromText('1e39'), '22003', '"1e39" is out of range for type real');
    expect(float8Codec.fromText('0e-400')).toBe(0);
  });

  it('rounds float4 input to single precision', () => {
    expect(float4Codec.fromText('0.1')).toBe(Math.fround(0.1));
  });
});

describe('float binary', () => {
  it('is IEEE 754 big-endian and node-postgres reads it back', () => {
    for (const v of [1.5, -2.25, 1e100, 0.1, 123456.789]) {
      const b = float8Codec.toBinary(v);
      expect(b.length).toBe(8);
      expect(pgBinaryParse(701, b)).toBeCloseTo(v, 10);
      expect(float8Codec.fromBinary(b)).toBe(v);
    }
    for (const v of [1.5, -2.25, 1024, 0.375]) {
      const b = float4Codec.toBinary(v);
      expect(b.length).toBe(4);
      expect(pgBinaryParse(700, b)).toBe(v);
      expect(float4Codec.fromBinary(b)).toBe(v);
    }
    expect(float8Codec.toBinary(1)).toEqual(Buffer.from([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]));
    expect(float4Codec.toBinary(1)).toEqual(Buffer.from([0x3f, 0x80, 0, 0]));
  });

  it('keeps NaN, infinities and -0 exactly', () => {
    expect(float8Codec.fromBinary(float8Codec.toBinary(NaN))).toBeNaN();
    expect(float8Codec.fromBinary(float8Codec.toBinary(-Infinity))).toBe(-Infinity);
    expect(Object.is(float4Codec.fromBinary(float4Codec.toBinary(-0)), -0)).toBe(true);
  });

  it('rejects wrong lengths', () => {
    expectSqlError(() => float8Codec.fromBinary(Buffer.alloc(4)), '22P03', 'incorrect binary data format');
  });
});
