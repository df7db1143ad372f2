// Orchestration: which levels to measure, one child process per level (sequentially), then
// the assembled report.
import type { SimdLevel } from '@vecgres/native-bindings';

import { FULL_DIMS, QUICK_DIMS, ELEM_TYPES } from './cases';
import { loadCoreForBench } from './load-core';
import { machineInfo } from './machine';
import type { Progress } from './measure';
import { runLevelInChild } from './spawn-level';
import type { KernelsBenchOptions, KernelsReport } from './types';

export const DEFAULT_OPTIONS: KernelsBenchOptions = {
  arenaBytes: 1024 * 2 ** 20,
  dims: [...FULL_DIMS],
  types: [...ELEM_TYPES],
  reps: 5,
  maxCaseSeconds: 4,
  k: 10,
  clock: 'wall',
  arenaOffset: 0,
};

/** `--quick`: a smoke run in seconds (small arena, two dims, 3 reps). */
export const QUICK_OPTIONS: KernelsBenchOptions = {
  ...DEFAULT_OPTIONS,
  arenaBytes: 64 * 2 ** 20,
  dims: [...QUICK_DIMS],
  reps: 3,
};

/** The levels to measure: those requested (each must be available) or all available ones. */
export function resolveLevels(available: readonly SimdLevel[], requested?: readonly SimdLevel[]): SimdLevel[] {
  if (!requested || requested.length === 0) return [...available];
  const missing = requested.filter((l) => !available.includes(l));
  if (missing.length > 0) {
    throw Object.assign(new Error(`SIMD level(s) not available here: ${missing.join(', ')} (have ${available.join(', ')})`), {
      code: '22023',
    });
  }
  return [...requested];
}

export interface RunKernelsBenchArgs {
  options: KernelsBenchOptions;
  levels?: SimdLevel[];
  command: string;
  progress?: Progress;
}

export async function runKernelsBench(args: RunKernelsBenchArgs): Promise<KernelsReport> {
  const levels = resolveLevels(loadCoreForBench().availableSimdLevels(), args.levels);
  const machine = machineInfo();
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const reports = [];
  for (const level of levels) reports.push(await runLevelInChild(level, args.options, args.progress));
  return {
    command: args.command,
    date,
    machine,
    options: args.options,
    levels: reports,
  };
}
