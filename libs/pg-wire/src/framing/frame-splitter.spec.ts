import { BufferWriter } from '../buffer/buffer-writer';
import { PQ_LARGE_MESSAGE_LIMIT } from '../connection/options';
import { FRONTEND_SAMPLES, STARTUP_SAMPLES } from '../testing/frontend-samples';
import { FrameSplitter, type Frame } from './frame-splitter';
import { authPhasePolicy, queryPhasePolicy } from './policies';

const policy = queryPhasePolicy(PQ_LARGE_MESSAGE_LIMIT);

function encodeAll(encoders: Array<(w: BufferWriter) => void>): Buffer {
  const w = new BufferWriter(16);
  for (const e of encoders) e(w);
  return w.flush();
}

function drain(splitter: FrameSplitter, startup: boolean): Frame[] {
  const out: Frame[] = [];
  for (;;) {
    const f = startup ? splitter.nextStartup(10000) : splitter.next(policy);
    if (!f) return out;
    out.push({ code: f.code, body: Buffer.from(f.body) });
  }
}

/** Feeds bytes cut at the given offsets; frames as `code:hex` (cheap to compare when large). */
function feed(bytes: Buffer, cuts: number[], startup: boolean): string[] {
  const splitter = new FrameSplitter();
  const out: Frame[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(bytes.subarray(from, cut));
    from = cut;
    out.push(...drain(splitter, startup));
  }
  expect(splitter.bufferedBytes).toBe(0);
  return out.map((f) => `${f.code}:${f.body.toString('hex')}`);
}

describe('FrameSplitter', () => {
  const big = (w: BufferWriter) => w.startMessage(0x51).string('x'.repeat(70000)).uint8(0).endMessage();
  const messages = encodeAll([...FRONTEND_SAMPLES.map((s) => s.encode), big]);
  const expected = feed(messages, [], false);

  it('splits glued messages into the same frames', () => {
    expect(expected).toHaveLength(FRONTEND_SAMPLES.length + 1);
    expect(expected.map((f) => String.fromCharCode(Number(f.split(':')[0]))).join('')).toBe('QPBDDECHSdcfFXQ');
    expect(expected.at(-1)!.length).toBe(3 + 70001 * 2);
  });

  it('gives the same frames for a split at every byte offset', () => {
    const small = encodeAll(FRONTEND_SAMPLES.map((s) => s.encode));
    const want = feed(small, [], false);
    for (let cut = 0; cut <= small.length; cut++) expect(feed(small, [cut], false)).toEqual(want);
  });

  it('gives the same frames when fed one byte at a time and in random chunks', () => {
    const small = encodeAll(FRONTEND_SAMPLES.map((s) => s.encode));
    expect(feed(small, Array.from({ length: small.length }, (_, i) => i), false)).toEqual(feed(small, [], false));
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 30; trial++) {
      const cuts = Array.from({ length: 8 }, () => Math.floor(rand() * messages.length)).sort((a, b) => a - b);
      expect(feed(messages, cuts, false)).toEqual(expected);
    }
  });

  it('splits startup-phase packets at every offset', () => {
    const bytes = encodeAll(STARTUP_SAMPLES.map((s) => s.encode));
    const want = feed(bytes, [], true);
    expect(want).toHaveLength(STARTUP_SAMPLES.length);
    for (let cut = 0; cut <= bytes.length; cut++) expect(feed(bytes, [cut], true)).toEqual(want);
  });

  it('rejects an invalid type byte as soon as it arrives (before any length or body)', () => {
    const splitter = new FrameSplitter();
    splitter.push(Buffer.from([0x00]));
    expect(() => splitter.next(policy)).toThrow(expect.objectContaining({ sqlstate: '08P01', severity: 'FATAL', message: 'invalid frontend message type 0' }));
    const auth = new FrameSplitter();
    auth.push(Buffer.from('Q'));
    expect(() => auth.next(authPhasePolicy())).toThrow('expected password response, got message type 81');
  });

  it('rejects lengths below 4 or above the per-type cap from the header alone', () => {
    const tooSmall = new FrameSplitter();
    tooSmall.push(Buffer.from([0x51, 0, 0, 0, 3]));
    expect(() => tooSmall.next(policy)).toThrow('invalid message length');
    // Sync is a control message: capped at PQ_SMALL_MESSAGE_LIMIT even with a 1 GB large cap.
    const bigSync = new FrameSplitter();
    bigSync.push(Buffer.from([0x53, 0, 0, 0x30, 0]));
    expect(() => bigSync.next(policy)).toThrow('invalid message length');
    const overQuery = new FrameSplitter();
    overQuery.push(Buffer.from([0x51, 0, 0, 0x10, 0x01]));
    expect(() => overQuery.next(queryPhasePolicy(4096))).toThrow('invalid message length');
    const startup = new FrameSplitter();
    startup.push(Buffer.from([0, 0, 0x27, 0x11]));
    expect(() => startup.nextStartup(10000)).toThrow('invalid length of startup packet');
  });

  it('does not preallocate for a huge announced length (accumulates chunks)', () => {
    const splitter = new FrameSplitter();
    const header = Buffer.from([0x51, 0x3f, 0xff, 0xff, 0xf0]);
    const before = process.memoryUsage().arrayBuffers;
    splitter.push(header);
    splitter.push(Buffer.alloc(1000, 0x61));
    expect(splitter.next(policy)).toBeNull();
    expect(splitter.bufferedBytes).toBe(1005);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });
});
