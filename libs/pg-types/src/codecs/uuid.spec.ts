import { UUID_CASES } from '../testing/fixtures/array-uuid-cases';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgResult } from '../testing/pg-result';
import { parseUuid, uuidCodec } from './uuid';

describe('uuid', () => {
  it.each(UUID_CASES)('%j -> %s', (input, expected) => {
    expect(pgResult(() => uuidCodec.toText(uuidCodec.fromText(input)))).toBe(expected);
  });

  it('round-trips the 16 binary bytes', () => {
    const v = parseUuid('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11');
    const b = uuidCodec.toBinary(v);
    expect(b.toString('hex')).toBe('a0eebc999c0b4ef8bb6d6bb9bd380a11');
    expect(uuidCodec.fromBinary(b)).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    expectSqlError(() => uuidCodec.fromBinary(b.subarray(0, 15)), '22P03', 'incorrect binary data format');
  });
});
