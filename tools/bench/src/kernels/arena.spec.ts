import { loadNativeCore } from '@vecgres/native-bindings';

import { makeArena, makeByteArena, makeQuery, makeRng } from './arena';

describe('makeArena', () => {
  it('sizes the arena in whole rows with the dtype of the element type', () => {
    const f32 = makeArena('f32', 96, 100_000, 1);
    expect(f32.data).toBeInstanceOf(Float32Array);
    expect(f32.rowBytes).toBe(384);
    expect(f32.nRows).toBe(260);
    expect(f32.data.length).toBe(260 * 96);
    expect(makeArena('f16', 96, 100_000, 1).data).toBeInstanceOf(Uint16Array);
    expect(makeArena('i8', 96, 1000, 1).data).toBeInstanceOf(Int8Array);
    const bits = makeArena('bits', 96, 1000, 1);
    expect(bits.data).toBeInstanceOf(Uint8Array);
    expect(bits.rowBytes).toBe(96);
  });

  it('has at least one row even when the target is smaller than a row', () => {
    expect(makeArena('f32', 1536, 10, 1).nRows).toBe(1);
  });

  it('fills f32 with finite values in [-1, 1) and is deterministic per seed', () => {
    const a = makeArena('f32', 128, 1 << 16, 7).data as Float32Array;
    expect(a.every((x) => Number.isFinite(x) && x >= -1 && x < 1)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(a.length / 2);
    expect(makeArena('f32', 128, 1 << 16, 7).data).toEqual(a);
    expect(makeArena('f32', 128, 1 << 16, 8).data).not.toEqual(a);
  });

  it('fills f16 with finite halves (exponent field never all ones)', () => {
    const h = makeArena('f16', 64, 1 << 14, 3).data as Uint16Array;
    expect(h.every((x) => (x & 0x7c00) !== 0x7c00)).toBe(true);
    expect(h.some((x) => x !== 0)).toBe(true);
  });

  it('tiles the random pattern over an arena larger than the pattern, including a partial tail', () => {
    const big = makeArena('u8', 100, 25_050, 5, { patternBytes: 1024 });
    const bytes = big.data as Uint8Array;
    expect(big.nRows).toBe(250);
    const pattern = 1000; // whole rows that fit in the 1024-byte pattern target
    expect(bytes[pattern + 123]).toBe(bytes[123]);
    expect(bytes[bytes.length - 1]).toBe(bytes[bytes.length - 1 - pattern]);
  });
});

describe('arena offset', () => {
  it('starts the rows byteOffset bytes into the buffer, same content', () => {
    const plain = makeArena('f32', 32, 4096, 9);
    const shifted = makeArena('f32', 32, 4096, 9, { byteOffset: 48 });
    expect(shifted.data.byteOffset).toBe(48);
    expect(shifted.data.buffer.byteLength).toBe(48 + 4096);
    expect(shifted.data).toEqual(plain.data);
    expect(makeByteArena(100, 1, 16).byteOffset).toBe(16);
  });

  it('with align, starts the rows byteOffset bytes past that boundary (allocAlignedArena)', () => {
    const core = loadNativeCore();
    const plain = makeArena('f32', 32, 4096, 9);
    for (const [align, byteOffset] of [
      [64, 0],
      [64, 16],
      [4096, 16],
      [4096, 36],
    ]) {
      const a = makeArena('f32', 32, 4096, 9, { byteOffset, align });
      expect(core.addressMod(a.data, align)).toBe(byteOffset);
      expect(a.data).toEqual(plain.data);
    }
    expect(core.addressMod(makeByteArena(100, 1, 8, 64), 64)).toBe(8);
  });

  it.each([[2], [-4], [4096], [1.5]])('rejects offset %p', (byteOffset) => {
    expect(() => makeArena('f32', 4, 64, 1, { byteOffset })).toThrow(RangeError);
  });
});

describe('makeQuery', () => {
  it('is one row of the element type', () => {
    expect(makeQuery('f32', 384, 1).length).toBe(384);
    expect(makeQuery('bits', 96, 1).length).toBe(96);
  });
});

describe('makeByteArena / makeRng', () => {
  it('returns exactly the requested bytes and a rng in [0, 1)', () => {
    expect(makeByteArena(12345, 1).byteLength).toBe(12345);
    const rng = makeRng(42);
    const xs = Array.from({ length: 1000 }, rng);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
