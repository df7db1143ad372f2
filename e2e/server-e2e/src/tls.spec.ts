// TLS: a server started with --tls-cert/--tls-key (a self-signed certificate made with openssl
// at test time) answers SSLRequest with 'S'; psql with sslmode=require gets an encrypted
// session, sslmode=disable still works in plain text. Always runs against vecgres.
import { TLSSocket } from 'node:tls';
import { Client, Query } from 'pg';
import postgres from 'postgres';
import { runPsql } from './testing/psql';
import { ServerHandle, startServer } from '@vecgres/server-process';
import { makeTempDir, TempDir } from '@vecgres/server-process';
import { makeSelfSignedCert } from './testing/tls-cert';

const ALICE_PASSWORD = 'tls-Secret-4';
let dir: TempDir;
let server: ServerHandle;

beforeAll(async () => {
  dir = makeTempDir('vecgres-e2e-tls-');
  const { cert, key } = makeSelfSignedCert(dir);
  server = await startServer({
    tempDir: dir,
    args: ['--tls-cert', cert, '--tls-key', key],
    // alice: SCRAM over TLS (libpq and pg then look for SCRAM-SHA-256-PLUS channel binding);
    // everyone else: the loopback default (trust).
    config: { auth: { users: { alice: { password: ALICE_PASSWORD } } } },
  });
});

afterAll(async () => {
  await server?.stop();
  dir?.remove();
});

function expectOk(r: { code: number; stderr: string }): void {
  if (r.code !== 0) throw new Error(`psql exited ${r.code}: ${r.stderr}`);
}

test('psql sslmode=require: SELECT 1 over TLS', async () => {
  const r = await runPsql(server.conninfo({ sslmode: 'require' }), [{ c: 'SELECT 1' }, { c: '\\conninfo' }]);
  expectOk(r);
  const lines = r.stdout.split('\n');
  expect(lines[0]).toBe('1');
  expect(r.stdout).toMatch(/SSL connection \(protocol: TLSv1\.[23]/);
});

test('psql sslmode=disable still works, without TLS', async () => {
  const r = await runPsql(server.conninfo({ sslmode: 'disable' }), [{ c: 'SELECT 1' }, { c: '\\conninfo' }]);
  expectOk(r);
  expect(r.stdout.split('\n')[0]).toBe('1');
  expect(r.stdout).not.toContain('SSL connection');
});

test('psql sslmode=verify-full: the server presents the configured certificate', async () => {
  const r = await runPsql(server.conninfo({ sslmode: 'verify-full', sslrootcert: dir.file('server.crt'), host: 'localhost' }), [{ c: 'SELECT 1' }]);
  // The certificate is for CN=localhost and psql trusts it as its root: verify-full passes
  // only when the server presents exactly that certificate.
  expectOk(r);
  expect(r.stdout).toBe('1\n');
});

test('node-postgres over TLS: the socket is a TLSSocket and queries work', async () => {
  const client = new Client(server.pgConfig({ ssl: { rejectUnauthorized: false } }));
  await client.connect();
  try {
    const stream = (client as any).connection.stream;
    expect(stream).toBeInstanceOf(TLSSocket);
    expect((stream as TLSSocket).encrypted).toBe(true);
    expect((await client.query('SELECT $1::text AS t', ['tls'])).rows).toEqual([{ t: 'tls' }]);
  } finally {
    await client.end();
  }
});

test('postgres.js with ssl: require', async () => {
  const sql = postgres({ host: server.host, port: server.port, user: 'postgres', database: 'postgres', ssl: 'require', max: 1 });
  try {
    expect([...(await sql`select ${5}::int4 as n`)]).toEqual([{ n: 5 }]);
  } finally {
    await sql.end({ timeout: 5 });
  }
});

test('SCRAM over TLS: psql (channel_binding=prefer) and node-postgres log in as alice', async () => {
  const r = await runPsql(server.conninfo({ sslmode: 'require', user: 'alice' }), [{ c: 'SELECT 1' }], { password: ALICE_PASSWORD });
  expectOk(r);
  expect(r.stdout).toBe('1\n');
  const client = new Client(server.pgConfig({ user: 'alice', password: ALICE_PASSWORD, ssl: { rejectUnauthorized: false } }));
  await client.connect();
  try {
    expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  } finally {
    await client.end();
  }
  const wrong = await runPsql(server.conninfo({ sslmode: 'require', user: 'alice' }), [{ c: 'SELECT 1' }], { password: 'nope' });
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('password authentication failed for user "alice"');
});

test('CancelRequest from a TLS client (SSLRequest first, then the cancel packet)', async () => {
  const config = server.pgConfig({ ssl: { rejectUnauthorized: false } });
  const client = new Client(config);
  await client.connect();
  try {
    const query = new Query('SELECT pg_sleep(30)');
    const result = new Promise<any>((resolve) => {
      query.on('error', resolve);
      query.on('end', () => resolve('completed'));
      client.query(query);
    });
    let settled = false;
    void result.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 10 && !settled; i++) {
      (new Client(config) as any).cancel(client, query);
      await Promise.race([result, new Promise((r) => setTimeout(r, 1000))]);
    }
    expect(await result).toMatchObject({ code: '57014', message: 'canceling statement due to user request' });
    expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  } finally {
    await client.end();
  }
});
