// float32 -> IEEE-754 binary16 bit patterns, as the native core's f16 kernels and pgvector's
// halfvec store them. Node 20 has no Math.f16round, so the rounding is done on the bits.

/**
 * Converts float32 bits to binary16 bits with round-to-nearest-even; overflow gives +-inf,
 * NaN stays a (quiet) NaN, values below half the smallest subnormal become +-0.
 */
export function f32BitsToF16Bits(bits: number): number {
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half: value = h * 2^-24, so h = (1.mant * 2^23) >> (14 - e).
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rem > halfway || (rem === halfway && (h & 1) === 1)) h++;
    return sign | h;
  }
  // A carry out of the mantissa correctly bumps the exponent (up to inf at the top).
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1) === 1)) h++;
  return sign | h;
}

/**
 * Converts float values to binary16 bit patterns.
 * src: Float32Array, length n; dst: Uint16Array, length n (written).
 */
export function f32ToF16Array(src: Float32Array, dst: Uint16Array): void {
  if (dst.length !== src.length) throw new RangeError('f32ToF16Array: length mismatch');
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  for (let i = 0; i < src.length; i++) dst[i] = f32BitsToF16Bits(bits[i]!);
}
