// Builders of synthetic reports for the formatting tests (no native core involved).
import type { SimdLevel } from '@vecgres/native-bindings';

import { casesForType, nativeDim, rowBytes } from '../kernels/cases';
import type { KernelResult, KernelsBenchOptions, KernelsReport, LevelReport } from '../kernels/types';

export const TEST_OPTIONS: KernelsBenchOptions = {
  arenaBytes: 1 << 20,
  dims: [128, 768],
  types: ['f32', 'bits'],
  reps: 3,
  maxCaseSeconds: 1,
  k: 10,
  clock: 'wall',
  arenaOffset: 0,
};

/**
 * A level whose every case scans at `scanGbPerSec` and whose memory reads at `memGbPerSec`;
 * `override` can set the rate of single cases (key "f32 l2sq topk 768").
 */
export function buildLevel(
  level: SimdLevel,
  memGbPerSec: number,
  scanGbPerSec: number,
  opts: KernelsBenchOptions = TEST_OPTIONS,
  override: Record<string, number> = {},
): LevelReport {
  const kernels: KernelResult[] = [];
  for (const type of opts.types) {
    for (const dim of opts.dims) {
      for (const c of casesForType(type)) {
        const rb = rowBytes(type, dim);
        const nRows = Math.floor(opts.arenaBytes / rb);
        const gbPerSec = override[`${type} ${c.metric} ${c.op} ${dim}`] ?? scanGbPerSec;
        const medianNs = (nRows * rb) / gbPerSec;
        kernels.push({
          level, type, metric: c.metric, op: c.op, dim, nativeDim: nativeDim(type, dim), rowBytes: rb,
          nRows, scannedBytes: nRows * rb, reps: opts.reps, medianNs, medianWallNs: medianNs, medianCpuNs: medianNs, nsPerDistance: medianNs / nRows, gbPerSec,
          pairedReadGbPerSec: memGbPerSec,
        });
      }
    }
  }
  const medianNs = opts.arenaBytes / memGbPerSec;
  return {
    level,
    memory: {
      level, bytes: opts.arenaBytes, reps: opts.reps, medianNs, medianWallNs: medianNs, medianCpuNs: medianNs, medianGbPerSec: memGbPerSec, bestGbPerSec: memGbPerSec * 1.1 },
    kernels,
  };
}

export function buildReport(levels: LevelReport[], opts: KernelsBenchOptions = TEST_OPTIONS): KernelsReport {
  return {
    command: 'npm run bench:kernels -- --quick',
    date: '2025-01-01T00:00:00Z',
    machine: {
      cpuModel: 'Test CPU', logicalCpus: 2, totalMemGiB: 8, nodeVersion: 'v20.0.0', os: 'linux test',
      transparentHugePages: 'always [madvise] never', loadAverage1m: 0.25,
    },
    options: opts,
    levels,
  };
}
