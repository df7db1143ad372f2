import { BufferReader } from './buffer-reader';
import { BufferWriter, FLUSH_COPY_MAX } from './buffer-writer';

describe('BufferWriter / BufferReader', () => {
  it('writes big-endian fields, patches the length word, and reads them back', () => {
    const w = new BufferWriter(4); // tiny on purpose: forces growth
    w.startMessage(0x51).uint8(0xff).int16(-2).int32(-3).uint32(0xfffffffe).cstring('héllo').string('ab').bytes(Buffer.from([9])).endMessage();
    const bytes = w.flush();
    expect(bytes[0]).toBe(0x51);
    expect(bytes.readInt32BE(1)).toBe(bytes.length - 1);
    const r = new BufferReader(bytes, 5);
    expect([r.uint8(), r.int16(), r.int32(), r.uint32(), r.cstring(), r.bytes(2).toString(), r.uint8()]).toEqual([255, -2, -3, 0xfffffffe, 'héllo', 'ab', 9]);
    expect(r.remaining).toBe(0);
    r.end();
  });

  it('startup-phase messages have no type byte', () => {
    const w = new BufferWriter();
    w.startMessage().int32(196608).endMessage();
    expect(w.flush()).toEqual(Buffer.from([0, 0, 0, 8, 0, 3, 0, 0]));
  });

  it('flush hands over the bytes: later writes never touch an earlier flushed buffer', () => {
    const w = new BufferWriter(8);
    w.int32(1);
    const first = w.flush();
    w.int32(2);
    w.flush();
    expect(first).toEqual(Buffer.from([0, 0, 0, 1]));
  });

  it('a large flush hands its buffer over too, and the writer keeps working', () => {
    const w = new BufferWriter(16);
    const big = Buffer.alloc(FLUSH_COPY_MAX + 1, 7);
    w.bytes(big);
    const first = w.flush();
    w.bytes(Buffer.alloc(FLUSH_COPY_MAX + 1, 9));
    w.int32(5);
    const second = w.flush();
    expect(first).toEqual(big);
    expect(second.length).toBe(FLUSH_COPY_MAX + 5);
    expect(second.readInt32BE(FLUSH_COPY_MAX + 1)).toBe(5);
    w.int32(3);
    expect(w.flush()).toEqual(Buffer.from([0, 0, 0, 3]));
    expect(first).toEqual(big);
  });

  it('refuses unbalanced message framing', () => {
    const w = new BufferWriter();
    expect(() => w.endMessage()).toThrow('no message started');
    w.startMessage(1);
    expect(() => w.startMessage(2)).toThrow('already started');
    expect(() => w.flush()).toThrow('unfinished message');
  });

  it('reader errors are FATAL 08P01 worded like pqformat.c', () => {
    const err = (message: string) => expect.objectContaining({ sqlstate: '08P01', severity: 'FATAL', message });
    expect(() => new BufferReader(Buffer.from([1])).int32()).toThrow(err('insufficient data left in message'));
    expect(() => new BufferReader(Buffer.from('abc')).cstring()).toThrow(err('invalid string in message'));
    expect(() => new BufferReader(Buffer.from([1, 2])).bytes(-1)).toThrow(err('insufficient data left in message'));
    const r = new BufferReader(Buffer.from([1, 2]));
    r.uint8();
    expect(() => r.end()).toThrow(err('invalid message format'));
  });
});
