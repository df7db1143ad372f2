// Set operations on ascending posting lists (Uint32Array), used where lists are far sparser
// than the segment: intersecting them directly costs O(|small| log(|large|/|small|)) instead of
// the O(rows/32) of a bitmap AND.

/** First index i >= from with list[i] >= v (galloping, then binary search). */
export function gallop(list: Uint32Array, from: number, v: number): number {
  const n = list.length;
  if (from >= n || list[from]! >= v) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < n && list[hi]! < v) {
    lo = hi;
    step <<= 1;
    hi = from + step;
  }
  if (hi > n) hi = n;
  // Invariant: list[lo] < v, and list[hi] >= v or hi === n.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < v) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Ascending intersection of two ascending lists; `small` should be the shorter one. */
export function intersectSorted(small: Uint32Array, large: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(small.length, large.length));
  let k = 0;
  let j = 0;
  for (let i = 0; i < small.length && j < large.length; i++) {
    const v = small[i]!;
    j = gallop(large, j, v);
    if (j < large.length && large[j] === v) out[k++] = v;
  }
  return out.subarray(0, k);
}

/** True when `list` is strictly ascending and every value is below `limit`. */
export function isStrictlyAscendingBelow(list: Uint32Array, start: number, end: number, limit: number): boolean {
  let prev = -1;
  for (let i = start; i < end; i++) {
    const v = list[i]!;
    if (v <= prev || v >= limit) return false;
    prev = v;
  }
  return true;
}
