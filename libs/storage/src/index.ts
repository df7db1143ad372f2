// @vecgres/storage: durable table storage for vecgres: data directory, WAL with group commit,
// MVCC row versions, mutable + sealed segments (memory-mapped vectors), checkpoints, merges.
// See README.md for the model and the file formats.
export { StorageEngine, type StorageOptions } from './engine/storage-engine';
export { Transaction, type CommitOptions, type CommitResult, type TransactionSavepoint } from './engine/transaction';
export { ReadView, type TableReadView } from './engine/read-view';
export type { RecoverySummary } from './engine/recovery';
export { formatRecoverySummary } from './engine/recovery-log';
export type { CheckpointSummary } from './engine/checkpoint';
export type { SealSummary } from './engine/seal';
export type { MergeSummary } from './engine/merge';
export { pickMerge, type MergePolicyOptions, type MergeCandidate } from './engine/merge-policy';
export type { TableSize } from './engine/sizes';
export {
  isVisible,
  type RowInput,
  type StorageTableDef,
  type StoredRow,
  type VectorColumnDef,
} from './table/table-def';
export type { SegmentReader, VectorArena } from './table/segment-reader';
export { allBitsSet, getBit as bitmapGet, bitmapBytes } from './table/segment-reader';
export { segmentTopK, type SegmentMetric, type SegmentTopKRequest, type SegmentTopKResult } from './table/segment-top-k';
export { SealedSegment } from './segment/sealed-segment';
export { jsonRowCodec, type RowCodec, type RowValues } from './row/row-codec';
export { type StorageFs, type StorageFileHandle, nodeStorageFs } from './fs/storage-fs';
export { writeFileAtomic } from './fs/atomic-file';
export { FORMAT_VERSION } from './data-dir/layout';
export { initOrCheckDataDir } from './data-dir/format-version';
export { acquireDataDirLock, type DataDirLock } from './data-dir/data-dir-lock';
export { WalWriter, type WalWriterOptions, type WalStats } from './wal/wal-writer';
export { scanWal, type WalRecord, type WalScanResult, type WalStop } from './wal/wal-reader';
export { openWal } from './wal/open-wal';
