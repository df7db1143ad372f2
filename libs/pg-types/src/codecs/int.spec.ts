import { encodeValue, decodeValue } from '../codec';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgBinaryParse } from '../testing/pg-types-oracle';
import { int2Codec, int4Codec, int8Codec, parseIntegerText } from './int';

describe('integer text input', () => {
  it.each([
    ['42', 42n], ['  -17 ', -17n], ['+5', 5n], ['0x1F', 31n], ['0o17', 15n], ['0b101', 5n],
    ['1_000_000', 1000000n], ['-0', 0n], ['\t7\n', 7n], ['0x_ff', 255n],
  ])('parses %j', (text, value) => {
    expect(parseIntegerText(text)).toBe(value);
  });

  it.each(['', ' ', 'x', '1.5', '1e3', '_1', '1_', '1__0', '--1', '0x', '12abc', '1 2'])(
    'rejects %j',
    (text) => expect(parseIntegerText(text)).toBeNull(),
  );

  it('reports syntax and range errors like PostgreSQL', () => {
    expectSqlError(() => int4Codec.fromText('x'), '22P02', 'invalid input syntax for type integer: "x"');
    expectSqlError(() => int4Codec.fromText(''), '22P02', 'invalid input syntax for type integer: ""');
    expectSqlError(() => int4Codec.fromText('2147483648'), '22003', 'value "2147483648" is out of range for type integer');
    expectSqlError(() => int2Codec.fromText('32768'), '22003', 'value "32768" is out of range for type smallint');
    expectSqlError(() => int2Codec.fromText('1.0'), '22P02', 'invalid input syntax for type smallint: "1.0"');
    expectSqlError(
      () => int8Codec.fromText('9223372036854775808'),
      '22003',
      'value "9223372036854775808" is out of range for type bigint',
    );
  });

  it('accepts the exact limits', () => {
    expect(int2Codec.fromText('-32768')).toBe(-32768);
    expect(int4Codec.fromText('-2147483648')).toBe(-2147483648);
    expect(int4Codec.fromText('2147483647')).toBe(2147483647);
    expect(int8Codec.fromText('-9223372036854775808')).toBe(-9223372036854775808n);
  });
});

describe('integer output and binary', () => {
  it('prints plain decimal', () => {
    expect(int4Codec.toText(-12)).toBe('-12');
    expect(int8Codec.toText(9007199254740993n)).toBe('9007199254740993');
  });

  it('encodes big-endian two\'s complement that node-postgres reads back', () => {
    for (const v of [0, 1, -1, 32767, -32768, 258]) {
      const b = int2Codec.toBinary(v);
      expect(b.length).toBe(2);
      expect(pgBinaryParse(21, b)).toBe(v);
      expect(int2Codec.fromBinary(b)).toBe(v);
    }
    for (const v of [0, 1, -1, 2147483647, -2147483648, 123456789]) {
      const b = int4Codec.toBinary(v);
      expect(pgBinaryParse(23, b)).toBe(v);
      expect(int4Codec.fromBinary(b)).toBe(v);
    }
    expect(int4Codec.toBinary(258)).toEqual(Buffer.from([0, 0, 1, 2]));
  });

  it('round-trips int8 including values past 2^53', () => {
    for (const v of [0n, -1n, 9007199254740993n, -9223372036854775808n, 9223372036854775807n]) {
      const b = int8Codec.toBinary(v);
      expect(b.length).toBe(8);
      expect(String(pgBinaryParse(20, b))).toBe(String(v));
      expect(int8Codec.fromBinary(b)).toBe(v);
    }
  });

  it('rejects binary values of the wrong length with 22P03', () => {
    expectSqlError(() => int4Codec.fromBinary(Buffer.alloc(3)), '22P03', 'incorrect binary data format');
    expectSqlError(() => int8Codec.fromBinary(Buffer.alloc(4)), '22P03', 'incorrect binary data format');
  });

  it('refuses to encode out-of-range numbers', () => {
    expectSqlError(() => int2Codec.toBinary(40000), '22003', 'value "40000" is out of range for type smallint');
    expectSqlError(() => int4Codec.toText(1.5), '22003', 'value "1.5" is out of range for type integer');
  });

  it('encodeValue/decodeValue pick the format', () => {
    expect(encodeValue(int4Codec, 7, 0)).toEqual(Buffer.from('7'));
    expect(encodeValue(int4Codec, 7, 1)).toEqual(Buffer.from([0, 0, 0, 7]));
    expect(decodeValue(int4Codec, Buffer.from(' 8 '), 0)).toBe(8);
    expect(decodeValue(int4Codec, Buffer.from([0, 0, 0, 9]), 1)).toBe(9);
  });
});
