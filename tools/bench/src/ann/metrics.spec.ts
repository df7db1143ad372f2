import { meanRecall, percentile, qpsAtRecall, qpsOf, recallAtK } from './metrics';

describe('recallAtK', () => {
  it('counts the ids of the first k found that are in the first k of the truth', () => {
    expect(recallAtK([1, 2, 3], [1, 2, 3, 4], 3)).toBe(1);
    expect(recallAtK([3, 2, 9], [1, 2, 3, 4], 3)).toBeCloseTo(2 / 3);
    // truth[3] = 4 is beyond k, so finding it does not count.
    expect(recallAtK([4, 5, 6], [1, 2, 3, 4], 3)).toBe(0);
  });

  it('ignores found ids past k and counts duplicates once', () => {
    expect(recallAtK([9, 9, 1, 2], [1, 2], 2)).toBe(0);
    expect(recallAtK([1, 1], [1, 2], 2)).toBe(0.5);
  });

  it('treats a short answer as misses', () => {
    expect(recallAtK([1], [1, 2, 3, 4], 4)).toBe(0.25);
    expect(recallAtK([], [1, 2], 2)).toBe(0);
  });

  it('rejects a bad k or a too short ground truth', () => {
    expect(() => recallAtK([1], [1], 0)).toThrow(RangeError);
    expect(() => recallAtK([1], [1], 2)).toThrow(/fewer than k=2/);
  });
});

describe('meanRecall', () => {
  it('averages per query over row-major ground truth rows', () => {
    // 2 queries, 3 gt ids each.
    const gt = Int32Array.from([0, 1, 2, 5, 6, 7]);
    expect(meanRecall([[0, 1], [7, 9]], gt, 3, 2)).toBeCloseTo((1 + 0) / 2);
    expect(meanRecall([[0, 1], [6, 5]], gt, 3, 2)).toBe(1);
    expect(meanRecall([], gt, 3, 2)).toBe(0);
  });
});

describe('percentile', () => {
  it('interpolates linearly between closest ranks (numpy default)', () => {
    const xs = [4, 1, 3, 2, 5];
    expect(percentile(xs, 50)).toBe(3);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(5);
    expect(percentile(xs, 25)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    // rank 0.99 * 99 = 98.01 over 1..100 -> 99.01
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 99)).toBeCloseTo(99.01, 10);
  });

  it('does not reorder its input and handles one value', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
    expect(percentile([7], 99)).toBe(7);
  });

  it('rejects no values and out-of-range p', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], NaN)).toThrow(RangeError);
  });
});

describe('qpsOf / qpsAtRecall', () => {
  it('turns a count and milliseconds into queries per second', () => {
    expect(qpsOf(500, 250)).toBe(2000);
  });

  it('interpolates QPS at a target recall along the curve', () => {
    const runs = [
      { recall: 0.99, qps: 1000 },
      { recall: 0.8, qps: 5000 },
      { recall: 0.9, qps: 3000 },
    ];
    // between (0.9, 3000) and (0.99, 1000): 3000 - 2000 * 0.05 / 0.09
    expect(qpsAtRecall(runs, 0.95)).toBeCloseTo(3000 - (2000 * 0.05) / 0.09, 6);
    expect(qpsAtRecall(runs, 0.9)).toBe(3000);
    expect(qpsAtRecall(runs, 0.5)).toBe(5000);
    expect(qpsAtRecall(runs, 0.999)).toBeUndefined();
  });
});
