// Repetition and summary helpers for the timed loops.
import { timeCall } from './thread-cpu';

/**
 * Which clock turns bytes into GB/s. `wall`: elapsed time, the honest number on an idle
 * machine. `cpu`: on-CPU time of the thread that ran the scan (thread-cpu.ts), which leaves
 * out the time it waited for a core: use it when other jobs share the machine. Memory stalls
 * still count as on-CPU time, so a bandwidth-bound scan is measured either way.
 */
export type Clock = 'wall' | 'cpu';

export interface RepTimes {
  wallNs: number[];
  cpuNs: number[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function timesOf(t: RepTimes, clock: Clock): number[] {
  return clock === 'cpu' ? t.cpuNs : t.wallNs;
}

/**
 * Runs every function of `fns` once per round, in order, for up to `reps` rounds, and returns
 * each one's wall and CPU times in ns. Interleaving puts a scan and its reference read in the
 * same moments, so load that comes and goes on a shared machine hits both alike. After at
 * least min(3, reps) rounds it stops early once `maxSeconds` of wall time have been spent, so
 * the slow scalar cases of a full 1 GiB run stay within minutes.
 */
export async function timeInterleaved(
  fns: readonly (() => Promise<unknown>)[],
  reps: number,
  maxSeconds: number,
): Promise<RepTimes[]> {
  const minReps = Math.min(3, reps);
  const out: RepTimes[] = fns.map(() => ({ wallNs: [], cpuNs: [] }));
  let spentNs = 0;
  for (let i = 0; i < reps; i++) {
    for (const [j, fn] of fns.entries()) {
      const { wallNs, cpuNs } = await timeCall(fn);
      out[j]!.wallNs.push(wallNs);
      // Never report 0 for a run shorter than the clock's resolution.
      out[j]!.cpuNs.push(Math.max(1, cpuNs));
      spentNs += wallNs;
    }
    if (i + 1 >= minReps && spentNs > maxSeconds * 1e9) break;
  }
  return out;
}

/** timeInterleaved for one function. */
export async function timeReps(fn: () => Promise<unknown>, reps: number, maxSeconds: number): Promise<RepTimes> {
  return (await timeInterleaved([fn], reps, maxSeconds))[0]!;
}
