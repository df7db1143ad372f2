// The shapes that cross from a per-level child process to the parent (as JSON) and from the
// parent to the markdown report. Plain data only: numbers, strings, arrays.
import type { ElemType, Metric, SimdLevel } from '@vecgres/native-bindings';

import type { ScanOp } from './cases';
import type { Clock } from './stats';

/** What one measuring run (one process, one SIMD level) does. */
export interface KernelsBenchOptions {
  /** Bytes per arena (rounded down to whole rows); ~1 GiB by default, far beyond any cache. */
  arenaBytes: number;
  /** Benchmark dimensions (elements per row; bit rows use d*8 bits, see nativeDim). */
  dims: number[];
  /** Element types to measure (default: all). */
  types: ElemType[];
  /** Timed repetitions per case; the report uses the median. */
  reps: number;
  /** Stop repeating a case after this many seconds once at least 3 (or `reps`) runs are done. */
  maxCaseSeconds: number;
  /** k of the scanTopK lines. */
  k: number;
  /** The clock behind medianNs and every GB/s figure (see stats.ts). */
  clock: Clock;
  /** Bytes between the start of each arena's ArrayBuffer and its rows (see arena.ts). */
  arenaOffset: number;
  /**
   * When set (a power of two <= 4096): arenas come from allocAlignedArena with this alignment
   * and arenaOffset counts from that boundary instead of from the ArrayBuffer's start.
   */
  arenaAlign?: number;
}

export interface KernelResult {
  level: SimdLevel;
  type: ElemType;
  metric: Metric;
  op: ScanOp;
  /** Benchmark dimension d (elements per row; bit rows have d*8 bits). */
  dim: number;
  /** The dim handed to the native core (bits for `bits`). */
  nativeDim: number;
  rowBytes: number;
  nRows: number;
  /** Arena bytes each scan reads: nRows * rowBytes. */
  scannedBytes: number;
  reps: number;
  /** Median time per scan on the options' clock (the wall and CPU medians follow). */
  medianNs: number;
  medianWallNs: number;
  medianCpuNs: number;
  /** medianNs / nRows (one query). */
  nsPerDistance: number;
  /** scannedBytes / medianNs (GB = 1e9 bytes). */
  gbPerSec: number;
  /**
   * readMemory over the same arena, each run right after a scan run (median, same clock): a
   * reference taken in the same moments as the scan, at the same level and alignment.
   */
  pairedReadGbPerSec: number;
}

export interface MemoryResult {
  level: SimdLevel;
  bytes: number;
  reps: number;
  /** Median on the options' clock, then the wall and CPU medians. */
  medianNs: number;
  medianWallNs: number;
  medianCpuNs: number;
  medianGbPerSec: number;
  /** The fastest repetition (same clock). */
  bestGbPerSec: number;
}

/** Everything one child process measured at one SIMD level. */
export interface LevelReport {
  level: SimdLevel;
  memory: MemoryResult;
  kernels: KernelResult[];
}

export interface MachineInfo {
  cpuModel: string;
  logicalCpus: number;
  totalMemGiB: number;
  nodeVersion: string;
  os: string;
  /** /sys/kernel/mm/transparent_hugepage/enabled, e.g. "always [madvise] never". */
  transparentHugePages: string;
  /** 1-minute load average when the run started: other work on the box skews the numbers. */
  loadAverage1m: number;
}

export interface KernelsReport {
  command: string;
  date: string;
  machine: MachineInfo;
  options: KernelsBenchOptions;
  levels: LevelReport[];
}
