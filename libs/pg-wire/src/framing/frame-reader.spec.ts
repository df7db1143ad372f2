import { PassThrough } from 'node:stream';
import { BufferWriter } from '../buffer/buffer-writer';
import { PQ_LARGE_MESSAGE_LIMIT } from '../connection/options';
import { FrameReader } from './frame-reader';
import { queryPhasePolicy } from './policies';

const policy = queryPhasePolicy(PQ_LARGE_MESSAGE_LIMIT);

function queries(n: number, size: number): Buffer {
  const w = new BufferWriter();
  for (let i = 0; i < n; i++) w.startMessage(0x51).string('x'.repeat(size)).uint8(0).endMessage();
  return w.flush();
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FrameReader', () => {
  it('pauses the stream past 1 MB of unread input and resumes as frames are consumed', async () => {
    const stream = new PassThrough();
    const reader = new FrameReader();
    reader.attach(stream);
    stream.write(queries(40, 64 * 1024)); // ~2.6 MB nobody is reading yet
    await tick();
    expect(stream.isPaused()).toBe(true);
    let frames = 0;
    while (frames < 40) {
      const f = await reader.next(policy);
      expect(f?.body.length).toBe(64 * 1024 + 1);
      frames++;
    }
    expect(stream.isPaused()).toBe(false);
    stream.end();
    expect(await reader.next(policy)).toBeNull();
  });

  it('calls beforeWait once when it must wait, not when the frame is buffered', async () => {
    const stream = new PassThrough();
    const reader = new FrameReader();
    reader.attach(stream);
    let flushes = 0;
    const pending = reader.next(policy, () => flushes++);
    await tick();
    expect(flushes).toBe(1);
    const bytes = queries(2, 10);
    stream.write(bytes.subarray(0, 3));
    await tick();
    stream.write(bytes.subarray(3));
    expect((await pending)?.code).toBe(0x51);
    expect((await reader.next(policy, () => flushes++))?.code).toBe(0x51);
    expect(flushes).toBe(1);
  });

  it('two overlapping reads both get frames (no stranded waiter); close() ends them', async () => {
    const stream = new PassThrough();
    const reader = new FrameReader();
    reader.attach(stream);
    const a = reader.next(policy);
    const b = reader.next(policy);
    stream.write(queries(2, 1));
    expect([(await a)?.code, (await b)?.code]).toEqual([0x51, 0x51]);
    const c = reader.next(policy);
    reader.close();
    expect(await c).toBeNull();
  });

  it('rejects with the framing error', async () => {
    const stream = new PassThrough();
    const reader = new FrameReader();
    reader.attach(stream);
    const p = reader.next(policy);
    stream.write(Buffer.from([0x01]));
    await expect(p).rejects.toMatchObject({ sqlstate: '08P01', message: 'invalid frontend message type 1' });
  });

  it('hands out a buffered frame at once, and still rejects on bad framing already buffered', async () => {
    const stream = new PassThrough();
    const reader = new FrameReader();
    reader.attach(stream);
    stream.write(Buffer.concat([queries(1, 3), Buffer.from([0x01, 0, 0, 0, 4])]));
    await tick();
    const first = reader.next(policy);
    expect(first).not.toBeInstanceOf(Promise);
    expect((await first)?.code).toBe(0x51);
    await expect(reader.next(policy)).rejects.toMatchObject({ sqlstate: '08P01', message: 'invalid frontend message type 1' });
  });
});
