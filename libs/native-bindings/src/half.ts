// IEEE-754 binary16 <-> binary32 conversion in JS, for building f16 ('halfvec') scan inputs.
// Round-to-nearest-even like F16C's vcvtps2ph, with subnormals, infinities and NaN.

/** float32 bit pattern -> binary16 bit pattern (round to nearest, ties to even). */
function halfFromFloatBits(f: number): number {
  const sign = (f >>> 16) & 0x8000;
  const exp = (f >>> 23) & 0xff;
  const mant = f & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 | (mant >>> 13) : 0); // inf / quiet NaN
  const e = exp - 112; // re-biased exponent (127 -> 15)
  if (e >= 0x1f) return sign | 0x7c00; // overflow -> infinity
  if (e <= 0) {
    // Subnormal half: value = m * 2^(exp-150) = hm * 2^-24, so hm = m >> (14 - e).
    if (e < -10) return sign; // below half the smallest subnormal -> zero
    const m = mant | 0x800000;
    const shift = 14 - e;
    let hm = m >>> shift;
    const rem = m & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rem > halfway || (rem === halfway && (hm & 1) !== 0)) hm++;
    return sign | hm; // a carry into bit 10 correctly yields the smallest normal
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1) !== 0)) h++; // a carry may reach infinity: correct
  return sign | h;
}

/**
 * Encodes float32 values as binary16 bit patterns.
 * src: Float32Array, length n -> Uint16Array, length n.
 */
export function encodeHalf(src: Float32Array): Uint16Array {
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  const out = new Uint16Array(src.length);
  for (let i = 0; i < bits.length; i++) out[i] = halfFromFloatBits(bits[i]);
  return out;
}

/** One number (rounded to float32 first) -> its binary16 bit pattern. */
export function float32ToHalfBits(x: number): number {
  return encodeHalf(Float32Array.of(x))[0];
}

/** binary16 bit pattern -> its exact value as a number. */
export function halfBitsToFloat32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant !== 0 ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
