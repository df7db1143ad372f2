import { PG_TYPES, TYPE_OID, builtinTypeByOid, sqlTypeName, typeSize } from './oids';

describe('PG_TYPES', () => {
  it('carries PostgreSQL OIDs and typlen for the common types', () => {
    const expected: Array<[string, number, number]> = [
      ['bool', 16, 1], ['bytea', 17, -1], ['int8', 20, 8], ['int2', 21, 2], ['int4', 23, 4],
      ['text', 25, -1], ['oid', 26, 4], ['float4', 700, 4], ['float8', 701, 8],
      ['unknown', 705, -2], ['varchar', 1043, -1], ['numeric', 1700, -1], ['name', 19, 64],
      ['uuid', 2950, 16], ['jsonb', 3802, -1], ['timestamptz', 1184, 8], ['_int4', 1007, -1],
    ];
    for (const [name, oid, len] of expected) {
      expect(builtinTypeByOid(oid)).toMatchObject({ name, oid, typlen: len });
    }
  });

  it('has unique OIDs', () => {
    const oids = Object.values(PG_TYPES).map((t) => t.oid);
    expect(new Set(oids).size).toBe(oids.length);
  });

  it('exposes TYPE_OID and the SQL names used in messages', () => {
    expect(TYPE_OID.int4).toBe(23);
    expect(sqlTypeName(23)).toBe('integer');
    expect(sqlTypeName(701)).toBe('double precision');
    expect(sqlTypeName(25)).toBe('text');
    expect(typeSize(20)).toBe(8);
    expect(typeSize(999999)).toBe(-1);
  });
});
