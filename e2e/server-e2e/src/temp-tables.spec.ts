// TEMP tables through the server with two pg clients: a temp table is private to the session
// that made it (other sessions see its catalog rows, not its rows, as in PostgreSQL), and it
// is dropped when that session ends, cleanly or by a dropped socket, and by a crash restart.
import { Client } from 'pg';
import { startServer, type ServerHandle } from '@vecgres/server-process';
import { makeTempDir, type TempDir } from '@vecgres/server-process';

let dataRoot: TempDir;
beforeAll(() => {
  dataRoot = makeTempDir('vecgres-temp-tables-');
});
afterAll(() => dataRoot.remove());

async function connect(server: ServerHandle): Promise<Client> {
  const c = new Client(server.pgConfig());
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

/** How many temp tables named `name` the catalog has (any session's). */
async function tempCount(c: Client, name: string): Promise<number> {
  const r = await c.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = $1 AND relpersistence = 't'", [name]);
  return r.rows[0].n as number;
}

/** The server drops a session's temp schema after it notices the disconnect: wait for it. */
async function waitGone(c: Client, name: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const n = await tempCount(c, name);
    if (n === 0) return n;
    await new Promise((r) => setTimeout(r, 25));
  }
  return tempCount(c, name);
}

test('a temp table is private to its session and dropped when the session ends', async () => {
  const server = await startServer({ args: ['--data-dir', dataRoot.file('sessions')] });
  const b = await connect(server);
  try {
    const a = await connect(server);
    await a.query('CREATE TEMP TABLE tt (id int PRIMARY KEY)');
    await a.query('INSERT INTO tt VALUES (1), (2)');
    const schema = (await a.query('SELECT pg_my_temp_schema()::regnamespace::text AS s')).rows[0].s as string;
    expect(schema).toMatch(/^pg_temp_\d+$/);
    expect((await a.query('SELECT count(*)::int AS n FROM tt')).rows).toEqual([{ n: 2 }]);

    await expect(b.query('SELECT * FROM tt')).rejects.toMatchObject({ code: '42P01' });
    expect(await tempCount(b, 'tt')).toBe(1);
    await expect(b.query(`SELECT * FROM ${schema}.tt`)).rejects.toMatchObject({ code: '0A000', message: 'cannot access temporary tables of other sessions' });
    // b's own temp table of the same name lives in b's schema.
    await b.query('CREATE TEMP TABLE tt (note text)');
    expect((await b.query('SELECT count(*)::int AS n FROM tt')).rows).toEqual([{ n: 0 }]);
    await b.query('DISCARD TEMP');

    await a.end();
    expect(await waitGone(b, 'tt')).toBe(0);
    expect((await b.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1", [schema])).rows).toEqual([{ n: 0 }]);

    // An abrupt disconnect (socket destroyed, no Terminate) drops them too.
    const c = await connect(server);
    await c.query('CREATE TEMP TABLE abrupt (a int)');
    expect(await tempCount(b, 'abrupt')).toBe(1);
    (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await waitGone(b, 'abrupt')).toBe(0);
  } finally {
    await b.end().catch(() => undefined);
    await server.stop('SIGTERM', 10_000);
  }
});

test('temp tables do not survive a crash restart', async () => {
  const first = await startServer({ args: ['--data-dir', dataRoot.file('crash')] });
  try {
    const a = await connect(first);
    await a.query('CREATE TEMP TABLE lost (a int)');
    await a.query('INSERT INTO lost VALUES (1)');
    await a.query('CREATE TABLE kept (a int)');
  } finally {
    await first.stop('SIGKILL', 10_000);
  }
  const second = await startServer({ args: ['--data-dir', dataRoot.file('crash')] });
  try {
    const c = await connect(second);
    expect(await tempCount(c, 'lost')).toBe(0);
    expect((await c.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE 'pg_temp%'")).rows).toEqual([{ n: 0 }]);
    expect((await c.query('SELECT count(*)::int AS n FROM kept')).rows).toEqual([{ n: 0 }]);
    await c.end();
  } finally {
    await second.stop('SIGTERM', 10_000);
  }
});
