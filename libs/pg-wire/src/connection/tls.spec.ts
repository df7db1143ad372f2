// SSLRequest with TLS configured: 'S', then the handshake, then the whole protocol over TLS.
import { createSecureContext } from 'node:tls';
import { Client } from 'pg';
import { BufferWriter } from '../buffer/buffer-writer';
import { encodeSSLRequest } from '../messages/frontend/ssl-request';
import { startHarness, startupBytes, type Harness } from '../testing/harness';
import { TEST_CERT_PEM, TEST_KEY_PEM } from '../testing/tls-fixture';
import { WireClient } from '../testing/wire-client';

describe('TLS upgrade', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({
      method: 'scram-sha-256',
      passwords: { alice: 'pw' },
      overrides: { tls: createSecureContext({ cert: TEST_CERT_PEM, key: TEST_KEY_PEM }) },
    });
  });
  afterEach(() => h.close());

  it('pg with ssl (verifying the certificate) authenticates and queries over TLS', async () => {
    const client = new Client({
      host: '127.0.0.1',
      port: h.port,
      user: 'alice',
      password: 'pw',
      database: 'db',
      ssl: { ca: TEST_CERT_PEM, servername: 'localhost' },
    });
    await client.connect();
    expect((await client.query('rows 2')).rows).toEqual([{ n: 1 }, { n: 2 }]);
    expect((await client.query('echo $1', ['tls'])).rows).toEqual([{ p: 'tls' }]);
    await client.end();
  });

  it('StartupInfo.tls is true after the upgrade', async () => {
    let tls: boolean | undefined;
    await h.close();
    h = await startHarness({
      overrides: {
        tls: createSecureContext({ cert: TEST_CERT_PEM, key: TEST_KEY_PEM }),
        createHandler: async (info) => {
          tls = info.tls;
          const { FakeHandler } = await import('../testing/fake-handler');
          return new FakeHandler();
        },
      },
    });
    const client = new Client({ host: '127.0.0.1', port: h.port, user: 'u', database: 'db', ssl: { rejectUnauthorized: false } });
    await client.connect();
    await client.end();
    expect(tls).toBe(true);
  });

  it('plaintext bytes pipelined after SSLRequest are refused (CVE-2021-23214)', async () => {
    const c = await WireClient.connect(h.port);
    const w = new BufferWriter();
    encodeSSLRequest(w);
    c.sendRaw(Buffer.concat([w.flush(), startupBytes({ user: 'alice' })]));
    const msgs = await c.closedAfter();
    expect(msgs[0]).toMatchObject({ fields: { S: 'FATAL', C: '08P01', M: 'received unencrypted data after SSL request' } });
  });

  it('a failed handshake closes the connection without a handler', async () => {
    const c = await WireClient.connect(h.port);
    c.send(encodeSSLRequest);
    expect(await c.readByte()).toBe('S');
    c.sendRaw(Buffer.from('this is not a TLS ClientHello at all'));
    await c.closedAfter();
    await Promise.all(h.connections.map((x) => x.closed));
    expect(h.handlers).toHaveLength(0);
  });
});
