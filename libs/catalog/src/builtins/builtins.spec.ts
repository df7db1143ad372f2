import { Catalog } from '../lookup/catalog';
import { createCatalogState } from '../model/state';
import { BUILTINS } from './builtin-rows';

const cat = new Catalog(createCatalogState());

describe('builtin catalog data', () => {
  it('has unique OIDs within each catalog, all below FirstNormalObjectId', () => {
    for (const rows of [BUILTINS.types, BUILTINS.procs, BUILTINS.operators, BUILTINS.casts, BUILTINS.opclasses]) {
      const oids = rows.map((r) => r.oid);
      expect(new Set(oids).size).toBe(oids.length);
      expect(Math.max(...oids)).toBeLessThan(16384);
    }
  });

  it('carries PostgreSQL\'s real rows for types, functions, operators and casts', () => {
    expect(cat.type(23)).toMatchObject({ name: 'int4', len: 4, byval: true, category: 'N', array: 1007, input: 'int4in' });
    expect(cat.type(1007)).toMatchObject({ name: '_int4', elem: 23, category: 'A', subscript: 'array_subscript_handler' });
    expect(cat.type(3802)).toMatchObject({ name: 'jsonb', array: 3807 });
    expect(cat.proc(177)).toMatchObject({ name: 'int4pl', args: [23, 23], ret: 23, strict: true, vol: 'i', impl: 'int4pl' });
    const plus = cat.operatorsNamed('+').find((o) => o.left === 23 && o.right === 23)!;
    expect([plus.oid, plus.proc, plus.result, plus.impl]).toEqual([551, 177, 23, 'int4pl']);
    const concat = cat.operatorsNamed('||').find((o) => o.left === 25 && o.right === 25)!;
    expect(concat.impl).toBe('textcat');
    expect(cat.operatorsNamed('->>').map((o) => o.left)).toEqual(expect.arrayContaining([3802, 114]));
    expect(cat.cast(23, 20)).toMatchObject({ context: 'i', method: 'f' });
    expect(cat.cast(20, 23)).toMatchObject({ context: 'a' });
    expect(cat.cast(1043, 25)).toMatchObject({ method: 'b' });
  });

  it('describes aggregates, window and set-returning functions', () => {
    const sumInt4 = cat.procsNamed('sum').find((p) => p.args[0] === 23)!;
    expect([sumInt4.kind, sumInt4.ret, sumInt4.agg!.transfn, sumInt4.impl]).toEqual(['a', 20, 'int4_sum', 'int4_sum']);
    expect(cat.procsNamed('row_number')[0]).toMatchObject({ kind: 'w', ret: 20, impl: 'window_row_number' });
    expect(cat.procsNamed('generate_series').every((p) => p.retset)).toBe(true);
    expect(cat.procsNamed('now')[0]).toMatchObject({ vol: 's', ret: 1184 });
    expect(cat.procsNamed('gen_random_uuid')[0]).toMatchObject({ vol: 'v', ret: 2950 });
    const needed = ['count', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'array_agg', 'string_agg', 'jsonb_agg', 'rank', 'dense_rank',
      'lag', 'lead', 'unnest', 'jsonb_each', 'format_type', 'pg_get_indexdef', 'pg_table_is_visible', 'current_schema', 'version',
      'pg_get_expr', 'obj_description', 'col_description', 'nextval', 'setval', 'coalesce'];
    expect(needed.filter((n) => cat.procsNamed(n).length === 0)).toEqual(['coalesce']);
  });
});
