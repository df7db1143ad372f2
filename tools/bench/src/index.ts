// @vecgres/bench: benchmarks. Today the distance-kernel microbenchmark (`kernels`); recall@k and
// QPS benchmarks will register next to it under a `vecgres bench` command.
export { buildKernelsCommand, registerKernelsCommand, optionsFromCli, loadReport } from './kernels/command';
export type { KernelsCliOptions } from './kernels/command';
export { runKernelsBench, DEFAULT_OPTIONS, QUICK_OPTIONS, resolveLevels } from './kernels/run';
export { measureLevel, measureKernels, measureMemory } from './kernels/measure';
export { formatTables, formatSection, acceptance, referenceBandwidth } from './kernels/report';
export { replaceMarkedSection, writeMarkedSection, KERNELS_BEGIN, KERNELS_END } from './kernels/docs-section';
export type {
  KernelsBenchOptions,
  KernelsReport,
  KernelResult,
  LevelReport,
  MemoryResult,
  MachineInfo,
} from './kernels/types';
