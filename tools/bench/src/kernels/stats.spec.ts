import { median, timeInterleaved, timeReps, timesOf } from './stats';

describe('median', () => {
  it('handles odd and even counts without mutating the input', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('timeInterleaved', () => {
  it('alternates the functions round by round', async () => {
    const calls: string[] = [];
    const [a, b] = await timeInterleaved([async () => void calls.push('a'), async () => void calls.push('b')], 3, 100);
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(a!.wallNs).toHaveLength(3);
    expect(b!.cpuNs).toHaveLength(3);
  });
});

describe('timeReps', () => {
  it('runs reps times and returns positive times', async () => {
    let calls = 0;
    const t = await timeReps(async () => void calls++, 4, 100);
    expect(calls).toBe(4);
    expect(t.wallNs).toHaveLength(4);
    expect(t.cpuNs).toHaveLength(4);
    expect([...t.wallNs, ...t.cpuNs].every((x) => x > 0)).toBe(true);
    expect(timesOf(t, 'wall')).toBe(t.wallNs);
    expect(timesOf(t, 'cpu')).toBe(t.cpuNs);
  });


  it('stops after 3 runs once the budget is spent', async () => {
    let calls = 0;
    await timeReps(async () => void calls++, 10, 0);
    expect(calls).toBe(3);
    calls = 0;
    await timeReps(async () => void calls++, 2, 0);
    expect(calls).toBe(2);
  });
});
