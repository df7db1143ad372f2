import { ComputedBatches } from './computed-batches';

describe('ComputedBatches', () => {
  it('produces lazily, once, and yields the batches in order', async () => {
    let calls = 0;
    const it = new ComputedBatches(async () => {
      calls++;
      return [[[1n]], [[2n], [3n]]];
    });
    expect(calls).toBe(0);
    const seen: unknown[] = [];
    for await (const b of it) seen.push(b);
    expect(seen).toEqual([[[1n]], [[2n], [3n]]]);
    expect(calls).toBe(1);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('return() before the first next() never produces; an error ends the run', async () => {
    let calls = 0;
    const idle = new ComputedBatches(async () => {
      calls++;
      return [];
    });
    expect(await idle.return(undefined)).toEqual({ done: true, value: undefined });
    expect(await idle.next()).toEqual({ done: true, value: undefined });
    expect(calls).toBe(0);
    const failing = new ComputedBatches(async () => {
      throw new Error('boom');
    });
    await expect(failing.next()).rejects.toThrow('boom');
    expect(await failing.next()).toEqual({ done: true, value: undefined });
  });
});
