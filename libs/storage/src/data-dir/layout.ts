// Where things live inside a data directory.
//
//   <dir>/VECGRES_VERSION        storage format version ("1\n"), written once at init
//   <dir>/vecgres.pid            data-directory lock (pid of the owner)
//   <dir>/manifest.json          last checkpoint: catalog blob, sealed segments, checkpoint LSN
//   <dir>/wal/<first-lsn>.wal    WAL files, named by the 16-hex-digit LSN of their first record
//   <dir>/segments/t<table>/<segment-id>/   sealed segment directories (immutable files)
//   <dir>/tmp/                   open transactions' spill files (scratch; emptied at open)
import * as path from 'node:path';

/**
 * 2: WAL data records of spilled transactions, add-vector-column DDL records, memory-mapped
 * payload files. A server of format 1 would misread such a WAL, so it must refuse the directory.
 */
export const FORMAT_VERSION = 2;
export const VERSION_FILE = 'VECGRES_VERSION';
export const LOCK_FILE = 'vecgres.pid';
export const MANIFEST_FILE = 'manifest.json';

export function walDir(dataDir: string): string {
  return path.join(dataDir, 'wal');
}

export function segmentsDir(dataDir: string): string {
  return path.join(dataDir, 'segments');
}

export function tableSegmentsDir(dataDir: string, tableId: number): string {
  return path.join(segmentsDir(dataDir), `t${tableId}`);
}

export function segmentDir(dataDir: string, tableId: number, segmentId: string): string {
  return path.join(tableSegmentsDir(dataDir, tableId), segmentId);
}

/** Spill files of large open transactions (see engine/tx-log.ts). */
export function txTempDir(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}
