import { expectSqlError } from '../testing/expect-sql-error';
import { builtinCodecRegistry } from '../registry';
import { bitCodecs, decodeBitString, parseBitString } from './bit-codecs';
import { BitString } from './values';

describe('bit / varbit codecs', () => {
  const { bit, varbit } = bitCodecs;

  it.each([
    ['101', '101'],
    ['B1100', '1100'],
    ['X1F', '00011111'],
    ['xa', '1010'],
    ['', ''],
    ['111111111', '111111111'],
  ])('%j -> %j', (input, output) => {
    expect(varbit.toText(varbit.fromText(input))).toBe(output);
  });

  it('packs bits MSB first with zero padding', () => {
    const v = parseBitString('101000011');
    expect(v).toBeInstanceOf(BitString);
    expect(v.length).toBe(9);
    expect(Array.from(v.bytes)).toEqual([0xa1, 0x80]);
  });

  it('sends int32 length + bytes and clears pad bits on receive', () => {
    const v = bit.fromText('101');
    expect(bit.toBinary(v).toString('hex')).toBe('00000003a0');
    const r = decodeBitString(Buffer.from('00000003ff', 'hex'));
    expect(Array.from(r.bytes)).toEqual([0xe0]);
    expect(bit.toText(r)).toBe('111');
  });

  it('raises PostgreSQL errors', () => {
    expectSqlError(() => bit.fromText('102'), '22P02', '"2" is not a valid binary digit');
    expectSqlError(() => bit.fromText('Xg'), '22P02', '"g" is not a valid hexadecimal digit');
    expectSqlError(() => parseBitString('101', 'bit', 4), '22026', 'bit string length 3 does not match type bit(4)');
    expectSqlError(() => parseBitString('10101', 'varbit', 4), '22001', 'bit string too long for type bit varying(4)');
    expectSqlError(() => bit.fromBinary(Buffer.from('ffffffff', 'hex')), '22P03', 'invalid length in external bit string');
    expectSqlError(() => bit.fromBinary(Buffer.from('00000009ff', 'hex')), '08P01', 'insufficient data left in message');
  });

  it('is part of the builtin registry with the array types', () => {
    const r = builtinCodecRegistry();
    for (const oid of [1560, 1561, 1562, 1563]) expect(r.has(oid)).toBe(true);
    expect(r.require(1561).toText(r.require(1561).fromText('{101,01}'))).toBe('{101,01}');
  });
});
