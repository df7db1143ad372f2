// Shortest round-trip text of a float32 as pgvector prints vector elements
// (float_to_shortest_decimal_bufn, i.e. float4out with extra_float_digits > 0): the fewest
// significant digits that read back to the same float32, fixed notation for decimal exponents
// in [-4, 6), else `1e-07` / `1.2345679e+08`. The digit count is found by binary search over
// toExponential (round-tripping is monotonic in the digit count), ~3 calls per element
// instead of up to 9 for the linear search the scalar float4 output uses.

/** float32 value `v` (already Math.fround'ed) as pgvector's output prints it. */
export function formatFloat32Shortest(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  const a = Math.abs(v);
  let lo = 1;
  let hi = 9;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Math.fround(Number(a.toExponential(mid - 1))) === a) hi = mid;
    else lo = mid + 1;
  }
  const s = a.toExponential(lo - 1);
  const e = s.indexOf('e');
  const digits = lo > 1 ? s[0] + s.slice(2, e) : s[0];
  const exp = Number(s.slice(e + 1));
  let body: string;
  if (exp >= -4 && exp < 6) {
    if (exp < 0) body = `0.${'0'.repeat(-exp - 1)}${digits}`;
    else if (digits.length <= exp + 1) body = digits + '0'.repeat(exp + 1 - digits.length);
    else body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return v < 0 ? `-${body}` : body;
}
