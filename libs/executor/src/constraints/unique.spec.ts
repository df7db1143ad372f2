// PRIMARY KEY / UNIQUE / unique index enforcement and CHECK, through SQL. Expected texts were
// taken from PostgreSQL 15 running the same statements.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from '../session/session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
});
afterAll(async () => { await h.close(); });

it('rejects duplicate primary keys with PostgreSQL texts', async () => {
  await run(s, 'CREATE TABLE t (id int PRIMARY KEY, v text UNIQUE, c int CHECK (c > 0))');
  await run(s, "INSERT INTO t VALUES (1, 'a', 1)");
  expect(await failure(s, "INSERT INTO t VALUES (1, 'b', 1)")).toEqual({
    sqlstate: '23505', message: 'duplicate key value violates unique constraint "t_pkey"', detail: 'Key (id)=(1) already exists.',
  });
  expect(await failure(s, "INSERT INTO t VALUES (2, 'a', 1)")).toEqual({
    sqlstate: '23505', message: 'duplicate key value violates unique constraint "t_v_key"', detail: 'Key (v)=(a) already exists.',
  });
  expect(await failure(s, "INSERT INTO t VALUES (3, 'x', 0)")).toEqual({
    sqlstate: '23514', message: 'new row for relation "t" violates check constraint "t_c_check"', detail: 'Failing row contains (3, x, 0).',
  });
  expect(await rows(s, 'INSERT INTO t VALUES (3, NULL, NULL), (4, NULL, NULL) RETURNING id')).toEqual([[3], [4]]);
  expect(await failure(s, "INSERT INTO t VALUES (5, 'q', 1), (5, 'r', 1)")).toMatchObject({ sqlstate: '23505', detail: 'Key (id)=(5) already exists.' });
  expect(await rows(s, 'SELECT id FROM t ORDER BY id')).toEqual([[1], [3], [4]]);
});

it('treats NULLs as distinct unless NULLS NOT DISTINCT, and prints composite keys', async () => {
  await run(s, 'CREATE TABLE u (a int, b text, UNIQUE (a, b))');
  expect((await run(s, "INSERT INTO u VALUES (1, 'x'), (1, NULL), (1, NULL)")).tags).toEqual(['INSERT 0 3']);
  expect(await failure(s, "INSERT INTO u VALUES (1, 'x')")).toEqual({
    sqlstate: '23505', message: 'duplicate key value violates unique constraint "u_a_b_key"', detail: 'Key (a, b)=(1, x) already exists.',
  });
  await run(s, 'CREATE TABLE nn (a int UNIQUE NULLS NOT DISTINCT)');
  await run(s, 'INSERT INTO nn VALUES (NULL)');
  expect(await failure(s, 'INSERT INTO nn VALUES (NULL)')).toEqual({
    sqlstate: '23505', message: 'duplicate key value violates unique constraint "nn_a_key"', detail: 'Key (a)=(null) already exists.',
  });
  // numeric keys compare by value, not by text: 1.50 = 1.5.
  await run(s, 'CREATE TABLE num (n numeric PRIMARY KEY)');
  await run(s, 'INSERT INTO num VALUES (1.5)');
  expect(await failure(s, 'INSERT INTO num VALUES (1.50)')).toMatchObject({ sqlstate: '23505', detail: 'Key (n)=(1.50) already exists.' });
  await run(s, 'CREATE UNIQUE INDEX u_b ON u (b)');
  expect(await failure(s, "UPDATE u SET b = 'x' WHERE b IS NULL")).toMatchObject({ sqlstate: '23505', message: 'duplicate key value violates unique constraint "u_a_b_key"' });
});

it('fills identity columns and refuses values for GENERATED ALWAYS', async () => {
  await run(s, 'CREATE TABLE ident (id int GENERATED ALWAYS AS IDENTITY, v text)');
  expect(await rows(s, "INSERT INTO ident (v) VALUES ('x'), ('y') RETURNING id")).toEqual([[1], [2]]);
  expect(await failure(s, "INSERT INTO ident (id, v) VALUES (5, 'z')")).toEqual({
    sqlstate: '428C9', message: 'cannot insert a non-DEFAULT value into column "id"',
    detail: 'Column "id" is an identity column defined as GENERATED ALWAYS.', hint: 'Use OVERRIDING SYSTEM VALUE to override.',
  });
  expect(await rows(s, "INSERT INTO ident (id, v) OVERRIDING SYSTEM VALUE VALUES (5, 'z') RETURNING id")).toEqual([[5]]);
});

it('enforces unique expression indexes', async () => {
  await run(s, "CREATE TABLE em (id int, email text); INSERT INTO em VALUES (1, 'A@x.org'), (2, 'a@X.org')");
  expect(await failure(s, 'CREATE UNIQUE INDEX em_lower ON em (lower(email))')).toEqual({
    sqlstate: '23505', message: 'could not create unique index "em_lower"', detail: 'Key (lower(email))=(a@x.org) is duplicated.',
  });
  await run(s, 'DELETE FROM em WHERE id = 2');
  await run(s, 'CREATE UNIQUE INDEX em_lower ON em (lower(email))');
  expect(await failure(s, "INSERT INTO em VALUES (3, 'a@X.ORG')")).toEqual({
    sqlstate: '23505', message: 'duplicate key value violates unique constraint "em_lower"', detail: 'Key (lower(email))=(a@x.org) already exists.',
  });
});
