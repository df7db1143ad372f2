import { Catalog } from '../lookup/catalog';
import { createCatalogState } from '../model/state';
import { formatType } from './format-type';

const cat = new Catalog(createCatalogState());
const f = (oid: number, typmod: number | null) => formatType(cat, oid, typmod);

describe('format_type', () => {
  // Expected values are PostgreSQL 15's own format_type() output.
  it('prints SQL-standard names with typmods', () => {
    expect([f(1043, 24), f(1043, -1), f(1043, null)]).toEqual(['character varying(20)', 'character varying', 'character varying']);
    expect([f(1042, -1), f(1042, null), f(1042, 5)]).toEqual(['bpchar', 'character', 'character(1)']);
    expect([f(1700, ((10 << 16) | 2) + 4), f(1700, -1)]).toEqual(['numeric(10,2)', 'numeric']);
    expect([f(1560, -1), f(1560, null), f(1560, 3), f(1562, 8)]).toEqual(['"bit"', 'bit', 'bit(3)', 'bit varying(8)']);
    expect([f(16, null), f(701, null), f(700, null), f(20, null), f(21, null)]).toEqual(['boolean', 'double precision', 'real', 'bigint', 'smallint']);
  });

  it('prints date/time types with precision and zone', () => {
    expect([f(1114, 3), f(1114, null), f(1184, -1), f(1083, 2), f(1266, null)]).toEqual([
      'timestamp(3) without time zone', 'timestamp without time zone', 'timestamp with time zone',
      'time(2) without time zone', 'time with time zone',
    ]);
    expect([f(1186, (7176 << 16) | 2), f(1186, (4 << 16) | 0xffff), f(1186, (0x7fff << 16) | 3)]).toEqual([
      'interval day to second(2)', 'interval year', 'interval(3)',
    ]);
  });

  it('prints arrays, quoted names, and unknown OIDs', () => {
    expect([f(1007, null), f(1015, 24), f(1005, null)]).toEqual(['integer[]', 'character varying(20)[]', 'smallint[]']);
    expect([f(18, null), f(2276, null), f(3802, null), f(2950, -1)]).toEqual(['"char"', '"any"', 'jsonb', 'uuid']);
    expect([f(0, null), f(999999, null)]).toEqual(['-', '???']);
  });
});
