// idle_session_timeout and idle_in_transaction_session_timeout: a session left waiting for its
// next query longer than that is ended by the server with a FATAL error (57P05 outside a
// transaction block, 25P03 inside one, which is rolled back). The timers run only while the
// server waits for the client: a statement running longer than the timeout completes. Pure
// SQL, so these also run against a real PostgreSQL (E2E_REAL_PG_URL).
//
// The statement that sets a timeout is sent in the same Query as whatever must happen before
// the session goes idle, so no client-side pause on a loaded machine can trip the 300 ms timer
// early.
import { Client, ClientConfig } from 'pg';
import { openSqlTarget, SqlTarget, uniqueTableName } from './testing/sql-target';
import { delay, withTimeout } from './testing/wait';

const TIMEOUT_MS = 300;
/** Comfortably past TIMEOUT_MS: long enough for a timer that should fire to have fired. */
const PAST_TIMEOUT_MS = 800;

let target: SqlTarget;

beforeAll(async () => {
  target = await openSqlTarget();
});

afterAll(async () => {
  await target?.close();
});

interface Watched {
  client: Client;
  /** The first error the client reported outside a query (the server's FATAL). */
  error: Promise<any>;
  /** Resolves when the connection has ended. */
  ended: Promise<void>;
  isEnded(): boolean;
}

/** A connected client whose unsolicited errors and end are captured instead of thrown. */
async function watched(config: ClientConfig = {}): Promise<Watched> {
  const client = new Client(target.pgConfig(config));
  let ended = false;
  const error = new Promise<any>((resolve) => client.once('error', resolve));
  // Later errors (e.g. the socket reset after the FATAL) must not become unhandled 'error's.
  client.on('error', () => undefined);
  const end = new Promise<void>((resolve) =>
    client.once('end', () => {
      ended = true;
      resolve();
    }),
  );
  await client.connect();
  return { client, error, ended: end, isEnded: () => ended };
}

async function expectTerminated(w: Watched, code: string, message: string): Promise<void> {
  const err = await withTimeout(w.error, 10_000, `waiting for ${code}`);
  expect(err).toMatchObject({ code, severity: 'FATAL', message });
  await withTimeout(w.ended, 10_000, 'waiting for the connection to close');
  await expect(w.client.query('SELECT 1')).rejects.toThrow();
}

const IDLE_SESSION = ['57P05', 'terminating connection due to idle-session timeout'] as const;
const IDLE_IN_TX = ['25P03', 'terminating connection due to idle-in-transaction timeout'] as const;

test('SET idle_session_timeout = 300, then idle: FATAL 57P05 and the socket closes', async () => {
  const w = await watched();
  try {
    expect((await w.client.query('SHOW idle_session_timeout')).rows).toEqual([{ idle_session_timeout: '0' }]);
    const shown = await w.client.query(`SET idle_session_timeout = ${TIMEOUT_MS}; SHOW idle_session_timeout`);
    expect((shown as any)[1].rows).toEqual([{ idle_session_timeout: `${TIMEOUT_MS}ms` }]);
    await expectTerminated(w, ...IDLE_SESSION);
  } finally {
    await w.client.end().catch(() => undefined);
  }
});

test('BEGIN + SET idle_in_transaction_session_timeout = 300: FATAL 25P03 and the block is rolled back', async () => {
  const table = uniqueTableName('idle_tx');
  const admin = new Client(target.pgConfig());
  await admin.connect();
  try {
    await admin.query(`CREATE TABLE ${table} (n int4)`);
    const w = await watched();
    try {
      await w.client.query(`BEGIN; INSERT INTO ${table} VALUES (1), (2); SET idle_in_transaction_session_timeout = '${TIMEOUT_MS}ms'`);
      await expectTerminated(w, ...IDLE_IN_TX);
    } finally {
      await w.client.end().catch(() => undefined);
    }
    // The server rolled the block back when it ended the session (the check may race the
    // rollback by a moment, so poll briefly).
    let count = '';
    for (let i = 0; i < 50 && count !== '0'; i++) {
      count = (await admin.query(`SELECT count(*) AS c FROM ${table}`)).rows[0].c;
      if (count !== '0') await delay(100);
    }
    expect(count).toBe('0');
  } finally {
    await admin.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await admin.end();
  }
});

test('a failed block (status E) counts as in a transaction too', async () => {
  const w = await watched();
  try {
    // Queued together: node-postgres sends the second Query as soon as the first's
    // ReadyForQuery arrives, so the session is never idle in between.
    const [, failed] = await Promise.allSettled([
      w.client.query(`BEGIN; SET idle_in_transaction_session_timeout = ${TIMEOUT_MS}`),
      w.client.query("SELECT 'x'::int4"),
    ]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { code: '22P02' } });
    await expectTerminated(w, ...IDLE_IN_TX);
  } finally {
    await w.client.end().catch(() => undefined);
  }
});

test('statements running longer than the timeouts complete; the timer starts once they are done', async () => {
  const w = await watched();
  try {
    const sleep = PAST_TIMEOUT_MS / 1000;
    // Queued together (see above): simple protocol outside and inside a block, then the
    // extended protocol with parameters.
    const [simple, ext] = await Promise.all([
      w.client.query(
        `SET idle_session_timeout = ${TIMEOUT_MS}; SET idle_in_transaction_session_timeout = ${TIMEOUT_MS};
         SELECT pg_sleep(${sleep}) AS a; BEGIN; SELECT pg_sleep(${sleep}) AS b; COMMIT`,
      ),
      w.client.query({ text: 'SELECT pg_sleep($1::float8) AS s, $2::int4 AS n', values: [sleep, 7] }),
    ]);
    expect((simple as any).map((r: any) => r.command)).toEqual(['SET', 'SET', 'SELECT', 'BEGIN', 'SELECT', 'COMMIT']);
    expect([(simple as any)[2].rows, (simple as any)[4].rows]).toEqual([[{ a: '' }], [{ b: '' }]]);
    expect(ext.rows).toEqual([{ s: '', n: 7 }]);
    expect(w.isEnded()).toBe(false);
    await expectTerminated(w, ...IDLE_SESSION);
  } finally {
    await w.client.end().catch(() => undefined);
  }
});

test('0 (the default, or after RESET) never times out', async () => {
  const w = await watched();
  try {
    await delay(PAST_TIMEOUT_MS);
    await w.client.query(`SET idle_session_timeout = ${TIMEOUT_MS}; RESET idle_session_timeout`);
    await delay(PAST_TIMEOUT_MS);
    await w.client.query(`BEGIN; SET idle_in_transaction_session_timeout = ${TIMEOUT_MS}; SET idle_in_transaction_session_timeout = 0`);
    await delay(PAST_TIMEOUT_MS);
    expect(w.isEnded()).toBe(false);
    expect((await w.client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    await w.client.query('COMMIT');
  } finally {
    await w.client.end();
  }
});

test('idle_session_timeout does not apply inside a block; it does again after COMMIT', async () => {
  const w = await watched();
  try {
    await w.client.query(`SET idle_session_timeout = ${TIMEOUT_MS}; BEGIN`);
    await delay(PAST_TIMEOUT_MS);
    expect(w.isEnded()).toBe(false);
    await w.client.query('COMMIT');
    await expectTerminated(w, ...IDLE_SESSION);
  } finally {
    await w.client.end().catch(() => undefined);
  }
});

test('startup options -c idle_session_timeout=300 apply from the first ReadyForQuery', async () => {
  const w = await watched({ options: `-c idle_session_timeout=${TIMEOUT_MS}` } as ClientConfig);
  try {
    await expectTerminated(w, ...IDLE_SESSION);
  } finally {
    await w.client.end().catch(() => undefined);
  }
});

test('bad values are rejected like statement_timeout', async () => {
  const client = new Client(target.pgConfig());
  await client.connect();
  try {
    await expect(client.query("SET idle_session_timeout = 'soon'")).rejects.toMatchObject({
      code: '22023',
      message: 'invalid value for parameter "idle_session_timeout": "soon"',
    });
    await expect(client.query('SET idle_in_transaction_session_timeout = -5')).rejects.toMatchObject({
      code: '22023',
      message: '-5 ms is outside the valid range for parameter "idle_in_transaction_session_timeout" (0 ms .. 2147483647 ms)',
    });
    await client.query("SET idle_in_transaction_session_timeout = '2min'");
    expect((await client.query('SHOW idle_in_transaction_session_timeout')).rows).toEqual([{ idle_in_transaction_session_timeout: '2min' }]);
  } finally {
    await client.end();
  }
});
