import { f32BitsToF16Bits, f32ToF16Array } from './float16';

function bitsOf(x: number): number {
  return new Uint32Array(new Float32Array([x]).buffer)[0]!;
}

describe('f32BitsToF16Bits', () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [0.1, 0x2e66],
    [1 / 3, 0x3555],
    [65504, 0x7bff],
    [65520, 0x7c00],
    [-1e6, 0xfc00],
    [2 ** -14, 0x0400],
    [2 ** -24, 0x0001],
    [2 ** -26, 0x0000],
    [Infinity, 0x7c00],
  ])('%p -> 0x%s', (x, h) => {
    expect(f32BitsToF16Bits(bitsOf(x))).toBe(h);
  });

  it('rounds ties to even', () => {
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: even mantissa (1) wins.
    expect(f32BitsToF16Bits(bitsOf(1 + 2 ** -11))).toBe(0x3c00);
    // 1 + 3*2^-11 is halfway between 1+2^-10 (odd) and 1+2^-9 (even).
    expect(f32BitsToF16Bits(bitsOf(1 + 3 * 2 ** -11))).toBe(0x3c02);
  });

  it('keeps NaN a NaN', () => {
    const h = f32BitsToF16Bits(bitsOf(NaN));
    expect(h & 0x7c00).toBe(0x7c00);
    expect(h & 0x3ff).not.toBe(0);
  });
});

describe('f32ToF16Array', () => {
  it('converts element-wise and checks lengths', () => {
    const out = new Uint16Array(3);
    f32ToF16Array(new Float32Array([1, -2, 0.5]), out);
    expect([...out]).toEqual([0x3c00, 0xc000, 0x3800]);
    expect(() => f32ToF16Array(new Float32Array(2), out)).toThrow(RangeError);
  });
});
