// @vecgres/bench: benchmarks, each a commander command that a `vecgres bench` can register:
// the distance-kernel microbenchmark (`kernels`) and the ANN benchmark (`ann`: build time,
// index size, recall@k / QPS / p50 / p99 per ef_search, in-process engines or over the wire).
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
export { buildAnnCommand, registerAnnCommand, runAnnCli, DEFAULT_EFS } from './ann/command';
export type { AnnCliOptions } from './ann/command';
export { DatasetMissingError, loadAnnDataset, resolveDatasetDir, metricFromName } from './ann/dataset';
export type { AnnDataset } from './ann/dataset';
export { createEngine, ENGINE_NAMES, isEngineName, type EngineName } from './ann/engines/registry';
export { meanRecall, percentile, qpsAtRecall, recallAtK } from './ann/metrics';
export { runAnnBench, runEngine, measureEfs } from './ann/runner';
export { formatAnnReport, writeAnnJson } from './ann/report';
export { runWireBench, type WireOptions } from './ann/wire/wire-run';
export type {
  AnnEngine,
  AnnMetric,
  AnnReport,
  AnnRunOptions,
  BuildInput,
  BuildStats,
  EfResult,
  EngineResult,
} from './ann/types';
export { filteredDatasetDef, filteredRecall, resolveFilters, BRUTE_FORCE_BUDGET } from './ann/filtered/filters';
export type { FilterDef, FilteredDatasetDef, ResolvedFilter } from './ann/filtered/filters';
export { loadFilteredTable, runFilteredWireBench } from './ann/filtered/filtered-run';
export type { FilteredWireOptions, FilteredRunResult } from './ann/filtered/filtered-run';
export { formatFilteredMarkdown, chosenPass, firstAtRecall } from './ann/filtered/filtered-report';
export type { FilteredPass, FilteredReport, FilterResult } from './ann/filtered/filtered-types';
