// postgres.js (3.x) against the server: it prepares every statement by default (named Parse,
// Describe, then Bind/Execute), pipelines queries on one connection, and sends typed
// parameters. Pure SQL, so these also run against a real PostgreSQL (E2E_REAL_PG_URL).
import postgres from 'postgres';
import { openSqlTarget, SqlTarget } from './testing/sql-target';
import { rejectionOf } from './testing/wait';

let target: SqlTarget;
let sql: postgres.Sql<{}>;

beforeAll(async () => {
  target = await openSqlTarget();
  sql = postgres(target.postgresOptions({ max: 1 }));
});

afterAll(async () => {
  await sql?.end({ timeout: 5 }).catch(() => undefined);
  await target?.close();
});

test('a simple select', async () => {
  const rows = await sql`select 1 as x`;
  expect([...rows]).toEqual([{ x: 1 }]);
  expect(rows.command).toBe('SELECT');
  expect(rows.count).toBe(1);
});

test('100 parameterised selects pipelined on one connection (max: 1)', async () => {
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => sql`select ${i}::int4 as x`));
  expect(results.map((rows) => [...rows])).toEqual(Array.from({ length: 100 }, (_, i) => [{ x: i }]));
});

test('pipelined queries of different shapes keep their order and types', async () => {
  const [a, b, c, d] = await Promise.all([
    sql`select ${'one'}::text as t`,
    sql`select ${2}::int8 as n`,
    sql`select ${true}::bool as b`,
    sql`select ${'x'}::text as t, ${4}::int4 as n`,
  ]);
  expect([...a!]).toEqual([{ t: 'one' }]);
  expect([...b!]).toEqual([{ n: '2' }]);
  expect([...c!]).toEqual([{ b: true }]);
  expect([...d!]).toEqual([{ t: 'x', n: 4 }]);
});

test('typed parameters: text, bool, float8, bytea, int8 (bigint), NULL', async () => {
  const rows = await sql`select ${'héllo'}::text as t, ${false}::bool as b, ${1.5}::float8 as f, ${Buffer.from([1, 2, 255])}::bytea as by, ${123n as unknown as number}::int8 as big, ${null}::int4 as n`;
  expect([...rows]).toEqual([{ t: 'héllo', b: false, f: 1.5, by: Buffer.from([1, 2, 255]), big: '123', n: null }]);
  expect(rows.columns.map((c) => [c.name, c.type])).toEqual([
    ['t', 25],
    ['b', 16],
    ['f', 701],
    ['by', 17],
    ['big', 20],
    ['n', 23],
  ]);
});

test('a prepared statement is reused with new values', async () => {
  const run = (n: number) => sql`select ${n}::int4 as n, ${`v${n}`}::text as s`;
  for (let n = 0; n < 5; n++) expect([...(await run(n))]).toEqual([{ n, s: `v${n}` }]);
});

test('unsafe with prepare: false (unnamed statements) and a simple multi-statement query', async () => {
  expect([...(await sql.unsafe('select $1::int4 as n', [7], { prepare: false }))]).toEqual([{ n: 7 }]);
  const multi = (await sql.unsafe('select 1 as a; select 2 as b').simple()) as unknown as Array<Array<Record<string, number>>>;
  expect(multi.map((r) => [...r])).toEqual([[{ a: 1 }], [{ b: 2 }]]);
});

test('errors carry code and position; the connection keeps working', async () => {
  const err = await rejectionOf(sql`select 1 from from`);
  expect(err).toMatchObject({ code: '42601', position: '15', message: 'syntax error at or near "from"' });
  const bad = await rejectionOf(sql`select ${'abc'}::int4 as n`);
  expect(bad).toMatchObject({ code: '22P02', message: 'invalid input syntax for type integer: "abc"' });
  expect([...(await sql`select ${3}::int4 as n`)]).toEqual([{ n: 3 }]);
});

test('sql.begin commits, and rolls back when the callback throws', async () => {
  const result = await sql.begin(async (tx) => [...(await tx`select ${1}::int4 as n`)]);
  expect(result).toEqual([{ n: 1 }]);
  const err = await rejectionOf(
    sql.begin(async (tx) => {
      await tx`select 1 from from`;
    }),
  );
  expect(err).toMatchObject({ code: '42601' });
  expect([...(await sql`select 2 as n`)]).toEqual([{ n: 2 }]);
});

test('a cursor reads a generate_series in batches', async () => {
  let total = 0;
  let batches = 0;
  let sum = 0;
  for await (const rows of sql`select * from generate_series(1, 10000) as g(n)`.cursor(1000)) {
    batches++;
    total += rows.length;
    for (const r of rows) sum += r.n as number;
  }
  expect({ batches, total, sum }).toEqual({ batches: 10, total: 10000, sum: (10000 * 10001) / 2 });
});
