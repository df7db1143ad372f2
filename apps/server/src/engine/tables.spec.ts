import { createHarness, extended, simple, type Harness } from '../testing/session-harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('scratch tables', () => {
  it('CREATE / INSERT / SELECT / TRUNCATE / DROP with PostgreSQL tags', async () => {
    const s = h.session();
    const r = await simple(s, "CREATE TABLE t1 (id int, name text, score double precision, ok boolean, big bigint); INSERT INTO t1 VALUES (1, 'a', 1.5, true, 10), (2, NULL, -0.25, false, NULL); INSERT INTO t1 (id) VALUES (3)");
    expect(r.error).toBeNull();
    expect(r.sink.tags()).toEqual(['CREATE TABLE', 'INSERT 0 2', 'INSERT 0 1']);
    const sel = await simple(s, 'SELECT * FROM t1');
    expect(sel.sink.fields()[0]!.map((f) => [f.name, f.typeOid, f.columnAttr, f.tableOid > 0])).toEqual([
      ['id', 23, 1, true], ['name', 25, 2, true], ['score', 701, 3, true], ['ok', 16, 4, true], ['big', 20, 5, true],
    ]);
    expect(sel.sink.textRows()).toEqual([['1', 'a', '1.5', 't', '10'], ['2', null, '-0.25', 'f', null], ['3', null, null, null, null]]);
    expect(sel.sink.tags()).toEqual(['SELECT 3']);
    const cols = await simple(s, 'SELECT name, id AS n, t1.ok, 7 FROM t1');
    expect(cols.sink.fields()[0]!.map((f) => f.name)).toEqual(['name', 'n', 'ok', '?column?']);
    expect(cols.sink.textRows()[0]).toEqual(['a', '1', 't', '7']);
    const count = await simple(s, 'SELECT count(*) FROM t1');
    expect(count.sink.fields()[0]!.map((f) => [f.name, f.typeOid])).toEqual([['count', 20]]);
    expect(count.sink.textRows()).toEqual([['3']]);
    expect((await simple(s, 'TRUNCATE t1')).sink.tags()).toEqual(['TRUNCATE TABLE']);
    expect((await simple(s, 'SELECT count(*) FROM t1')).sink.textRows()).toEqual([['0']]);
    expect((await simple(s, 'DROP TABLE t1')).sink.tags()).toEqual(['DROP TABLE']);
  });

  it('tables are shared by sessions', async () => {
    await simple(h.session(), 'CREATE TABLE shared1 (a int4); INSERT INTO shared1 VALUES (42)');
    expect((await simple(h.session(), 'SELECT a FROM shared1')).sink.textRows()).toEqual([['42']]);
    await simple(h.session(), 'DROP TABLE shared1');
  });

  it('IF [NOT] EXISTS gives notices, otherwise errors like PostgreSQL', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE t2 (a int4)');
    expect((await simple(s, 'CREATE TABLE t2 (a int4)')).error).toMatchObject({ sqlstate: '42P07', message: 'relation "t2" already exists' });
    const again = await simple(s, 'CREATE TABLE IF NOT EXISTS t2 (a int4)');
    expect(again.sink.notices()).toEqual([{ severity: 'NOTICE', sqlstate: '42P07', message: 'relation "t2" already exists, skipping' }]);
    expect(again.sink.tags()).toEqual(['CREATE TABLE']);
    await simple(s, 'DROP TABLE t2');
    expect((await simple(s, 'DROP TABLE t2')).error).toMatchObject({ sqlstate: '42P01', message: 'table "t2" does not exist' });
    const gone = await simple(s, 'DROP TABLE IF EXISTS t2');
    expect(gone.sink.notices()).toEqual([{ severity: 'NOTICE', sqlstate: '00000', message: 'table "t2" does not exist, skipping' }]);
  });

  it('reports missing relations and columns with positions', async () => {
    const s = h.session();
    expect((await simple(s, 'SELECT * FROM nowhere')).error).toMatchObject({ sqlstate: '42P01', message: 'relation "nowhere" does not exist', position: 15 });
    await simple(s, 'CREATE TABLE t3 (a int4, b text)');
    expect((await simple(s, 'SELECT c FROM t3')).error).toMatchObject({ sqlstate: '42703', message: 'column "c" does not exist', position: 8 });
    expect((await simple(s, 'INSERT INTO t3 (z) VALUES (1)')).error).toMatchObject({ sqlstate: '42703', message: 'column "z" of relation "t3" does not exist' });
    expect((await simple(s, 'INSERT INTO t3 VALUES (1, 2, 3)')).error).toMatchObject({ sqlstate: '42601', message: 'INSERT has more expressions than target columns' });
    expect((await simple(s, 'INSERT INTO t3 (a, b) VALUES (1)')).error).toMatchObject({ sqlstate: '42601', message: 'INSERT has more target columns than expressions' });
    expect((await simple(s, "INSERT INTO t3 VALUES ('x')")).error).toMatchObject({ sqlstate: '22P02', message: 'invalid input syntax for type integer: "x"', position: 24 });
    expect((await simple(s, 'INSERT INTO t3 VALUES (true)')).error).toMatchObject({ sqlstate: '42804', message: 'column "a" is of type integer but expression is of type boolean' });
    expect((await simple(s, 'INSERT INTO t3 VALUES (3000000000)')).error).toMatchObject({ sqlstate: '22003', message: 'integer out of range' });
    expect((await simple(s, 'SELECT a, count(*) FROM t3')).error).toMatchObject({ sqlstate: '42803' });
    expect((await simple(s, 'CREATE TABLE t4 (a int4, a text)')).error).toMatchObject({ sqlstate: '42701', message: 'column "a" specified more than once' });
    expect((await simple(s, 'CREATE TABLE t4 (a widget)')).error).toMatchObject({ sqlstate: '42704', message: 'type "widget" does not exist' });
    await simple(s, 'DROP TABLE t3');
  });

  it('assignment casts: numeric family, anything to text, 1.5 rounds into int', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE t5 (a int4, b text, c float8, d numeric, e int8)');
    const r = await simple(s, "INSERT INTO t5 VALUES (2.5, 42, 1, 7, '12'), (-2.5, 1.5, '2e3', 0.5, 3)");
    expect(r.error).toBeNull();
    expect((await simple(s, 'SELECT * FROM t5')).sink.textRows()).toEqual([['3', '42', '1', '7', '12'], ['-3', '1.5', '2000', '0.5', '3']]);
    await simple(s, 'DROP TABLE t5');
  });

  it('NOT NULL is enforced', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE t6 (a int4 NOT NULL, b text)');
    const r = await simple(s, "INSERT INTO t6 VALUES (NULL, 'x')");
    expect(r.error).toMatchObject({ sqlstate: '23502', message: 'null value in column "a" of relation "t6" violates not-null constraint', detail: 'Failing row contains (null, x).' });
    await simple(s, 'DROP TABLE t6');
  });

  it('INSERT with parameters takes the column types', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE t7 (a int8, b text, c bool)');
    const r = await extended(s, 'INSERT INTO t7 VALUES ($1, $2, $3), (DEFAULT, $2, NULL)', ['9007199254740993', 'hi', 'yes']);
    expect(r.paramTypes).toEqual([20, 25, 16]);
    expect(r.sink.tags()).toEqual(['INSERT 0 2']);
    expect((await simple(s, 'SELECT * FROM t7')).sink.textRows()).toEqual([['9007199254740993', 'hi', 't'], [null, 'hi', null]]);
    await simple(s, 'DROP TABLE t7');
  });

  it('a prepared SELECT sees a table re-created with the same shape, and refuses a new shape', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE t8 (a int4); INSERT INTO t8 VALUES (1)');
    const stmt = await s.parse('SELECT * FROM t8', []);
    await simple(s, 'DROP TABLE t8; CREATE TABLE t8 (a int4); INSERT INTO t8 VALUES (2)');
    const portal = await s.bind(stmt, { params: [], paramFormats: [], resultFormats: [] });
    const { FakeSink } = await import('../testing/fake-sink');
    const sink = new FakeSink();
    await s.execute(portal, 0, sink);
    expect(sink.textRows()).toEqual([['2']]);
    await simple(s, 'DROP TABLE t8; CREATE TABLE t8 (a text)');
    await expect(s.bind(stmt, { params: [], paramFormats: [], resultFormats: [] })).rejects.toMatchObject({ message: 'cached plan must not change result type' });
    await s.sync();
    await simple(s, 'DROP TABLE t8');
  });
});
