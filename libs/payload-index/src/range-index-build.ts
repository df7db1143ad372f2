// Building a RangeIndex: the non-NULL keys become 64-bit unsigned integers whose order is
// PostgreSQL's float order (sign-flip transform; NaN canonicalised above +Infinity; -0 stored
// as 0), and a stable LSD radix sort orders (key, position) pairs. Rows are fed in ascending
// position, so equal keys keep ascending positions. ~10x faster than a native Float64Array sort
// plus a binary search per row at 1M rows (radix-sort.ts).
import { littleEndian } from './binary-layout';
import { radixSort } from './radix-sort';
import { defaultYield, type YieldFn, YIELD_EVERY_ROWS } from './term-index-build';

/** keys ascending (NaN last, -0 stored as 0), positions[i] = the row of keys[i]. */
export interface RangeLayout {
  /** Float64Array, length n (non-NULL rows). */
  keys: Float64Array;
  /** Uint32Array, length n. */
  positions: Uint32Array;
}

/** Index of the first NaN in ascending keys (keys.length when none). */
export function firstNaN(keys: Float64Array): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Number.isNaN(keys[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index in [0, end) whose key is not below v (v a number, keys[0..end) NaN-free). */
export function lowerBoundNum(keys: Float64Array, end: number, v: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [0, end) whose key is above v. */
export function upperBoundNum(keys: Float64Array, end: number, v: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class RangeCollector {
  /** Float64Array, length rows: the key of each row (unset for NULL rows). */
  private readonly raw: Float64Array;
  /** 1 where the row has a key (NULL rows have none). */
  private readonly present: Uint8Array;
  private n = 0;

  constructor(readonly rows: number) {
    this.raw = new Float64Array(rows);
    this.present = new Uint8Array(rows);
  }

  add(pos: number, key: number | null | undefined): void {
    if (key === null || key === undefined) return;
    // -0 and 0 are equal keys in PostgreSQL; storing one spelling keeps equal keys bitwise equal.
    this.raw[pos] = key === 0 ? 0 : key;
    this.present[pos] = 1;
    this.n++;
  }

  finish(): RangeLayout {
    const n = this.n;
    const hi = new Uint32Array(n);
    const lo = new Uint32Array(n);
    const positions = new Uint32Array(n);
    const bits = new Uint32Array(this.raw.buffer, this.raw.byteOffset, 2 * this.rows);
    const hiAt = littleEndian() ? 1 : 0;
    let j = 0;
    for (let p = 0; p < this.rows; p++) {
      if (this.present[p] !== 1) continue;
      let h = bits[2 * p + hiAt]!;
      let l = bits[2 * p + 1 - hiAt]!;
      if (Number.isNaN(this.raw[p]!)) {
        h = 0x7ff80000;
        l = 0;
      }
      // Negative floats: flip every bit (larger magnitude sorts lower); others: set the sign bit.
      if ((h & 0x80000000) !== 0) {
        hi[j] = ~h;
        lo[j] = ~l;
      } else {
        hi[j] = h | 0x80000000;
        lo[j] = l;
      }
      positions[j++] = p;
    }
    radixSort([lo, hi], [positions]);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.raw[positions[i]!]!;
    return { keys, positions };
  }
}

export function buildRangeLayout(rows: number, keyOf: (pos: number) => number | null): RangeLayout {
  const c = new RangeCollector(rows);
  for (let p = 0; p < rows; p++) c.add(p, keyOf(p));
  return c.finish();
}

export async function buildRangeLayoutAsync(
  rows: number,
  keyOf: (pos: number) => number | null,
  yieldEvery: YieldFn = defaultYield,
): Promise<RangeLayout> {
  const c = new RangeCollector(rows);
  for (let p = 0; p < rows; p++) {
    if (p > 0 && p % YIELD_EVERY_ROWS === 0) await yieldEvery();
    c.add(p, keyOf(p));
  }
  await yieldEvery();
  // One synchronous sort: ~5 ms per 100k rows.
  return c.finish();
}
