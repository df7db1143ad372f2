// The allow bitmap of an index search over one segment: candidate rows (visible at the
// snapshot, passing the WHERE filter; vector-top-k.ts builds those bits) AND a non-NULL vector.
// Bits past `rows` are cleared, so rows the arena does not hold are never admitted.

/**
 * bits, validity: Uint8Array bitmaps (LSB-first) over segment rows; rows: rows in the arena.
 * Returns a new bitmap of ceil(rows / 8) bytes and its population count.
 */
export function andAllowBitmap(bits: Uint8Array, validity: Uint8Array, rows: number): { bits: Uint8Array; count: number } {
  const n = (rows + 7) >>> 3;
  const out = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    let b = (bits[i] ?? 0) & (validity[i] ?? 0);
    if (i === n - 1 && (rows & 7) !== 0) b &= (1 << (rows & 7)) - 1;
    out[i] = b;
    // Population count of one byte.
    b = b - ((b >>> 1) & 0x55);
    b = (b & 0x33) + ((b >>> 2) & 0x33);
    count += (b + (b >>> 4)) & 0x0f;
  }
  return { bits: out, count };
}
