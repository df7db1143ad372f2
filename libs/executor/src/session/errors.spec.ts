// Errors: SQLSTATE, message, position (1-based) and hint exactly as PostgreSQL 15 reports them
// for the same statements (collected from a real server with node-postgres).
import { failure, openHarness, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE t (a int, b text, c bigint)');
  await run(s, "INSERT INTO t VALUES (1, 'x', 10), (2, 'y', 20)");
  await run(s, 'CREATE TABLE u (id int, t_a int, name varchar(5))');
  await run(s, 'CREATE TABLE nn (a int NOT NULL, b text)');
});
afterAll(async () => { await h.close(); });

const OP_HINT = 'No operator matches the given name and argument types. You might need to add explicit type casts.';
const FN_HINT = 'No function matches the given name and argument types. You might need to add explicit type casts.';

it.each([
  ["select a from t where a = 'x'", '22P02', 'invalid input syntax for type integer: "x"', 27],
  ['select nope from t', '42703', 'column "nope" does not exist', 8],
  ['select t.nope from t', '42703', 'column t.nope does not exist', 8],
  ['select x.a from t', '42P01', 'missing FROM-clause entry for table "x"', 8],
  ['select * from nosuch', '42P01', 'relation "nosuch" does not exist', 15],
  ['select a from t join t u on true', '42702', 'column reference "a" is ambiguous', 8],
  ['select a, b from t group by a', '42803', 'column "t.b" must appear in the GROUP BY clause or be used in an aggregate function', 11],
  ['insert into t (a, nope) values (1, 2)', '42703', 'column "nope" of relation "t" does not exist', 19],
  ['insert into t values (1, 2, 3, 4)', '42601', 'INSERT has more expressions than target columns', 32],
  ['insert into t (a, b) values (1)', '42601', 'INSERT has more target columns than expressions', 19],
  ["insert into t (a) values ('zz')", '22P02', 'invalid input syntax for type integer: "zz"', 27],
  ['select a from t where sum(a) > 1', '42803', 'aggregate functions are not allowed in WHERE', 23],
  ['select sum(count(*)) from t', '42803', 'aggregate function calls cannot be nested', 12],
  ['select a from t where b', '42804', 'argument of WHERE must be type boolean, not type text', 23],
  ['select 1 order by 3', '42P10', 'ORDER BY position 3 is not in select list', 19],
  ["select 'a' + 1", '22P02', 'invalid input syntax for type integer: "a"', 8],
  ['select $1::int', '42P02', 'there is no parameter $1', 8],
  ['select 1, 2 union select 1', '42601', 'each UNION query must have the same number of columns', 26],
])('%s', async (sql, sqlstate, message, position) => {
  expect(await failure(s, sql)).toEqual({ sqlstate, message, position });
});

it('operator and function resolution failures carry the hint', async () => {
  expect(await failure(s, 'select a + b from t')).toEqual({
    sqlstate: '42883', message: 'operator does not exist: integer + text', position: 10, hint: OP_HINT,
  });
  expect(await failure(s, 'select foo(1)')).toEqual({
    sqlstate: '42883', message: 'function foo(integer) does not exist', position: 8, hint: FN_HINT,
  });
  expect(await failure(s, 'insert into t (a) values (true)')).toEqual({
    sqlstate: '42804', message: 'column "a" is of type integer but expression is of type boolean', position: 27,
    hint: 'You will need to rewrite or cast the expression.',
  });
});

it.each([
  ['select 1/0', '22012', 'division by zero'],
  ['select 2147483647 + 1', '22003', 'integer out of range'],
  ['select 9223372036854775807 + 1::int8', '22003', 'bigint out of range'],
  ['select -(-2147483648)::int4', '22003', 'integer out of range'],
  ['select 1 limit -1', '2201W', 'LIMIT must not be negative'],
  ["insert into u (name) values ('toolong')", '22001', 'value too long for type character varying(5)'],
  ['select (select a from t)', '21000', 'more than one row returned by a subquery used as an expression'],
])('runtime error %s', async (sql, sqlstate, message) => {
  expect(await failure(s, sql)).toEqual({ sqlstate, message });
});

it('NOT NULL violations name the column and show the failing row', async () => {
  expect(await failure(s, "insert into nn values (null, 'x')")).toEqual({
    sqlstate: '23502',
    message: 'null value in column "a" of relation "nn" violates not-null constraint',
    detail: 'Failing row contains (null, x).',
  });
  expect((await run(s, 'update nn set a = null')).tags).toEqual(['UPDATE 0']);
});

it('a failed statement leaves no trace outside a transaction block', async () => {
  await failure(s, "insert into t values (100, 'a', 1), (2147483647 + 1, 'b', 2)");
  expect((await run(s, 'select count(*) from t where a = 100')).rows).toEqual([[0n]]);
});
