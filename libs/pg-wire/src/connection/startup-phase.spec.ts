import { BufferWriter } from '../buffer/buffer-writer';
import { StartupCode } from '../messages/codes';
import { encodeCancelRequest } from '../messages/frontend/cancel-request';
import { encodeGSSENCRequest } from '../messages/frontend/gssenc-request';
import { encodeSSLRequest } from '../messages/frontend/ssl-request';
import { startHarness, startupBytes, type Harness } from '../testing/harness';
import { WireClient, types } from '../testing/wire-client';

describe('startup phase', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it("SSLRequest without TLS configured -> 'N', then a plain startup works", async () => {
    const c = await WireClient.connect(h.port);
    c.send(encodeSSLRequest);
    expect(await c.readByte()).toBe('N');
    c.sendRaw(startupBytes({ user: 'u' }));
    expect((await c.until('ReadyForQuery')).pop()).toEqual({ type: 'ReadyForQuery', status: 'I' });
    c.close();
  });

  it("GSSENCRequest -> 'N', then SSLRequest -> 'N', then startup", async () => {
    const c = await WireClient.connect(h.port);
    c.send(encodeGSSENCRequest);
    expect(await c.readByte()).toBe('N');
    c.send(encodeSSLRequest);
    expect(await c.readByte()).toBe('N');
    c.sendRaw(startupBytes({ user: 'u' }));
    await c.until('ReadyForQuery');
    c.close();
  });

  it('a second SSLRequest is an unsupported protocol version (FATAL 0A000), like the postmaster', async () => {
    const c = await WireClient.connect(h.port);
    c.send(encodeSSLRequest);
    await c.readByte();
    c.send(encodeSSLRequest);
    const msgs = await c.closedAfter();
    expect(msgs).toEqual([
      { type: 'ErrorResponse', fields: expect.objectContaining({ S: 'FATAL', C: '0A000', M: 'unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0' }) },
    ]);
  });

  it('CancelRequest -> options.cancel(pid, key), closed without a reply', async () => {
    const c = await WireClient.connect(h.port);
    c.send((w) => encodeCancelRequest(w, { processId: 4242, secretKey: -5 }));
    expect(await c.closedAfter()).toEqual([]);
    expect(h.cancels).toEqual([[4242, -5]]);
    expect(h.handlers).toHaveLength(0);
  });

  it('protocol 2.0 -> FATAL 0A000 unsupported frontend protocol', async () => {
    const c = await WireClient.connect(h.port);
    const w = new BufferWriter();
    w.startMessage().uint32(0x00020000).bytes(Buffer.alloc(292)).endMessage();
    c.sendRaw(w.flush());
    const msgs = await c.closedAfter();
    expect(msgs[0]).toMatchObject({ fields: { S: 'FATAL', C: '0A000', M: 'unsupported frontend protocol 2.0: server supports 3.0 to 3.0' } });
  });

  it('protocol 3.2 and _pq_ options -> NegotiateProtocolVersion(0, options), then normal startup', async () => {
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'u', '_pq_.compression': 'on' }, 0x00030002));
    const msgs = await c.until('ReadyForQuery');
    expect(msgs[0]).toEqual({ type: 'NegotiateProtocolVersion', newestMinor: 0, unrecognizedOptions: ['_pq_.compression'] });
    expect(types(msgs).slice(1, 2)).toEqual(['AuthenticationOk']);
    c.close();
  });

  it('missing user -> FATAL 28000', async () => {
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ database: 'x' }));
    expect((await c.closedAfter())[0]).toMatchObject({
      fields: { S: 'FATAL', C: '28000', M: 'no PostgreSQL user name specified in startup packet' },
    });
  });

  it('oversize startup packet -> FATAL 08P01 before the body arrives', async () => {
    const c = await WireClient.connect(h.port);
    const header = Buffer.alloc(8);
    header.writeInt32BE(10001, 0);
    header.writeUInt32BE(StartupCode.Protocol3, 4);
    c.sendRaw(header);
    expect((await c.closedAfter())[0]).toMatchObject({ fields: { S: 'FATAL', C: '08P01', M: 'invalid length of startup packet' } });
  });

  it('createHandler rejection -> FATAL with its SQLSTATE, e.g. 53300', async () => {
    await h.close();
    const { tooManyConnections } = await import('@vecgres/errors');
    h = await startHarness({
      overrides: {
        createHandler: async () => {
          throw tooManyConnections('sorry, too many clients already');
        },
      },
    });
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'u' }));
    const msgs = await c.closedAfter();
    expect(types(msgs)).toEqual(['AuthenticationOk', 'ErrorResponse']);
    expect(msgs[1]).toMatchObject({ fields: { S: 'FATAL', C: '53300', M: 'sorry, too many clients already' } });
  });

  it('a client that hangs up during the password exchange closes quietly (no handler)', async () => {
    await h.close();
    h = await startHarness({ method: 'md5', passwords: { u: 'p' } });
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'u' }));
    expect((await c.next()).type).toBe('AuthenticationMD5Password');
    c.close();
    await waitClosed(h);
    expect(h.handlers).toHaveLength(0);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('a non-password message during authentication -> FATAL 08P01', async () => {
    await h.close();
    h = await startHarness({ method: 'password', passwords: { u: 'p' } });
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'u' }));
    await c.next();
    c.sendRaw(Buffer.from([0x51, 0, 0, 0, 5, 0]));
    expect((await c.closedAfter())[0]).toMatchObject({ fields: { C: '08P01', M: 'expected password response, got message type 81' } });
  });
});

async function waitClosed(h: Harness): Promise<void> {
  await Promise.all(h.connections.map((c) => c.closed));
}
