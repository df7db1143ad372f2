// Integration with a real driver: node-postgres (`pg`) against serveConnection over loopback,
// covering its startup, SCRAM/MD5/cleartext auth, simple and extended queries, COPY-free paths
// and error mapping.
import { Client } from 'pg';
import { startHarness, type Harness } from '../testing/harness';
import type { AuthMethod } from './options';

async function connect(h: Harness, user: string, password?: string): Promise<Client> {
  const client = new Client({ host: '127.0.0.1', port: h.port, user, database: 'db', ...(password !== undefined ? { password } : {}) });
  await client.connect();
  return client;
}

describe('node-postgres client against serveConnection', () => {
  let h: Harness;
  afterEach(() => h.close());

  it.each<AuthMethod>(['trust', 'password', 'md5', 'scram-sha-256'])('authenticates with %s and runs queries', async (method) => {
    h = await startHarness({ method, passwords: { alice: 's3cret' } });
    const client = await connect(h, 'alice', 's3cret');
    const simple = await client.query('rows 3');
    expect(simple.rows).toEqual([{ n: 3 - 2 }, { n: 2 }, { n: 3 }]);
    expect(simple.command).toBe('SELECT');
    const extended = await client.query('echo $1', ['hi']);
    expect(extended.rows).toEqual([{ p: 'hi' }]);
    await client.end();
  });

  it.each<AuthMethod>(['password', 'md5', 'scram-sha-256'])('rejects a wrong password with %s: 28P01', async (method) => {
    h = await startHarness({ method, passwords: { alice: 's3cret' } });
    const client = new Client({ host: '127.0.0.1', port: h.port, user: 'alice', password: 'nope', database: 'db' });
    await expect(client.connect()).rejects.toMatchObject({
      code: '28P01',
      severity: 'FATAL',
      message: 'password authentication failed for user "alice"',
    });
  });

  it('rejects an unknown user with SCRAM (mock exchange) as 28P01', async () => {
    h = await startHarness({ method: 'scram-sha-256', passwords: {} });
    const client = new Client({ host: '127.0.0.1', port: h.port, user: 'mallory', password: 'x', database: 'db' });
    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('the same user gets the same SCRAM credentials on every connection (per-process cache)', async () => {
    h = await startHarness({ method: 'scram-sha-256', passwords: { alice: 's3cret' } });
    const a = await connect(h, 'alice', 's3cret');
    const first = h.scramCache.get('alice')!.credentials;
    const b = await connect(h, 'alice', 's3cret');
    expect(h.scramCache.get('alice')!.credentials).toBe(first);
    expect(h.scramCache.size).toBe(1);
    await Promise.all([a.end(), b.end()]);
  });

  it('maps ErrorResponse fields to DatabaseError and keeps the connection usable', async () => {
    h = await startHarness();
    const client = await connect(h, 'alice');
    await expect(client.query('error')).rejects.toMatchObject({ code: '42601', position: '1', severity: 'ERROR' });
    expect((await client.query('rows 2')).rowCount).toBe(2);
    await client.end();
  });

  it('handles pipelined extended queries in order', async () => {
    h = await startHarness();
    const client = await connect(h, 'alice');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.query(`echo $1`, [String(i)])));
    expect(results.map((r) => r.rows[0].p)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    await client.end();
  });
});
