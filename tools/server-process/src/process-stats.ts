// Memory readings of the server process from /proc (Linux only, which is what CI runs).
import { readFileSync } from 'node:fs';

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field} line`);
  return Number(match[1]);
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number {
  return statusField(pid, 'VmRSS') / 1024;
}

/** Peak resident set size (high-water mark) in MiB since the process started. */
export function peakRssMiB(pid: number): number {
  return statusField(pid, 'VmHWM') / 1024;
}

/**
 * Samples the RSS every `intervalMs` until stop() is called; stop() returns the maximum seen.
 * Used around a workload so a transient spike between two point readings is not missed.
 */
export function sampleRss(pid: number, intervalMs = 50): { stop(): number } {
  let max = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      max = Math.max(max, rssMiB(pid));
    } catch {
      // The process exited; the test that owns it reports that separately.
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      try {
        max = Math.max(max, rssMiB(pid));
      } catch {
        /* exited */
      }
      return max;
    },
  };
}
