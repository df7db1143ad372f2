import { encodeHalf, float32ToHalfBits, halfBitsToFloat32 } from './half';

describe('binary16 conversion', () => {
  it('decodes and re-encodes every non-NaN half bit pattern exactly', () => {
    for (let h = 0; h < 0x10000; h++) {
      const x = halfBitsToFloat32(h);
      if (Number.isNaN(x)) {
        expect(Number.isNaN(halfBitsToFloat32(float32ToHalfBits(x)))).toBe(true);
        continue;
      }
      expect(float32ToHalfBits(x)).toBe(h);
    }
  });

  it('handles zeros, infinities, NaN, overflow and the subnormal range', () => {
    expect(float32ToHalfBits(0)).toBe(0x0000);
    expect(float32ToHalfBits(-0)).toBe(0x8000);
    expect(float32ToHalfBits(1)).toBe(0x3c00);
    expect(float32ToHalfBits(-2)).toBe(0xc000);
    expect(float32ToHalfBits(65504)).toBe(0x7bff); // largest finite half
    expect(float32ToHalfBits(65520)).toBe(0x7c00); // rounds up to infinity
    expect(float32ToHalfBits(1e6)).toBe(0x7c00);
    expect(float32ToHalfBits(-Infinity)).toBe(0xfc00);
    expect(float32ToHalfBits(NaN) & 0x7e00).toBe(0x7e00); // quiet NaN
    expect(float32ToHalfBits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(float32ToHalfBits(2 ** -25)).toBe(0x0000); // exactly half of it: tie to even (0)
    expect(float32ToHalfBits(2 ** -25 * 1.5)).toBe(0x0001);
    expect(float32ToHalfBits(2 ** -14)).toBe(0x0400); // smallest normal
    expect(float32ToHalfBits(2 ** -14 - 2 ** -25)).toBe(0x0400); // subnormal rounding carries into normal
  });

  it('rounds to nearest, ties to even', () => {
    // Between 1 (0x3c00) and 1 + 2^-10 (0x3c01): the midpoint goes to the even 0x3c00.
    expect(float32ToHalfBits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float32ToHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(float32ToHalfBits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
  });

  it('encodes a Float32Array view in bulk', () => {
    const src = Float32Array.from([9, 1, -0.5, 0.1]).subarray(1);
    expect(Array.from(encodeHalf(src))).toEqual([0x3c00, 0xb800, 0x2e66]);
  });
});
