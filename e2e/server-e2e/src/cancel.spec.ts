// CancelRequest and statement_timeout: a long pg_sleep is cancelled from a second connection
// (node-postgres' client.cancel and postgres.js' query.cancel), fails with 57014, and the
// session stays usable. Pure SQL, so these also run against a real PostgreSQL.
import { Client, ClientConfig, Query } from 'pg';
import { serialize } from 'pg-protocol';
import postgres from 'postgres';
import { RawConnection } from './testing/raw-connection';
import { openSqlTarget, SqlTarget } from './testing/sql-target';
import { delay, rejectionOf } from './testing/wait';

let target: SqlTarget;

beforeAll(async () => {
  target = await openSqlTarget();
});

afterAll(async () => {
  await target?.close();
});

async function connected(config: ClientConfig): Promise<Client> {
  const client = new Client(config);
  await client.connect();
  return client;
}

/** Runs `submittable` on `client` and resolves with its error, or 'completed'. */
function outcome(client: Client, query: Query): Promise<any> {
  return new Promise((resolve) => {
    query.on('error', (err) => resolve(err));
    query.on('end', () => resolve('completed'));
    client.query(query);
  });
}

test('pg: client.cancel stops pg_sleep(30) with 57014 and the connection stays usable', async () => {
  const client = await connected(target.pgConfig());
  try {
    const query = new Query('SELECT pg_sleep(30)');
    const result = outcome(client, query);
    let settled = false;
    void result.then(() => (settled = true));
    // A CancelRequest that arrives before the statement starts is ignored (as in PostgreSQL),
    // so send one now and again every second until the query ends.
    await delay(300);
    for (let i = 0; i < 10 && !settled; i++) {
      (new Client(target.pgConfig()) as any).cancel(client, query);
      await Promise.race([result, delay(1000)]);
    }
    const err = await result;
    expect(err).toMatchObject({ code: '57014', severity: 'ERROR', message: 'canceling statement due to user request' });
    expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  } finally {
    await client.end();
  }
});

test('a CancelRequest for an idle session does not affect its next statement', async () => {
  const client = await connected(target.pgConfig());
  try {
    await client.query('SELECT 1');
    // A raw CancelRequest with this session's key while nothing runs: the server must not
    // remember it for the next statement. It closes the cancel connection without a reply.
    const ep = target.endpoint();
    const cancel = await RawConnection.connect(ep.host, ep.port);
    cancel.send(serialize.cancel((client as any).processID, (client as any).secretKey));
    expect(await cancel.waitClosed(5000)).toBe('closed');
    expect(cancel.received).toBe(0);
    await delay(100);
    const r = await client.query('SELECT pg_sleep(0.2) AS s, 5 AS n');
    expect(r.rows).toEqual([{ s: '', n: 5 }]);
  } finally {
    await client.end();
  }
});

test('pg_sleep returns void', async () => {
  const client = await connected(target.pgConfig());
  try {
    const r = await client.query('SELECT pg_sleep(0.05)');
    expect(r.rows).toEqual([{ pg_sleep: '' }]);
    expect(r.fields.map((f) => [f.name, f.dataTypeID])).toEqual([['pg_sleep', 2278]]);
  } finally {
    await client.end();
  }
});

test('postgres.js: query.cancel() fails the statement with the server 57014', async () => {
  const sql = postgres(target.postgresOptions({ max: 1 }));
  try {
    await sql`select 1`; // connection open, so the next query is sent (and running) at once
    const sleeping = sql`select pg_sleep(30)`;
    const result = rejectionOf(sleeping.execute());
    let settled = false;
    void result.then(() => (settled = true));
    await delay(500);
    await sleeping.cancel();
    // If that CancelRequest overtook the statement on a loaded machine it was (rightly)
    // ignored: repeat it with the same backend key until the statement ends.
    for (let i = 0; i < 10 && !settled; i++) {
      await Promise.race([result, delay(1000)]);
      const state = (sleeping as any).state as { pid: number; secret: number } | undefined;
      if (!settled && state) {
        const ep = target.endpoint();
        const cancel = await RawConnection.connect(ep.host, ep.port);
        cancel.send(serialize.cancel(state.pid, state.secret));
        await cancel.waitClosed(5000);
      }
    }
    const err = await result;
    // severity is only present on an ErrorResponse from the server (postgres.js fakes a
    // severity-less 57014 when it cancels a query that was never sent).
    expect(err).toMatchObject({ code: '57014', severity: 'ERROR', message: 'canceling statement due to user request' });
    expect([...(await sql`select ${2}::int4 as n`)]).toEqual([{ n: 2 }]);
  } finally {
    await sql.end({ timeout: 5 });
  }
});

test('statement_timeout cancels pg_sleep with 57014; RESET restores no timeout', async () => {
  const client = await connected(target.pgConfig());
  try {
    await client.query('SET statement_timeout = 200');
    expect((await client.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '200ms' }]);
    const err = await rejectionOf(client.query('SELECT pg_sleep(5)'));
    expect(err).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
    // The session is still usable, and the timeout still applies to later statements.
    expect((await client.query('SELECT pg_sleep(0.05) AS s')).rows).toEqual([{ s: '' }]);
    await client.query('RESET statement_timeout');
    expect((await client.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '0' }]);
    expect((await client.query('SELECT pg_sleep(0.3) AS s')).rows).toEqual([{ s: '' }]);
  } finally {
    await client.end();
  }
});

test('statement_timeout in a transaction block aborts the block (25P02 until ROLLBACK)', async () => {
  const client = await connected(target.pgConfig());
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL statement_timeout = 100');
    await expect(client.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
    await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: '25P02' });
    await client.query('ROLLBACK');
    // SET LOCAL ended with the block.
    expect((await client.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '0' }]);
  } finally {
    await client.end();
  }
});
