// The common unfiltered case of an index search: every row of the segment is visible at the
// snapshot and has a non-NULL vector. Then the allow bitmap would admit every index node, so
// the search needs none (hnsw-adapter.ts omits it when `allowed` covers the arena: the native
// unfiltered search is a separate, faster path) and building a fresh AND-ed bitmap per query
// (an allocation plus a popcount over ceil(rows / 8) bytes) is wasted work. Checking that two
// bitmaps are all ones is a read-only pass, 4 bytes at a time when aligned.

/** Whether bits 0..rows-1 of `bits` (Uint8Array, LSB-first) are all set. */
export function allBitsSet(bits: Uint8Array, rows: number): boolean {
  const full = rows >>> 3;
  if (bits.length < full + ((rows & 7) !== 0 ? 1 : 0)) return false;
  let i = 0;
  if ((bits.byteOffset & 3) === 0 && full >= 4) {
    const words = new Uint32Array(bits.buffer, bits.byteOffset, full >>> 2);
    for (let w = 0; w < words.length; w++) if (words[w] !== 0xffffffff) return false;
    i = words.length << 2;
  }
  for (; i < full; i++) if (bits[i] !== 0xff) return false;
  if ((rows & 7) !== 0) {
    const mask = (1 << (rows & 7)) - 1;
    if ((bits[full] & mask) !== mask) return false;
  }
  return true;
}

/**
 * The allow argument of an index search when every row is admitted (visible AND non-NULL over
 * the arena's `rows`): the visibility bitmap itself with `count = rows`, no copy. Undefined when
 * some row is not admitted (the caller then builds the AND-ed bitmap).
 */
export function fullAllow(visible: Uint8Array, validity: Uint8Array, rows: number): { bits: Uint8Array; count: number } | undefined {
  return allBitsSet(visible, rows) && allBitsSet(validity, rows) ? { bits: visible, count: rows } : undefined;
}
