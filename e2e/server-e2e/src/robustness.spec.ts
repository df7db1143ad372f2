// Misbehaving clients on raw sockets: a bad message type, absurd lengths, a truncated startup,
// random bytes, clients vanishing mid-result. Each gets FATAL 08P01 or is simply closed, and
// a separate node-postgres "witness" session on the same server keeps working throughout.
// Always runs against vecgres (it watches the server process).
import { Client } from 'pg';
import { serialize } from 'pg-protocol';
import { parseErrorFields } from './testing/backend-messages';
import { randomBytes, seededRandom } from './testing/fuzz-frames';
import { rssMiB } from '@vecgres/server-process';
import { RawConnection } from './testing/raw-connection';
import { ServerHandle, startServer } from '@vecgres/server-process';
import { delay } from './testing/wait';

let server: ServerHandle;
let witness: Client;

beforeAll(async () => {
  server = await startServer();
  witness = new Client(server.pgConfig());
  await witness.connect();
});

afterAll(async () => {
  await witness?.end().catch(() => undefined);
  await server?.stop();
});

afterEach(async () => {
  server.assertAlive();
  expect((await witness.query('SELECT $1::int4 AS alive', [1])).rows).toEqual([{ alive: 1 }]);
});

async function rawSession(): Promise<RawConnection> {
  const raw = await RawConnection.connect(server.host, server.port);
  await raw.startup();
  return raw;
}

function frame(type: string, payload: Buffer, length = payload.length + 4): Buffer {
  const b = Buffer.alloc(5 + payload.length);
  b.write(type, 0, 'latin1');
  b.writeInt32BE(length, 1);
  payload.copy(b, 5);
  return b;
}

/** The connection ends with FATAL 08P01 and is closed by the server. */
async function expectFatalProtocolViolation(raw: RawConnection): Promise<void> {
  const err = await raw.waitFor((m) => m.type === 'E', 10_000, 'FATAL 08P01');
  expect(parseErrorFields(err.payload)).toMatchObject({ severity: 'FATAL', code: '08P01' });
  expect(await raw.waitClosed(10_000)).toBe('closed');
}

/**
 * The server closes the connection by itself, optionally after FATAL 08P01 (PostgreSQL only
 * logs a bad message length, since the stream is out of sync, and closes without a reply).
 */
async function expectServerCloses(raw: RawConnection): Promise<void> {
  expect(await raw.waitClosed(10_000)).toBe('closed');
  const err = raw.firstError();
  if (err) expect(err).toMatchObject({ severity: 'FATAL', code: '08P01' });
}

/** The server either says FATAL 08P01 or just closes; it must not hang once we close our side. */
async function expectRejectedOrClosed(raw: RawConnection): Promise<void> {
  expect(await raw.endAndWaitClosed(10_000)).toBe('closed');
  const err = raw.firstError();
  if (err) expect(err).toMatchObject({ severity: 'FATAL', code: '08P01' });
}

test('an unknown message type after startup: FATAL 08P01 and the connection is closed', async () => {
  const raw = await rawSession();
  raw.send(frame('z', Buffer.alloc(0)));
  await expectFatalProtocolViolation(raw);
});

test('a message length of 0x7fffffff: closed (or FATAL 08P01) without allocating it', async () => {
  const before = rssMiB(server.pid);
  const raw = await rawSession();
  raw.send(frame('Q', Buffer.from('SELECT 1\0'), 0x7fffffff));
  await expectServerCloses(raw);
  expect(rssMiB(server.pid) - before).toBeLessThan(100);
});

test('a message length below 4: closed (or FATAL 08P01)', async () => {
  const raw = await rawSession();
  raw.send(frame('Q', Buffer.alloc(0), 2));
  await expectServerCloses(raw);
});

test('a startup packet length of 0x7fffffff: rejected or closed', async () => {
  const raw = await RawConnection.connect(server.host, server.port);
  const b = Buffer.alloc(8);
  b.writeInt32BE(0x7fffffff, 0);
  b.writeInt32BE(196608, 4); // protocol 3.0
  raw.send(b);
  await expectRejectedOrClosed(raw);
});

test('a truncated startup packet followed by EOF: the server closes the connection', async () => {
  const raw = await RawConnection.connect(server.host, server.port);
  raw.send(serialize.startup({ user: 'postgres', database: 'postgres' }).subarray(0, 10));
  await expectRejectedOrClosed(raw);
});

test('an unsupported protocol version: an error (0A000 like PostgreSQL, or 08P01), then closed', async () => {
  const raw = await RawConnection.connect(server.host, server.port);
  const firstBytes = new Promise<Buffer>((resolve) => raw.socket.once('data', resolve));
  const startup = Buffer.from(serialize.startup({ user: 'postgres', database: 'postgres' }));
  startup.writeInt32BE(0x00020000, 4); // protocol 2.0
  raw.send(startup);
  expect(await raw.waitClosed(10_000)).toBe('closed');
  // PostgreSQL answers a 2.0 client in the 2.0 error format ('E' + text, no length field);
  // a v3 ErrorResponse is fine too. Either way an error comes before the close.
  expect(raw.received).toBeGreaterThan(0);
  expect((await firstBytes).toString('latin1', 0, 1)).toBe('E');
  const v3 = raw.firstError();
  if (v3) expect(v3).toMatchObject({ severity: 'FATAL', code: expect.stringMatching(/^(0A000|08P01)$/) });
});

test('a regular message instead of a startup packet: rejected or closed', async () => {
  const raw = await RawConnection.connect(server.host, server.port);
  raw.send(serialize.query('SELECT 1'));
  await expectRejectedOrClosed(raw);
});

test.each([1, 2, 3, 4, 5])('random bytes as the first data (seed %i): rejected or closed', async (seed) => {
  const rng = seededRandom(seed);
  const raw = await RawConnection.connect(server.host, server.port);
  raw.send(randomBytes(rng, 1 + Math.floor(rng() * 2000)));
  await expectRejectedOrClosed(raw);
});

test('random bytes after a good startup: rejected or closed', async () => {
  const rng = seededRandom(42);
  for (let i = 0; i < 5; i++) {
    const raw = await rawSession();
    raw.send(randomBytes(rng, 1 + Math.floor(rng() * 4000)));
    await expectRejectedOrClosed(raw);
  }
});

test('SSLRequest on a server without TLS is answered N, and startup continues on the socket', async () => {
  const raw = await RawConnection.connect(server.host, server.port);
  try {
    expect(await raw.requestSsl()).toBe('N');
    await raw.startup();
    const r = await raw.exchange(serialize.query('SELECT 1'));
    expect(r.map((m) => m.type)).toEqual(['T', 'D', 'C', 'Z']);
  } finally {
    raw.destroy();
  }
});

test('a connection that never sends anything and closes does not disturb the server', async () => {
  const raw = await RawConnection.connect(server.host, server.port);
  await delay(100);
  raw.destroy();
});

test('clients that vanish in the middle of a large result do not leak the query', async () => {
  const before = rssMiB(server.pid);
  for (let i = 0; i < 5; i++) {
    const raw = await rawSession();
    raw.send(serialize.query('SELECT * FROM generate_series(1, 10000000)'));
    await raw.waitFor((m) => m.type === 'D', 10_000, 'the first DataRow');
    raw.socket.pause(); // stop reading: the server must hit backpressure, not buffer
    await delay(200);
    raw.destroy();
  }
  await delay(500);
  // A server that kept producing (or buffering) 5 x 10M rows would grow by gigabytes.
  expect(rssMiB(server.pid) - before).toBeLessThan(150);
});

test('pipelined garbage after valid queries: the valid ones are answered first', async () => {
  const raw = await rawSession();
  raw.send(Buffer.concat([serialize.query('SELECT 1'), serialize.query('SELECT 2'), frame('\xff', Buffer.from('junk'))]));
  await expectFatalProtocolViolation(raw);
  expect(raw.messages.filter((m) => m.type === 'D').length).toBe(2);
});
