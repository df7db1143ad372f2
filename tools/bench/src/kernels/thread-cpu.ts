// On-CPU time of the thread that did a piece of work, so a scan can be timed fairly on a
// machine where other jobs compete for the cores (wall time then includes the time the scan
// thread sat in the run queue; the process CPU total includes V8's background threads,
// e.g. the sweeper unmapping a freed 1 GiB arena).
//
// Linux: /proc/self/task/<tid>/schedstat starts with the thread's on-CPU nanoseconds. The scan
// runs on ONE libuv worker while the main thread waits in epoll, so the thread whose time grew
// most across the call is the scan thread. Elsewhere: process CPU time (user + system).
import { readdirSync, readFileSync } from 'node:fs';

export type ThreadTimes = Map<string, number>;

/** On-CPU ns per thread of this process, or undefined where /proc/self/task is missing. */
export function readThreadTimes(): ThreadTimes | undefined {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const times: ThreadTimes = new Map();
  for (const tid of tids) {
    try {
      const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ', 1)[0]);
      if (Number.isFinite(ns)) times.set(tid, ns);
    } catch {
      // The thread exited between readdir and read; it did not run the scan.
    }
  }
  return times.size > 0 ? times : undefined;
}

/** The largest per-thread growth between two snapshots (threads born in between count from 0). */
export function busiestThreadNs(before: ThreadTimes, after: ThreadTimes): number {
  let best = 0;
  for (const [tid, ns] of after) best = Math.max(best, ns - (before.get(tid) ?? 0));
  return best;
}

/**
 * Runs `fn` and returns its wall time and the on-CPU time of the busiest thread meanwhile
 * (process CPU time where per-thread times are unavailable), both in ns.
 */
export async function timeCall(fn: () => Promise<unknown>): Promise<{ wallNs: number; cpuNs: number }> {
  const threads0 = readThreadTimes();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wallNs = Number(process.hrtime.bigint() - t0);
  const threads1 = threads0 && readThreadTimes();
  if (threads0 && threads1) return { wallNs, cpuNs: busiestThreadNs(threads0, threads1) };
  const c = process.cpuUsage(cpu0);
  return { wallNs, cpuNs: (c.user + c.system) * 1000 };
}
