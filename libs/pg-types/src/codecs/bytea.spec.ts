import { expectSqlError } from '../testing/expect-sql-error';
import { pgTextParse } from '../testing/pg-types-oracle';
import { byteaCodec } from './bytea';

describe('bytea', () => {
  it('outputs the hex format that node-postgres decodes', () => {
    const b = Buffer.from([0, 1, 0xab, 0xff, 0x5c]);
    expect(byteaCodec.toText(b)).toBe('\\x0001abff5c');
    expect(pgTextParse(17, byteaCodec.toText(b))).toEqual(b);
    expect(byteaCodec.toText(Buffer.alloc(0))).toBe('\\x');
  });

  it('parses hex input, with whitespace between pairs', () => {
    expect(byteaCodec.fromText('\\xDEADbeef')).toEqual(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    expect(byteaCodec.fromText('\\x de ad\n')).toEqual(Buffer.from([0xde, 0xad]));
    expect(byteaCodec.fromText('\\x')).toEqual(Buffer.alloc(0));
  });

  it('reports hex errors like PostgreSQL', () => {
    expectSqlError(() => byteaCodec.fromText('\\xabc'), '22023', 'invalid hexadecimal data: odd number of digits');
    expectSqlError(() => byteaCodec.fromText('\\xzz'), '22023', 'invalid hexadecimal digit: "z"');
    expectSqlError(() => byteaCodec.fromText('\\xaz'), '22023', 'invalid hexadecimal digit: "z"');
  });

  it('parses the escape format', () => {
    expect(byteaCodec.fromText('abc')).toEqual(Buffer.from('abc'));
    expect(byteaCodec.fromText('a\\\\b')).toEqual(Buffer.from('a\\b'));
    expect(byteaCodec.fromText('\\000\\377x')).toEqual(Buffer.from([0, 255, 0x78]));
    expect(byteaCodec.fromText('é')).toEqual(Buffer.from('é', 'utf8'));
    expectSqlError(() => byteaCodec.fromText('\\q'), '22P02', 'invalid input syntax for type bytea');
    expectSqlError(() => byteaCodec.fromText('\\47'), '22P02', 'invalid input syntax for type bytea');
    expectSqlError(() => byteaCodec.fromText('\\400'), '22P02', 'invalid input syntax for type bytea');
  });

  it('binary is the raw bytes (copied)', () => {
    const src = Buffer.from([1, 2, 3]);
    const out = byteaCodec.fromBinary(src);
    expect(out).toEqual(src);
    src[0] = 9;
    expect(out[0]).toBe(1);
    expect(byteaCodec.toBinary(Buffer.from([4]))).toEqual(Buffer.from([4]));
  });
});
