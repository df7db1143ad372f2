// manifest.json: the last checkpoint. Replaced atomically (temp + fsync + rename + fsync dir),
// and checksummed so a damaged manifest is refused instead of silently misread.
import * as path from 'node:path';

import type { StorageNative } from '@vecgres/native-bindings';

import { MANIFEST_FILE } from '../data-dir/layout';
import { dataCorrupted } from '../errors';
import { fromUtf8, utf8, writeFileAtomic } from '../fs/atomic-file';
import type { StorageFs } from '../fs/storage-fs';
import type { DeletesRef } from '../segment/sealed-segment';
import type { StorageTableDef } from '../table/table-def';

export interface ManifestSegment {
  id: string;
  rows: number;
  deletes: DeletesRef | null;
}

export interface ManifestTable {
  def: StorageTableDef;
  nextRowId: number;
  /** Replay re-applies this table's inserts from this LSN on (older ones are sealed). */
  insertsFromLsn: number;
  segments: ManifestSegment[];
}

export interface Manifest {
  formatVersion: number;
  /** Every WAL record <= this is reflected in the segments + deletes files (except mutable rows). */
  checkpointLsn: number;
  lastCommitSeq: number;
  nextTableId: number;
  nextSegmentSeq: number;
  /** The caller's catalog blob as of checkpointLsn (opaque JSON). */
  catalog: unknown;
  tables: ManifestTable[];
  crc32c?: number;
}

export function emptyManifest(formatVersion: number): Manifest {
  return {
    formatVersion,
    checkpointLsn: 0,
    lastCommitSeq: 0,
    nextTableId: 1,
    nextSegmentSeq: 1,
    catalog: null,
    tables: [],
  };
}

export async function readManifest(fs: StorageFs, native: StorageNative, dataDir: string): Promise<Manifest | null> {
  const p = path.join(dataDir, MANIFEST_FILE);
  if (!(await fs.exists(p))) return null;
  let m: Manifest;
  try {
    m = JSON.parse(fromUtf8(await fs.readFile(p))) as Manifest;
  } catch (e) {
    throw dataCorrupted(`manifest file "${p}" is not valid JSON`, { cause: e });
  }
  const { crc32c, ...body } = m;
  const bytes = utf8(JSON.stringify(body));
  const actual = bytes.byteLength <= 65536 ? native.crc32c(bytes) : await native.crc32cAsync(bytes);
  if (crc32c !== actual) throw dataCorrupted(`checksum mismatch in manifest file "${p}"`);
  return m;
}

export async function writeManifest(fs: StorageFs, native: StorageNative, dataDir: string, m: Manifest): Promise<void> {
  const { crc32c: _old, ...body } = m;
  const bytes = utf8(JSON.stringify(body));
  const crc = bytes.byteLength <= 65536 ? native.crc32c(bytes) : await native.crc32cAsync(bytes);
  await writeFileAtomic(fs, path.join(dataDir, MANIFEST_FILE), utf8(JSON.stringify({ ...body, crc32c: crc })));
}
