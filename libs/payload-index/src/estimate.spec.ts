import {
  type CardinalityEstimate,
  estimateAnd,
  estimateNot,
  estimateOr,
  exactEstimate,
  sampleEstimate,
  unknownEstimate,
} from './estimate';
import { RowBitmap } from './row-bitmap';
import { randomPositions, type Rng, seededRng } from './testing/rng';

interface Node {
  bitmap: RowBitmap;
  est: CardinalityEstimate;
}

/** A random AND/OR/NOT tree over random leaves; returns the true bitmap and the estimate. */
function randomTree(rng: Rng, rows: number, depth: number): Node {
  if (depth === 0 || rng.chance(0.3)) {
    const bitmap = RowBitmap.fromPositions(rows, randomPositions(rng, rows, rng.pick([0, 0.01, 0.1, 0.5, 0.9, 1])));
    const c = bitmap.count();
    // Leaves are exact, unknown (an unindexed predicate), or loosened but still true bounds.
    const r = rng.int(3);
    const est =
      r === 0
        ? exactEstimate(c)
        : r === 1
          ? unknownEstimate(rows)
          : { min: Math.max(0, c - rng.int(10)), expected: c, max: Math.min(rows, c + rng.int(10)), exact: false };
    return { bitmap, est };
  }
  const op = rng.int(3);
  if (op === 2) {
    const child = randomTree(rng, rows, depth - 1);
    return { bitmap: child.bitmap.not(), est: estimateNot(rows, child.est) };
  }
  const kids = Array.from({ length: 1 + rng.int(4) }, () => randomTree(rng, rows, depth - 1));
  let bitmap = op === 0 ? RowBitmap.full(rows) : new RowBitmap(rows);
  for (const k of kids) bitmap = op === 0 ? bitmap.and(k.bitmap) : bitmap.or(k.bitmap);
  const parts = kids.map((k) => k.est);
  return { bitmap, est: op === 0 ? estimateAnd(rows, parts) : estimateOr(rows, parts) };
}

function expectWellFormed(e: CardinalityEstimate, rows: number): void {
  expect(e.min).toBeGreaterThanOrEqual(0);
  expect(e.min).toBeLessThanOrEqual(e.expected);
  expect(e.expected).toBeLessThanOrEqual(e.max);
  expect(e.max).toBeLessThanOrEqual(rows);
  expect(Number.isInteger(e.expected)).toBe(true);
}

describe('cardinality estimates', () => {
  it('bound the true count of random AND/OR/NOT trees', () => {
    const rng = seededRng(42);
    let exactSeen = 0;
    for (let i = 0; i < 400; i++) {
      const rows = rng.pick([1, 7, 64, 100, 333]);
      const { bitmap, est } = randomTree(rng, rows, 4);
      const truth = bitmap.count();
      expectWellFormed(est, rows);
      expect(est.min).toBeLessThanOrEqual(truth);
      expect(truth).toBeLessThanOrEqual(est.max);
      if (est.exact) {
        exactSeen++;
        expect(est.expected).toBe(truth);
      }
    }
    expect(exactSeen).toBeGreaterThan(0);
  });

  it('follows the Qdrant formulas', () => {
    expect(estimateAnd(100, [exactEstimate(60), exactEstimate(70)])).toEqual({ min: 30, expected: 42, max: 60, exact: false });
    expect(estimateOr(100, [exactEstimate(60), exactEstimate(70)])).toEqual({ min: 70, expected: 88, max: 100, exact: false });
    expect(estimateOr(100, [exactEstimate(10), exactEstimate(20)])).toEqual({ min: 20, expected: 28, max: 30, exact: false });
    expect(estimateNot(100, { min: 10, expected: 20, max: 30, exact: false })).toEqual({ min: 70, expected: 80, max: 90, exact: false });
    expect(estimateNot(100, exactEstimate(25))).toEqual(exactEstimate(75));
    expect(unknownEstimate(101)).toEqual({ min: 0, expected: 50, max: 101, exact: false });
  });

  it('stays exact only where the bounds meet', () => {
    expect(estimateAnd(100, [exactEstimate(0), unknownEstimate(100)])).toEqual(exactEstimate(0));
    expect(estimateAnd(100, [exactEstimate(100), exactEstimate(100)])).toEqual(exactEstimate(100));
    expect(estimateOr(100, [exactEstimate(100), unknownEstimate(100)])).toEqual(exactEstimate(100));
    expect(estimateAnd(100, [exactEstimate(50)])).toEqual(exactEstimate(50));
    expect(estimateAnd(100, [])).toEqual(exactEstimate(100));
    expect(estimateOr(100, [])).toEqual(exactEstimate(0));
  });

  it('handles an empty segment', () => {
    expect(estimateAnd(0, [unknownEstimate(0)])).toEqual(exactEstimate(0));
    expect(estimateOr(0, [unknownEstimate(0)])).toEqual(exactEstimate(0));
    expect(estimateNot(0, exactEstimate(0))).toEqual(exactEstimate(0));
  });

  it('turns samples into Agresti-Coull bounds that tighten with more samples', () => {
    const rows = 100_000;
    const rng = seededRng(9);
    const truth = 1_000; // 1% selectivity
    let covered = 0;
    for (let trial = 0; trial < 200; trial++) {
      let matched = 0;
      for (let s = 0; s < 1000; s++) if (rng.int(rows) < truth) matched++;
      const e = sampleEstimate(rows, 1000, matched);
      expectWellFormed(e, rows);
      expect(e.exact).toBe(false);
      if (e.min <= truth && truth <= e.max) covered++;
    }
    // z = 2 is a ~95% interval; Agresti-Coull is conservative at small p.
    expect(covered).toBeGreaterThanOrEqual(180);
    const few = sampleEstimate(rows, 50, 0);
    const many = sampleEstimate(rows, 1000, 0);
    expect(many.max).toBeLessThan(few.max);
    expect(many.min).toBe(0);
    expect(sampleEstimate(rows, 0, 0)).toEqual(unknownEstimate(rows));
    expect(sampleEstimate(10, 10, 4)).toEqual(exactEstimate(4));
  });
});
