// @vecgres/hnsw: the filtered-HNSW façade over the native graph (native/core hnsw).
export { HnswIndex, type HnswSource } from './hnsw-index';
export type {
  HnswAddOptions,
  HnswArena,
  HnswBuildOptions,
  HnswGroupLinkOptions,
  HnswGroups,
  HnswParams,
  HnswScan,
  HnswScanBatch,
  HnswScanOptions,
  HnswSearchOptions,
  HnswStats,
} from './types';
