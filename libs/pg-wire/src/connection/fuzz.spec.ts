// Fuzz-style robustness: valid message streams mutated at random (bit flips, truncation,
// inserted bytes, bogus lengths) are thrown at fresh connections. Every connection must end
// cleanly: no unhandled rejection, no exception escaping, no "internal error" (which would mean
// a non-SqlError inside pg-wire), and the server keeps accepting connections.
import { BufferWriter } from '../buffer/buffer-writer';
import { encodeQuery } from '../messages/frontend/query';
import { encodeTerminate } from '../messages/frontend/terminate';
import { FRONTEND_SAMPLES } from '../testing/frontend-samples';
import { connectReady, startHarness, startupBytes, type Harness } from '../testing/harness';
import { WireClient, types } from '../testing/wire-client';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 4294967296;
  };
}

function mutate(bytes: Buffer, rand: () => number): Buffer {
  const out = Buffer.from(bytes);
  const edits = 1 + Math.floor(rand() * 4);
  let buf = out;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * buf.length);
    switch (Math.floor(rand() * 4)) {
      case 0:
        buf[at] = buf[at]! ^ (1 << Math.floor(rand() * 8));
        break;
      case 1:
        buf = buf.subarray(0, at);
        break;
      case 2:
        buf = Buffer.concat([buf.subarray(0, at), Buffer.from([Math.floor(rand() * 256)]), buf.subarray(at)]);
        break;
      default:
        if (at + 4 <= buf.length) buf.writeInt32BE(Math.floor(rand() * 0x7fffffff) - 0x3fffffff, at);
    }
  }
  return buf;
}

/**
 * Lets the server work through everything it can, then hangs up: ends the client side once
 * nothing has arrived for 50 ms (a mutated length may leave the server waiting for bytes that
 * never come), and resolves when the server has closed.
 */
async function finish(c: WireClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => c.socket.end(), 50);
  };
  c.socket.on('data', arm);
  arm();
  await c.closedAfter();
  clearTimeout(timer);
}

describe('fuzz: mutated frames', () => {
  let h: Harness;
  const rejections: unknown[] = [];
  const onRejection = (r: unknown) => rejections.push(r);
  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    h = await startHarness({ overrides: { limits: { message: 1 << 20 } } });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await h.close();
  });

  it('query phase: 150 mutated pipelines, each connection ends cleanly', async () => {
    const rand = rng(42);
    const w = new BufferWriter();
    for (const s of FRONTEND_SAMPLES) if (s.msg.type !== 'Terminate') s.encode(w);
    const valid = w.flush();
    for (let i = 0; i < 150; i++) {
      const c = await connectReady(h);
      const tail = new BufferWriter();
      encodeQuery(tail, { sql: 'rows 1' });
      encodeTerminate(tail);
      c.sendRaw(Buffer.concat([mutate(valid, rand), tail.flush()]));
      await finish(c);
    }
    await Promise.all(h.connections.map((x) => x.closed));
    expect(rejections).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
    // The handlers really ran: most pipelines reached the handler with something.
    expect(h.handlers.filter((x) => x.calls.length > 1).length).toBeGreaterThan(75);
    // Still serving.
    const ok = await connectReady(h);
    ok.send((wr) => encodeQuery(wr, { sql: 'rows 1' }), encodeTerminate);
    expect(types(await ok.closedAfter())).toEqual(['RowDescription', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
  });

  it('startup phase: 150 mutated startup packets, each connection ends cleanly', async () => {
    const rand = rng(7);
    const valid = startupBytes({ user: 'u', database: 'd', application_name: 'fuzz' });
    for (let i = 0; i < 150; i++) {
      const c = await WireClient.connect(h.port);
      c.sendRaw(mutate(valid, rand));
      await finish(c);
    }
    await Promise.all(h.connections.map((x) => x.closed));
    expect(rejections).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('random garbage instead of a startup packet or mid-session', async () => {
    const rand = rng(99);
    for (let i = 0; i < 50; i++) {
      const garbage = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)));
      const c = i % 2 === 0 ? await WireClient.connect(h.port) : await connectReady(h);
      c.sendRaw(garbage);
      await finish(c);
    }
    await Promise.all(h.connections.map((x) => x.closed));
    expect(rejections).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('malformed messages at the connection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ overrides: { limits: { message: 4096 } } });
  });
  afterEach(() => h.close());

  it('invalid type byte -> FATAL 08P01 "invalid frontend message type N", then close', async () => {
    const c = await connectReady(h);
    c.sendRaw(Buffer.from([0x00]));
    expect(await c.closedAfter()).toEqual([
      { type: 'ErrorResponse', fields: { S: 'FATAL', V: 'FATAL', C: '08P01', M: 'invalid frontend message type 0' } },
    ]);
    await h.connections[0]!.closed;
    expect(h.handlers[0]!.calls.at(-1)).toBe('close');
  });

  it('oversize message (limits.message) -> FATAL 08P01 "invalid message length" without waiting for the body', async () => {
    const c = await connectReady(h);
    c.sendRaw(Buffer.from([0x51, 0, 0, 0x10, 0x01]));
    expect((await c.closedAfter())[0]).toMatchObject({ fields: { S: 'FATAL', C: '08P01', M: 'invalid message length' } });
  });

  it('a truncated body inside a well-framed message -> FATAL 08P01, other connections unaffected', async () => {
    const other = await connectReady(h);
    const c = await connectReady(h);
    c.sendRaw(Buffer.from([0x45, 0, 0, 0, 6, 0x70, 0]));
    expect((await c.closedAfter())[0]).toMatchObject({ fields: { S: 'FATAL', C: '08P01', M: 'insufficient data left in message' } });
    other.send((w) => encodeQuery(w, { sql: 'rows 1' }));
    expect(types(await other.until('ReadyForQuery'))).toEqual(['RowDescription', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
    other.close();
  });
});
