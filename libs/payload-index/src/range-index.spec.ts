import { type RangeBound, RangeIndex } from './range-index';
import { type Rng, seededRng } from './testing/rng';

/** PostgreSQL float order: NaN equals NaN and is above every number; -0 = 0. */
function cmp(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an && bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function inRange(k: number, lo?: RangeBound, hi?: RangeBound): boolean {
  if (lo !== undefined) {
    const c = cmp(k, lo.value);
    if (c < 0 || (c === 0 && !lo.inclusive)) return false;
  }
  if (hi !== undefined) {
    const c = cmp(k, hi.value);
    if (c > 0 || (c === 0 && !hi.inclusive)) return false;
  }
  return true;
}

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1.5, -2];

function randomKeys(rng: Rng, rows: number, distinct: number): Array<number | null> {
  return Array.from({ length: rows }, () => {
    if (rng.chance(0.1)) return null;
    if (rng.chance(0.1)) return rng.pick(SPECIAL);
    return rng.int(distinct) - distinct / 4;
  });
}

function randomBound(rng: Rng, keys: Array<number | null>): RangeBound | undefined {
  if (rng.chance(0.15)) return undefined;
  const fromData = keys.filter((k): k is number => k !== null);
  const value = rng.chance(0.7) && fromData.length > 0 ? rng.pick(fromData) : rng.chance(0.5) ? rng.pick(SPECIAL) : rng.next() * 100 - 25;
  return { value, inclusive: rng.chance(0.5) };
}

describe('RangeIndex vs filtering arrays', () => {
  for (const [seed, rows, distinct] of [
    [1, 0, 5],
    [2, 1, 5],
    [3, 50, 5],
    [4, 2000, 40],
    [5, 20_000, 100_000],
  ] as const) {
    it(`seed ${seed}, ${rows} rows, ~${distinct} distinct keys`, async () => {
      const rng = seededRng(seed);
      const keys = randomKeys(rng, rows, distinct);
      const idx = RangeIndex.build(rows, (p) => keys[p]!);
      const asyncIdx = await RangeIndex.buildAsync(rows, (p) => keys[p]!, () => Promise.resolve());
      for (const ix of [idx, asyncIdx]) {
        expect(ix.nonNull()).toBe(keys.filter((k) => k !== null).length);
        expect(ix.count()).toBe(ix.nonNull());
        for (let q = 0; q < (rows > 5000 ? 8 : 60); q++) {
          const lo = randomBound(rng, keys);
          const hi = randomBound(rng, keys);
          const want: number[] = [];
          keys.forEach((k, i) => {
            if (k !== null && inRange(k, lo, hi)) want.push(i);
          });
          const label = JSON.stringify({ lo, hi });
          expect([label, ix.count(lo, hi)]).toEqual([label, want.length]);
          expect(Array.from(ix.positions(lo, hi))).toEqual(want);
          expect(Array.from(ix.bitmap(lo, hi).positions())).toEqual(want);
        }
      }
    });
  }

  it('orders NaN above every number and treats -0 as 0', () => {
    const keys = [NaN, 3, -0, 0, Infinity, null, -Infinity, NaN];
    const idx = RangeIndex.build(keys.length, (p) => keys[p]!);
    const pos = (lo?: RangeBound, hi?: RangeBound): number[] => Array.from(idx.positions(lo, hi));
    expect(pos({ value: NaN, inclusive: true })).toEqual([0, 7]);
    expect(pos({ value: NaN, inclusive: false })).toEqual([]);
    expect(pos({ value: Infinity, inclusive: false })).toEqual([0, 7]);
    expect(pos(undefined, { value: NaN, inclusive: false })).toEqual([1, 2, 3, 4, 6]);
    expect(pos(undefined, { value: NaN, inclusive: true })).toEqual([0, 1, 2, 3, 4, 6, 7]);
    expect(pos({ value: 0, inclusive: true }, { value: 0, inclusive: true })).toEqual([2, 3]);
    expect(pos({ value: -0, inclusive: false }, { value: 3, inclusive: true })).toEqual([1]);
    expect(pos(undefined, { value: -Infinity, inclusive: true })).toEqual([6]);
    expect(pos({ value: 5, inclusive: true }, { value: 1, inclusive: true })).toEqual([]);
    expect(idx.keyRange()).toEqual({ min: -Infinity, max: NaN });
    expect(idx.nonNull()).toBe(7);
  });

  it('handles all-NULL and dense selections', () => {
    const none = RangeIndex.build(100, () => null);
    expect(none.count()).toBe(0);
    expect(none.keyRange()).toBeNull();
    expect(none.bitmap().count()).toBe(0);
    const rows = 100_000;
    const dense = RangeIndex.build(rows, (p) => (p * 7919) % rows);
    const want: number[] = [];
    for (let p = 0; p < rows; p++) if ((p * 7919) % rows < 50_000) want.push(p);
    expect(Array.from(dense.positions(undefined, { value: 50_000, inclusive: false }))).toEqual(want);
    expect(dense.count({ value: 10, inclusive: true }, { value: 19, inclusive: true })).toBe(10);
  });

  it('paces buildAsync through the caller yield function', async () => {
    let calls = 0;
    const idx = await RangeIndex.buildAsync(10_000, (p) => p % 100, async () => {
      calls++;
    });
    // Twice during the 10k rows (at 4096 and 8192), once before the sort.
    expect(calls).toBe(3);
    expect(idx.count({ value: 10, inclusive: true }, { value: 10, inclusive: true })).toBe(100);
  });
});
