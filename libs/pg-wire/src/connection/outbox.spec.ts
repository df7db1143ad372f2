// Outbox flushes: over a net.Socket the writer's buffer is reused once a write completed
// synchronously, and handed over when the socket had to queue it; other duplexes always get
// bytes of their own. In every case each flushed byte must arrive as written.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { Outbox } from './outbox';

/** A flush's content: `n` bytes, all `seed`'s pattern, so a later overwrite shows. */
function pattern(seed: number, n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (seed * 31 + i) & 0xff;
  return b;
}

async function socketPair(): Promise<{ server: Server; a: Socket; b: Socket }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const a = connect((server.address() as { port: number }).port, '127.0.0.1');
  await new Promise<void>((resolve) => a.once('connect', resolve));
  return { server, a, b: await accepted };
}

function collect(s: Socket | PassThrough, total: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let got = 0;
  return new Promise((resolve) => {
    s.on('data', (c: Buffer) => {
      chunks.push(c);
      got += c.length;
      if (got >= total) resolve(Buffer.concat(chunks));
    });
  });
}

describe('Outbox', () => {
  let pair: { server: Server; a: Socket; b: Socket };
  beforeEach(async () => {
    pair = await socketPair();
  });
  afterEach(async () => {
    pair.a.destroy();
    pair.b.destroy();
    await new Promise<void>((resolve) => pair.server.close(() => resolve()));
  });

  it('small flushes to a reading client arrive intact while the writer reuses its buffer', async () => {
    const out = new Outbox(pair.a);
    const sizes = Array.from({ length: 300 }, (_, i) => 5 + ((i * 37) % 900));
    const expected = Buffer.concat(sizes.map((n, i) => pattern(i, n)));
    const received = collect(pair.b, expected.length);
    for (let i = 0; i < sizes.length; i++) {
      out.writer.bytes(pattern(i, sizes[i]!));
      await out.flush();
      // Let the client read between flushes, as a request/response loop does.
      if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    expect((await received).equals(expected)).toBe(true);
  });

  it('flushes the socket had to queue keep their bytes when the client reads late', async () => {
    const out = new Outbox(pair.a);
    pair.b.pause();
    // Far beyond the kernel's socket buffers: later flushes queue in the stream.
    const sizes = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 100 : 64 * 1024));
    const expected = Buffer.concat(sizes.map((n, i) => pattern(i, n)));
    for (let i = 0; i < sizes.length; i++) {
      out.writer.bytes(pattern(i, sizes[i]!));
      void out.flush();
    }
    expect(pair.a.writableLength).toBeGreaterThan(0);
    const received = collect(pair.b, expected.length);
    pair.b.resume();
    expect((await received).equals(expected)).toBe(true);
  });

  it('a duplex that keeps the chunks it was given gets bytes of its own', async () => {
    const duplex = new PassThrough();
    const out = new Outbox(duplex);
    const expected = Buffer.concat([pattern(1, 50), pattern(2, 70), pattern(3, 30)]);
    for (const [seed, n] of [[1, 50], [2, 70], [3, 30]] as const) {
      out.writer.bytes(pattern(seed, n));
      await out.flush();
    }
    // Read only now: the PassThrough kept each flushed chunk until here.
    const got = collect(duplex, expected.length);
    expect((await got).equals(expected)).toBe(true);
  });
});
