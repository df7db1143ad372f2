// Range index over one segment: a float64 key per row (NULL rows absent) kept as (key, position)
// pairs sorted by key, NaN above every number and equal to itself (PostgreSQL's float order),
// -0 equal to 0. A range is two binary searches; its count is their difference (exact, O(log n)).
//
//   keys       Float64Array[n]  ascending, NaN last
//   positions  Uint32Array[n]   row of keys[i]; ascending within equal keys
//
// Integer, numeric, date and timestamp columns map to float64 keys in the executor; values
// beyond 2^53 lose precision there, so the executor must widen bounds (or recheck) for them.
import { RowBitmap } from './row-bitmap';
import {
  buildRangeLayout,
  buildRangeLayoutAsync,
  firstNaN,
  lowerBoundNum,
  type RangeLayout,
  upperBoundNum,
} from './range-index-build';
import { openRangeLayout, serializeRangeLayout } from './range-index-serialize';
import type { YieldFn } from './term-index-build';

/** One end of a range; a missing bound is unbounded. NaN is a valid bound (the largest key). */
export interface RangeBound {
  value: number;
  inclusive: boolean;
}

/**
 * Selections above rows/SPARSE_DIVISOR positions are collected through a bitmap (O(rows/32 +
 * k)) rather than copied and sorted (O(k log k)).
 */
const SPARSE_DIVISOR = 128;

export class RangeIndex {
  /** Index of the first NaN key (= number of non-NaN keys). */
  private readonly nan: number;

  private constructor(
    readonly rows: number,
    private readonly layout: RangeLayout,
  ) {
    this.nan = firstNaN(layout.keys);
  }

  /** Synchronous build; keyOf(pos) is called once per position 0..rows-1, in order; null = NULL. */
  static build(rows: number, keyOf: (pos: number) => number | null): RangeIndex {
    return new RangeIndex(rows, buildRangeLayout(rows, keyOf));
  }

  /** As build(), awaiting yieldEvery() every ~4096 rows (default: setImmediate). */
  static async buildAsync(
    rows: number,
    keyOf: (pos: number) => number | null,
    yieldEvery?: YieldFn,
  ): Promise<RangeIndex> {
    return new RangeIndex(rows, await buildRangeLayoutAsync(rows, keyOf, yieldEvery));
  }

  /**
   * Opens serialize()'s bytes; sections are views into `bytes` where aligned. Throws XX001 on
   * corruption, or when `expectedRows` (the segment's row count; pass it) differs from the index's.
   */
  static open(bytes: Uint8Array, expectedRows?: number): RangeIndex {
    const { rows, layout } = openRangeLayout(bytes, expectedRows);
    return new RangeIndex(rows, layout);
  }

  serialize(): Uint8Array {
    return serializeRangeLayout(this.rows, this.layout);
  }

  /** Rows whose key lies within the bounds. Exact, O(log n). */
  count(lo?: RangeBound, hi?: RangeBound): number {
    const [s, e] = this.span(lo, hi);
    return e - s;
  }

  /** Ascending positions whose key lies within the bounds. */
  positions(lo?: RangeBound, hi?: RangeBound): Uint32Array {
    const [s, e] = this.span(lo, hi);
    const slice = this.layout.positions.subarray(s, e);
    if (slice.length * SPARSE_DIVISOR > this.rows) return RowBitmap.fromPositions(this.rows, slice).positions();
    return slice.slice().sort();
  }

  bitmap(lo?: RangeBound, hi?: RangeBound): RowBitmap {
    const [s, e] = this.span(lo, hi);
    return RowBitmap.fromPositions(this.rows, this.layout.positions.subarray(s, e));
  }

  /** Rows with a (non-NULL) key, NaN included. */
  nonNull(): number {
    return this.layout.keys.length;
  }

  /** Smallest and largest key (NaN counts as largest), or null when every row is NULL. */
  keyRange(): { min: number; max: number } | null {
    const k = this.layout.keys;
    return k.length === 0 ? null : { min: k[0]!, max: k[k.length - 1]! };
  }

  /** [start, end) into the sorted pairs; start === end when empty. */
  private span(lo?: RangeBound, hi?: RangeBound): [number, number] {
    const s = lo === undefined ? 0 : lo.inclusive ? this.lowerBound(lo.value) : this.upperBound(lo.value);
    const e = hi === undefined ? this.layout.keys.length : hi.inclusive ? this.upperBound(hi.value) : this.lowerBound(hi.value);
    return e > s ? [s, e] : [s, s];
  }

  /** First index whose key is >= v in the NaN-largest order. */
  private lowerBound(v: number): number {
    return Number.isNaN(v) ? this.nan : lowerBoundNum(this.layout.keys, this.nan, v);
  }

  /** First index whose key is > v in the NaN-largest order. */
  private upperBound(v: number): number {
    return Number.isNaN(v) ? this.layout.keys.length : upperBoundNum(this.layout.keys, this.nan, v);
  }
}
