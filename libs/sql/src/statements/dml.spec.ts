import { col, int4, op, param, parseError, parseOne, setupParser, str, stripLocations } from '../testing/parse-helpers';

beforeAll(setupParser);

const onConflictOf = (sql: string) => {
  const stmt = stripLocations(parseOne(sql));
  if (stmt.kind !== 'insert') throw new Error('insert expected');
  return stmt.onConflict;
};

describe('INSERT', () => {
  it('pgvector inserts: VALUES rows with vector literals', () => {
    expect(stripLocations(parseOne("INSERT INTO items (embedding) VALUES ('[1,2,3]'), ('[4,5,6]')"))).toEqual({
      kind: 'insert',
      target: { table: { name: 'items' }, inherit: true },
      columns: [{ name: 'embedding' }],
      source: { kind: 'values', rows: [[str('[1,2,3]')], [str('[4,5,6]')]], orderBy: [], withTies: false, locking: [] },
      returning: [],
    });
  });

  it('DEFAULT VALUES, INSERT ... SELECT, schema and alias, OVERRIDING', () => {
    expect(stripLocations(parseOne('INSERT INTO s.t AS x DEFAULT VALUES'))).toMatchObject({ target: { table: { schema: 's', name: 't' }, alias: 'x' }, columns: [] });
    expect(parseOne('INSERT INTO t DEFAULT VALUES')).not.toHaveProperty('source');
    expect(stripLocations(parseOne('INSERT INTO t SELECT * FROM u WHERE a > $1'))).toMatchObject({ source: { kind: 'select', where: op('>', col('a'), param(1)) } });
    expect(parseOne('INSERT INTO t OVERRIDING SYSTEM VALUE VALUES (1)')).toMatchObject({ overriding: 'system' });
    expect(parseOne('INSERT INTO t OVERRIDING USER VALUE VALUES (1)')).toMatchObject({ overriding: 'user' });
    expect(stripLocations(parseOne('INSERT INTO t (a[1], b) VALUES (1, DEFAULT)'))).toMatchObject({
      columns: [{ name: 'a', indirection: [{ kind: 'subscript', upper: int4(1), slice: false }] }, { name: 'b' }],
      source: { rows: [[int4(1), { kind: 'default' }]] },
    });
  });

  it('ON CONFLICT (cols) DO UPDATE SET ... WHERE, with EXCLUDED and RETURNING', () => {
    const stmt = stripLocations(parseOne(
      'INSERT INTO items (id, embedding) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding, n = items.n + 1 WHERE items.locked IS NOT TRUE RETURNING id, xmax = 0 AS inserted',
    ));
    expect(stmt).toMatchObject({
      onConflict: {
        target: { columns: [{ name: 'id' }] },
        action: 'update',
        set: [
          { column: 'embedding', value: col('excluded', 'embedding') },
          { column: 'n', value: op('+', col('items', 'n'), int4(1)) },
        ],
        where: { kind: 'booleanTest', test: 'notTrue' },
      },
      returning: [{ expr: col('id') }, { expr: op('=', col('xmax'), int4(0)), alias: 'inserted' }],
    });
  });

  it('ON CONFLICT DO NOTHING: bare, with expression target + predicate, ON CONSTRAINT', () => {
    expect(onConflictOf('INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING')).toEqual({ action: 'nothing', set: [] });
    expect(onConflictOf('INSERT INTO t VALUES (1) ON CONFLICT (a, lower(b)) WHERE a > 0 DO NOTHING')).toMatchObject({
      target: { columns: [{ name: 'a' }, { expr: { kind: 'func', name: 'lower' } }], where: op('>', col('a'), int4(0)) },
    });
    expect(onConflictOf('INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING')).toEqual({
      target: { constraint: 't_pkey' }, action: 'nothing', set: [],
    });
  });

  it('WITH before INSERT', () => {
    expect(stripLocations(parseOne('WITH v AS (SELECT 1) INSERT INTO t SELECT * FROM v'))).toMatchObject({ with: { ctes: [{ name: 'v' }] } });
  });
});

describe('UPDATE', () => {
  it('SET incl. multi-column forms, FROM, WHERE, RETURNING', () => {
    const stmt = stripLocations(parseOne(
      "UPDATE ONLY items AS i SET embedding = '[1,2,3]', (a, b) = (1, DEFAULT), (c, d) = (SELECT 1, 2), e[2] = 3 FROM u WHERE i.id = u.id RETURNING *",
    ));
    expect(stmt).toEqual({
      kind: 'update',
      target: { table: { name: 'items' }, inherit: false, alias: 'i' },
      set: [
        { column: 'embedding', value: str('[1,2,3]') },
        { column: 'a', value: int4(1) },
        { column: 'b', value: { kind: 'default' } },
        { column: 'c', value: expect.objectContaining({ kind: 'scalarSubquery' }), multiAssign: { index: 1, count: 2 } },
        { column: 'd', value: expect.objectContaining({ kind: 'scalarSubquery' }), multiAssign: { index: 2, count: 2 } },
        { column: 'e', indirection: [{ kind: 'subscript', upper: int4(2), slice: false }], value: int4(3) },
      ],
      from: [{ kind: 'table', table: { name: 'u' }, inherit: true }],
      where: op('=', col('i', 'id'), col('u', 'id')),
      returning: [{ expr: { kind: 'columnRef', names: [], star: true } }],
    });
  });

  it('a row of the wrong length is PostgreSQL\'s 42601', () => {
    expect(parseError('UPDATE t SET (a, b) = (1, 2, 3)')).toMatchObject({ sqlstate: '42601', message: 'number of columns does not match number of values', position: 23 });
  });
});

describe('DELETE', () => {
  it('USING, WHERE, RETURNING', () => {
    expect(stripLocations(parseOne('DELETE FROM s.t x USING u WHERE x.a = u.a RETURNING x.id'))).toEqual({
      kind: 'delete',
      target: { table: { schema: 's', name: 't' }, inherit: true, alias: 'x' },
      using: [{ kind: 'table', table: { name: 'u' }, inherit: true }],
      where: op('=', col('x', 'a'), col('u', 'a')),
      returning: [{ expr: col('x', 'id') }],
    });
    expect(stripLocations(parseOne('DELETE FROM t'))).toEqual({ kind: 'delete', target: { table: { name: 't' }, inherit: true }, using: [], returning: [] });
  });
});
