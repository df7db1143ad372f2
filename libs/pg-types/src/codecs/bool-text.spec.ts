import { expectSqlError } from '../testing/expect-sql-error';
import { pgBinaryParse, pgTextParse } from '../testing/pg-types-oracle';
import { boolCodec } from './bool';
import { textCodec, unknownCodec, varcharCodec } from './text';
import { voidCodec } from './void';

describe('bool', () => {
  it.each([
    ['t', true], ['true', true], ['TRUE', true], [' yes ', true], ['y', true], ['on', true], ['1', true],
    ['tr', true], ['f', false], ['false', false], ['no', false], ['n', false], ['off', false], ['of', false],
    ['0', false], ['FaLs', false],
  ])('parses %j', (text, v) => expect(boolCodec.fromText(text)).toBe(v));

  it.each(['o', '', 'maybe', '2', 'truee', 'yess'])('rejects %j', (text) => {
    expectSqlError(() => boolCodec.fromText(text), '22P02', `invalid input syntax for type boolean: "${text}"`);
  });

  it('outputs t/f and one binary byte', () => {
    expect(boolCodec.toText(true)).toBe('t');
    expect(boolCodec.toText(false)).toBe('f');
    expect(pgTextParse(16, 't')).toBe(true);
    expect(boolCodec.toBinary(true)).toEqual(Buffer.from([1]));
    expect(pgBinaryParse(16, boolCodec.toBinary(false))).toBe(false);
    expect(boolCodec.fromBinary(Buffer.from([7]))).toBe(true);
    expectSqlError(() => boolCodec.fromBinary(Buffer.alloc(2)), '22P03', 'incorrect binary data format');
  });
});

describe('text-like types', () => {
  it('use the UTF-8 string in both formats', () => {
    for (const codec of [textCodec, varcharCodec, unknownCodec]) {
      expect(codec.toText('héllo ✓')).toBe('héllo ✓');
      expect(codec.toBinary('héllo ✓')).toEqual(Buffer.from('héllo ✓', 'utf8'));
      expect(codec.fromBinary(Buffer.from('ä', 'utf8'))).toBe('ä');
    }
    expect(pgBinaryParse(25, textCodec.toBinary('abc'))).toBe('abc');
    expect(textCodec.type.oid).toBe(25);
    expect(varcharCodec.type.oid).toBe(1043);
    expect(unknownCodec.type.oid).toBe(705);
  });

  it('rejects invalid UTF-8 in binary input', () => {
    expectSqlError(() => textCodec.fromBinary(Buffer.from([0xff, 0xfe])), '22P02', 'invalid byte sequence for encoding "UTF8"');
  });
});

describe('void', () => {
  it('is empty in both formats', () => {
    expect(voidCodec.toText('')).toBe('');
    expect(voidCodec.toBinary('')).toEqual(Buffer.alloc(0));
    expect(voidCodec.type.oid).toBe(2278);
  });
});
