// The auth exchange over the wire with a hand-written client, including the RFC 7677 client
// messages and malformed input.
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { encodePassword } from '../messages/frontend/password';
import { encodeSASLInitialResponse } from '../messages/frontend/sasl-initial-response';
import { encodeSASLResponse } from '../messages/frontend/sasl-response';
import { startHarness, startupBytes, type Harness } from '../testing/harness';
import { WireClient } from '../testing/wire-client';
import { md5PasswordResponse } from './md5';

/** A minimal SCRAM client (RFC 5802) to drive the server byte by byte. */
function scramProof(password: string, clientFirstBare: string, serverFirst: string, clientFinalNoProof: string) {
  const attrs = Object.fromEntries(serverFirst.split(',').map((a) => [a[0], a.slice(2)]));
  const salted = pbkdf2Sync(password, Buffer.from(attrs['s']!, 'base64'), Number(attrs['i']), 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const authMessage = `${clientFirstBare},${serverFirst},${clientFinalNoProof}`;
  const sig = createHmac('sha256', storedKey).update(authMessage).digest();
  const proof = Buffer.from(clientKey.map((b, i) => b ^ sig[i]!));
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return { proof: proof.toString('base64'), serverSignature: createHmac('sha256', serverKey).update(authMessage).digest('base64') };
}

describe('authentication over the wire', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('SCRAM: SASL list, server-first with 4096 iterations, verified final, then AuthenticationOk', async () => {
    h = await startHarness({ method: 'scram-sha-256', passwords: { user: 'pencil' } });
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'user' }));
    expect(await c.next()).toEqual({ type: 'AuthenticationSASL', mechanisms: ['SCRAM-SHA-256'] });
    const clientFirstBare = 'n=,r=rOprNGfwEbeRWgbNEkqO';
    c.send((w) => encodeSASLInitialResponse(w, { mechanism: 'SCRAM-SHA-256', data: Buffer.from(`n,,${clientFirstBare}`) }));
    const cont = await c.next();
    if (cont.type !== 'AuthenticationSASLContinue') throw new Error(cont.type);
    const serverFirst = cont.data.toString();
    expect(serverFirst).toMatch(/^r=rOprNGfwEbeRWgbNEkqO[A-Za-z0-9+/=]+,s=[A-Za-z0-9+/]+=*,i=4096$/);
    const nonce = serverFirst.split(',')[0]!.slice(2);
    const noProof = `c=biws,r=${nonce}`;
    const { proof, serverSignature } = scramProof('pencil', clientFirstBare, serverFirst, noProof);
    c.send((w) => encodeSASLResponse(w, { data: Buffer.from(`${noProof},p=${proof}`) }));
    expect(await c.next()).toEqual({ type: 'AuthenticationSASLFinal', data: Buffer.from(`v=${serverSignature}`) });
    expect(await c.next()).toEqual({ type: 'AuthenticationOk' });
    c.close();
  });

  it('SCRAM: a wrong proof -> FATAL 28P01, an unsupported mechanism -> FATAL 08P01', async () => {
    h = await startHarness({ method: 'scram-sha-256', passwords: { user: 'pencil' } });
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'user' }));
    await c.next();
    c.send((w) => encodeSASLInitialResponse(w, { mechanism: 'SCRAM-SHA-256', data: Buffer.from('n,,n=,r=abc') }));
    const cont = await c.next();
    const nonce = (cont as { data: Buffer }).data.toString().split(',')[0]!.slice(2);
    c.send((w) => encodeSASLResponse(w, { data: Buffer.from(`c=biws,r=${nonce},p=${Buffer.alloc(32).toString('base64')}`) }));
    expect(await c.closedAfter()).toEqual([
      { type: 'ErrorResponse', fields: { S: 'FATAL', V: 'FATAL', C: '28P01', M: 'password authentication failed for user "user"' } },
    ]);

    const d = await WireClient.connect(h.port);
    d.sendRaw(startupBytes({ user: 'user' }));
    await d.next();
    d.send((w) => encodeSASLInitialResponse(w, { mechanism: 'SCRAM-SHA-256-PLUS', data: Buffer.from('p=tls-unique,,n=,r=abc') }));
    expect((await d.closedAfter())[0]).toMatchObject({ fields: { C: '08P01', M: 'client selected an invalid SASL authentication mechanism' } });
  });

  it('MD5: salt in the request, verified response', async () => {
    h = await startHarness({ method: 'md5', passwords: { bob: 'hunter2' } });
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'bob' }));
    const req = await c.next();
    if (req.type !== 'AuthenticationMD5Password') throw new Error(req.type);
    c.send((w) => encodePassword(w, { password: md5PasswordResponse('bob', 'hunter2', req.salt) }));
    expect(await c.next()).toEqual({ type: 'AuthenticationOk' });
    c.close();
  });

  it('cleartext: a user with no configured password fails with 28P01, as does an empty password', async () => {
    h = await startHarness({ method: 'password', passwords: { bob: '' } });
    for (const user of ['nobody', 'bob']) {
      const c = await WireClient.connect(h.port);
      c.sendRaw(startupBytes({ user }));
      expect(await c.next()).toEqual({ type: 'AuthenticationCleartextPassword' });
      c.send((w) => encodePassword(w, { password: '' }));
      expect((await c.closedAfter())[0]).toMatchObject({ fields: { C: '28P01', M: `password authentication failed for user "${user}"` } });
    }
  });

  it('the method is chosen per user/database/address by the AuthProvider', async () => {
    const seen: string[] = [];
    h = await startHarness({
      overrides: {
        auth: {
          method: (user, database, address) => {
            seen.push(`${user}/${database}/${address}`);
            return user === 'admin' ? 'password' : 'trust';
          },
          password: () => 'pw',
        },
      },
    });
    const a = await WireClient.connect(h.port);
    a.sendRaw(startupBytes({ user: 'guest', database: 'd1' }));
    expect(await a.next()).toEqual({ type: 'AuthenticationOk' });
    const b = await WireClient.connect(h.port);
    b.sendRaw(startupBytes({ user: 'admin' }));
    expect(await b.next()).toEqual({ type: 'AuthenticationCleartextPassword' });
    expect(seen).toEqual([expect.stringMatching(/^guest\/d1\/.*127\.0\.0\.1$/), expect.stringMatching(/^admin\/admin\//)]);
    a.close();
    b.close();
  });
});
