// IEEE-754 binary16 <-> binary32 for halfvec (pgvector's Float4ToHalfUnchecked / HalfToFloat4):
// round to nearest even, overflow to infinity, subnormals kept. pg-types may not import
// native-bindings (which has its own copy for scan inputs), hence this small twin, written
// with arithmetic instead of a shared scratch buffer (no module-level mutable state).

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/** The half-float bit pattern (uint16) nearest to the float32 value `v`. */
export function floatToHalfBits(v: number): number {
  if (Number.isNaN(v)) return 0x7e00;
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal (1024 = smallest normal)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  let hm = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (hm === 1024) {
    hm = 0;
    e++;
  }
  if (e + 15 >= 0x1f) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | hm;
}

/** The float32 value of a half-float bit pattern. */
export function halfBitsToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant !== 0 ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Rounds a float32 value to the nearest half (what halfvec stores), as a JS number. */
export function roundToHalf(v: number): number {
  return halfBitsToFloat(floatToHalfBits(v));
}
