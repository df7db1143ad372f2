import { busiestThreadNs, readThreadTimes, timeCall } from './thread-cpu';

describe('busiestThreadNs', () => {
  it('is the largest growth, counting new threads from zero', () => {
    const before = new Map([['1', 100], ['2', 1000]]);
    expect(busiestThreadNs(before, new Map([['1', 150], ['2', 1300]]))).toBe(300);
    expect(busiestThreadNs(before, new Map([['1', 150], ['3', 400]]))).toBe(400);
    expect(busiestThreadNs(before, before)).toBe(0);
  });
});

describe('readThreadTimes', () => {
  it('lists this process threads on Linux', () => {
    const t = readThreadTimes();
    if (process.platform !== 'linux') {
      expect(t).toBeUndefined();
      return;
    }
    expect(t!.get(String(process.pid))).toBeGreaterThan(0);
  });
});

describe('timeCall', () => {
  // Spins until this thread has run for `ns` on a CPU (by its own clock, not the wall clock,
  // so a busy machine cannot make it shorter).
  function spinOnCpu(ns: number): void {
    const own = (): number => {
      const t = readThreadTimes()?.get(String(process.pid));
      if (t !== undefined) return t;
      const c = process.cpuUsage();
      return (c.user + c.system) * 1000;
    };
    const start = own();
    while (own() - start < ns);
  }

  it('charges a busy main thread and not an idle wait', async () => {
    const busy = await timeCall(async () => spinOnCpu(30e6));
    expect(busy.cpuNs).toBeGreaterThanOrEqual(30e6);
    const idle = await timeCall(() => new Promise((r) => setTimeout(r, 60)));
    expect(idle.wallNs).toBeGreaterThan(50e6);
    expect(idle.cpuNs).toBeLessThan(30e6);
  });
});
