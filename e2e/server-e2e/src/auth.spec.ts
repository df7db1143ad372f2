// Authentication configured from the server's config file: alice uses SCRAM-SHA-256 (a user
// with a password and no method), bob md5, carol cleartext password, and everyone else the
// default method (scram-sha-256, which fails for unknown users with 28P01, as PostgreSQL's
// mock authentication does). Checked with a raw client (which request the server sends),
// node-postgres and psql. Always runs against vecgres (it needs the server's config file).
import { Client, ClientConfig } from 'pg';
import { serialize } from 'pg-protocol';
import { RawConnection } from './testing/raw-connection';
import { runPsql } from './testing/psql';
import { ServerHandle, startServer } from '@vecgres/server-process';
import { rejectionOf } from './testing/wait';

const USERS = {
  alice: { password: 'alice-Secret1' },
  bob: { password: 'bob-Secret2', method: 'md5' },
  carol: { password: 'carol-Secret3', method: 'password' },
};

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ config: { auth: { users: USERS, defaultMethod: 'scram-sha-256' } } });
});

afterAll(async () => {
  await server?.stop();
});

/** The AuthenticationRequest code (int32 after 'R') the server sends `user` at startup. */
async function authRequestFor(user: string): Promise<{ code: number; payload: Buffer }> {
  const raw = await RawConnection.connect(server.host, server.port);
  try {
    raw.send(serialize.startup({ user, database: 'postgres' }));
    const msg = await raw.waitFor((m) => m.type === 'R' || m.type === 'E', 10_000, `auth request for ${user}`);
    if (msg.type === 'E') throw new Error(`startup of ${user} failed: ${raw.describeMessages()}`);
    return { code: msg.payload.readInt32BE(0), payload: msg.payload };
  } finally {
    raw.destroy();
  }
}

async function connectAndSelect(config: ClientConfig): Promise<unknown> {
  const client = new Client(config);
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS ok')).rows;
  } finally {
    await client.end();
  }
}

describe('the server asks for the configured method', () => {
  test('alice: AuthenticationSASL offering SCRAM-SHA-256', async () => {
    const { code, payload } = await authRequestFor('alice');
    expect(code).toBe(10);
    const mechanisms = payload.subarray(4).toString('utf8').split('\0').filter(Boolean);
    expect(mechanisms).toContain('SCRAM-SHA-256');
  });

  test('bob: AuthenticationMD5Password with a 4-byte salt', async () => {
    const { code, payload } = await authRequestFor('bob');
    expect(code).toBe(5);
    expect(payload.length).toBe(8);
  });

  test('carol: AuthenticationCleartextPassword', async () => {
    expect((await authRequestFor('carol')).code).toBe(3);
  });

  test('an unknown user gets the default method too (no hint that the user does not exist)', async () => {
    expect((await authRequestFor('mallory')).code).toBe(10);
  });
});

describe('node-postgres', () => {
  test.each(Object.entries(USERS))('%s connects with the right password', async (user, { password }) => {
    expect(await connectAndSelect(server.pgConfig({ user, password }))).toEqual([{ ok: 1 }]);
  });

  test.each(Object.keys(USERS))('%s with a wrong password: 28P01', async (user) => {
    const err = await rejectionOf(connectAndSelect(server.pgConfig({ user, password: 'wrong' })));
    expect(err).toMatchObject({ code: '28P01', severity: 'FATAL', message: `password authentication failed for user "${user}"` });
  });

  test('an unknown user: 28P01 with the same message shape', async () => {
    const err = await rejectionOf(connectAndSelect(server.pgConfig({ user: 'mallory', password: 'whatever' })));
    expect(err).toMatchObject({ code: '28P01', message: 'password authentication failed for user "mallory"' });
  });

  test('the server still serves after failed logins', async () => {
    expect(await connectAndSelect(server.pgConfig({ user: 'alice', password: USERS.alice.password }))).toEqual([{ ok: 1 }]);
    server.assertAlive();
  });
});

describe('psql', () => {
  test.each(Object.entries(USERS))('%s connects with the right password', async (user, { password }) => {
    const r = await runPsql(server.conninfo({ user }), [{ c: 'SELECT 1' }], { password });
    if (r.code !== 0) throw new Error(`psql exited ${r.code}: ${r.stderr}`);
    expect(r.stdout).toBe('1\n');
  });

  test('a wrong password: psql exits 2 with the FATAL message', async () => {
    const r = await runPsql(server.conninfo({ user: 'alice' }), [{ c: 'SELECT 1' }], { password: 'nope' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FATAL:  password authentication failed for user "alice"');
  });

  test('no password at all for a scram user: psql cannot connect (-w never prompts)', async () => {
    const r = await runPsql(server.conninfo({ user: 'alice' }), [{ c: 'SELECT 1' }]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/password|authentication/i);
  });
});
