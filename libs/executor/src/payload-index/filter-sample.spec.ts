// sampleCount: stops as soon as the Agresti–Coull interval clears the threshold, checks at most
// 1,000 random candidates, counts a small set exactly, and is reproducible for a seed.
import { sampleCount, seedOf, addEstimates, MAX_SAMPLES } from './filter-sample';

/** Positions 0..n-1 and a residual passing every `every`-th position (0: none). */
function setup(n: number, every: number) {
  const positions = Uint32Array.from({ length: n }, (_, i) => i);
  const calls: number[][] = [];
  const check = async (p: Uint32Array) => {
    calls.push([...p]);
    return [...p].map((x) => every > 0 && x % every === 0);
  };
  return { positions, check, calls };
}

describe('sampleCount', () => {
  it('a rare residual is clearly below the threshold after the first batch', async () => {
    const { positions, check, calls } = setup(50000, 0);
    const r = await sampleCount(positions, 10000, check, 1);
    expect(r.sampled).toBe(32);
    expect(calls).toHaveLength(1);
    expect(r.estimate.max).toBeLessThan(10000);
    expect(r.estimate.exact).toBe(false);
  });

  it('a common residual is clearly above the threshold', async () => {
    const { positions, check } = setup(50000, 2);
    const r = await sampleCount(positions, 5000, check, 2);
    expect(r.estimate.min).toBeGreaterThan(5000);
    expect(r.sampled).toBeLessThan(200);
  });

  it('a count near the threshold samples up to the budget, in growing batches of distinct sorted positions', async () => {
    const { positions, check, calls } = setup(100000, 10);
    const r = await sampleCount(positions, 10000, check, 3);
    expect(r.sampled).toBe(MAX_SAMPLES);
    expect(calls.map((c) => c.length)).toEqual([32, 64, 128, 256, 512, 8]);
    const all = calls.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const c of calls) expect(c).toEqual([...c].sort((a, b) => a - b));
    // ~10% pass: the estimate brackets the true 10,000.
    expect(r.estimate.min).toBeLessThanOrEqual(10000);
    expect(r.estimate.max).toBeGreaterThanOrEqual(10000);
  });

  it('a set within the budget that does not decide early is counted exactly', async () => {
    const { positions, check } = setup(600, 2);
    const r = await sampleCount(positions, 300, check, 4);
    expect(r).toEqual({ estimate: { min: 300, expected: 300, max: 300, exact: true }, sampled: 600 });
  });

  it('is reproducible for a seed', async () => {
    const a = setup(20000, 7);
    const b = setup(20000, 7);
    const seed = seedOf('segment-1/20000');
    expect(await sampleCount(a.positions, 2857, a.check, seed)).toEqual(await sampleCount(b.positions, 2857, b.check, seed));
    expect(a.calls).toEqual(b.calls);
    expect(seedOf('a')).not.toBe(seedOf('b'));
  });

  it('addEstimates sums bounds and keeps exact only when both are', () => {
    expect(addEstimates({ min: 1, expected: 2, max: 3, exact: false }, { min: 4, expected: 4, max: 4, exact: true })).toEqual({ min: 5, expected: 6, max: 7, exact: false });
  });
});
