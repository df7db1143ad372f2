// Every binary form checked against bytes produced by PostgreSQL's *_send functions.
import { builtinCodecRegistry } from './registry';
import { BINARY_CASES } from './testing/fixtures/binary-cases';

const OIDS: Record<string, number> = {
  date: 1082, time: 1083, timetz: 1266, timestamp: 1114, timestamptz: 1184, interval: 1186, uuid: 2950, json: 114,
  jsonb: 3802, 'int4[]': 1007, 'text[]': 1009, 'numeric[]': 1231, 'date[]': 1182, 'jsonb[]': 3807, 'uuid[]': 2951,
  'timestamptz[]': 1185, 'interval[]': 1187, 'bpchar[]': 1014, 'varchar[]': 1015, 'bool[]': 1000, 'int8[]': 1016,
  'float8[]': 1022, 'bytea[]': 1001,
};

describe('binary formats match PostgreSQL byte for byte', () => {
  const registry = builtinCodecRegistry();
  const utc = { timeZone: 'UTC' };

  it.each(BINARY_CASES)('%s %j', (type, text, hex) => {
    const codec = registry.require(OIDS[type]!);
    const value = codec.fromText(text, utc);
    expect(codec.toBinary(value).toString('hex')).toBe(hex);
    expect(codec.toText(codec.fromBinary(Buffer.from(hex, 'hex')), utc)).toBe(codec.toText(value, utc));
  });

  it('registers a codec for every new scalar and array type', () => {
    for (const oid of [1082, 1083, 1266, 1114, 1184, 1186, 2950, 114, 3802, 1182, 1183, 1115, 1185, 1187, 1270, 2951, 199, 3807, 1014, 1003, 1000, 1001, 1005, 1007, 1009, 1015, 1016, 1021, 1022, 1231]) {
      expect(registry.has(oid)).toBe(true);
    }
  });
});
