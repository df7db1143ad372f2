// INSERT / UPDATE / DELETE: defaults, assignment coercions with typmods, RETURNING, command
// tags, INSERT ... SELECT. Expectations from PostgreSQL 15 running the same statements.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, "CREATE TABLE d (id int NOT NULL, name text DEFAULT 'anon', n numeric(5,2), v varchar(3), f float4)");
});
afterAll(async () => { await h.close(); });

it('runs a sequence of DML like PostgreSQL', async () => {
  expect(await run(s, 'INSERT INTO d (id) VALUES (1) RETURNING *')).toMatchObject({
    rows: [[1, 'anon', null, null, null]], tags: ['INSERT 0 1'], columns: ['id', 'name', 'n', 'v', 'f'],
  });
  expect(await rows(s, "INSERT INTO d VALUES (2, DEFAULT, 1.005, 'ab ', 1.5) RETURNING id, name, n, v, f")).toEqual([[2, 'anon', '1.01', 'ab ', 1.5]]);
  expect(await failure(s, 'INSERT INTO d (id, n) VALUES (3, 12345.6)')).toEqual({
    sqlstate: '22003', message: 'numeric field overflow',
    detail: 'A field with precision 5, scale 2 must round to an absolute value less than 10^3.',
  });
  expect(await run(s, 'UPDATE d SET n = n * 2, name = upper(name) WHERE id = 2 RETURNING id, name, n')).toMatchObject({
    rows: [[2, 'ANON', '2.02']], tags: ['UPDATE 1'],
  });
  expect(await run(s, 'UPDATE d SET id = id + 10 RETURNING id')).toMatchObject({ rows: [[11], [12]], tags: ['UPDATE 2'] });
  expect(await run(s, 'DELETE FROM d WHERE id > 11 RETURNING id, name')).toMatchObject({ rows: [[12, 'ANON']], tags: ['DELETE 1'] });
  expect(await rows(s, 'SELECT * FROM d')).toEqual([[11, 'anon', null, null, null]]);
  expect(await failure(s, "INSERT INTO d (id, v) VALUES (5, 'abcd')")).toEqual({ sqlstate: '22001', message: 'value too long for type character varying(3)' });
  await run(s, "INSERT INTO d (id, v) VALUES (5, 'ab   ')");
  expect(await rows(s, 'SELECT v, length(v) FROM d WHERE id = 5')).toEqual([['ab ', 3]]);
  expect((await run(s, 'INSERT INTO d SELECT id + 100, name FROM d')).tags).toEqual(['INSERT 0 2']);
  expect(await rows(s, 'SELECT count(*) FROM d')).toEqual([[4n]]);
});

it('UPDATE sees each row once even when it changes the filtered column', async () => {
  await run(s, 'CREATE TABLE k (a int)');
  await run(s, 'INSERT INTO k SELECT g FROM generate_series(1, 50) g');
  expect((await run(s, 'UPDATE k SET a = a + 100 WHERE a > 0')).tags).toEqual(['UPDATE 50']);
  expect(await rows(s, 'SELECT min(a), max(a), count(*) FROM k')).toEqual([[101, 150, 50n]]);
});

it('serial columns draw from their sequence, durably across a restart', async () => {
  const h2 = await openHarness();
  try {
    const a = h2.session();
    await run(a, 'CREATE TABLE s (id serial PRIMARY KEY, x text)');
    expect(await rows(a, "INSERT INTO s (x) VALUES ('a'), ('b') RETURNING id")).toEqual([[1], [2]]);
    expect(await rows(a, "SELECT currval('s_id_seq')")).toEqual([[2n]]);
    await run(a, 'BEGIN');
    await run(a, "INSERT INTO s (x) VALUES ('rolled back')");
    await run(a, 'ROLLBACK');
    await h2.reopen();
    const b = h2.session();
    // Deliberate difference: PostgreSQL WAL-logs sequence advances (so it would say 4, or 33
    // after a crash); vecgres persists positions with committing transactions, so a value only
    // a rolled-back transaction saw may come back after a restart, never a committed one.
    expect(await rows(b, "INSERT INTO s (x) VALUES ('c') RETURNING id")).toEqual([[3]]);
    expect(await rows(b, 'SELECT id, x FROM s ORDER BY id')).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
  } finally {
    await h2.close();
  }
});
