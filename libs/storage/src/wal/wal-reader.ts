// Reading the WAL back: every record from a given LSN, in order, stopping at the first record
// that is short (torn by a crash mid-write) or fails its checksum. Nothing after that point is
// trusted: a later record could depend on the lost one.
import * as path from 'node:path';

import type { StorageNative } from '@vecgres/native-bindings';

import { crc32cOf } from '../checksum';
import type { StorageFs } from '../fs/storage-fs';
import {
  WAL_HEADER_BYTES,
  WAL_MAX_RECORD_BYTES,
  WAL_RECORD_HEADER_BYTES,
  decodeWalHeader,
  parseWalFileName,
  readU64,
} from './wal-format';

export interface WalRecord {
  lsn: number;
  type: number;
  /** A view into the file buffer; copy it if you keep it beyond the callback. */
  payload: Uint8Array;
}

export type WalStopReason =
  | 'short-header' // fewer than 17 bytes left: the length/crc/lsn header itself is torn
  | 'short-record' // the header says more bytes than the file has
  | 'bad-length' // impossible length (0 in a zero-filled tail, < 9, or > 1 GiB)
  | 'bad-crc' // checksum mismatch: a torn or corrupted record
  | 'lsn-mismatch' // a well-formed record with the wrong LSN (stale or misplaced data)
  | 'bad-file-header';

/** Where and why reading stopped before the physical end of the log. */
export interface WalStop {
  reason: WalStopReason;
  file: string;
  /** Byte offset of the bad record inside `file`. */
  offset: number;
  /** The LSN the bad record should have had (the last good LSN + 1). */
  lsn: number;
  /** Files after `file`, which cannot be replayed across the gap. */
  laterFiles: string[];
}

export interface WalFileInfo {
  name: string;
  firstLsn: number;
}

export interface WalScanResult {
  /** LSN of the last valid record (or fromLsn - 1 / the hint when there is none). */
  lastLsn: number;
  /** Records passed to the callback. */
  replayed: number;
  /** Set when reading stopped at a torn or corrupt record. */
  stop?: WalStop;
  /** The file holding lastLsn and the byte offset just after its last valid record. */
  end?: { file: string; offset: number };
  files: WalFileInfo[];
}

export async function listWalFiles(fs: StorageFs, dir: string): Promise<WalFileInfo[]> {
  if (!(await fs.exists(dir))) return [];
  const out: WalFileInfo[] = [];
  for (const name of await fs.readdir(dir)) {
    const firstLsn = parseWalFileName(name);
    if (firstLsn !== undefined) out.push({ name, firstLsn });
  }
  return out.sort((a, b) => a.firstLsn - b.firstLsn);
}

/**
 * Calls `onRecord` for every valid record with lsn >= fromLsn, in LSN order. Records before
 * fromLsn are still checked (the scan must know where the valid log ends).
 */
export async function scanWal(
  fs: StorageFs,
  native: StorageNative,
  dir: string,
  fromLsn: number,
  onRecord: (rec: WalRecord) => void | Promise<void>,
): Promise<WalScanResult> {
  const files = await listWalFiles(fs, dir);
  const result: WalScanResult = { lastLsn: fromLsn - 1, replayed: 0, files };
  let expected: number | undefined;
  for (let fi = 0; fi < files.length; fi++) {
    const f = files[fi];
    const next = files[fi + 1];
    // A whole file below fromLsn whose successor starts at or before fromLsn holds nothing to replay.
    const skippable = next !== undefined && next.firstLsn <= fromLsn && expected === undefined;
    if (skippable) continue;
    const laterFiles = files.slice(fi + 1).map((x) => x.name);
    const buf = await fs.readFile(path.join(dir, f.name));
    const header = decodeWalHeader(native, buf);
    if ('error' in header || header.firstLsn !== f.firstLsn || (expected !== undefined && header.firstLsn !== expected)) {
      result.stop = { reason: 'bad-file-header', file: f.name, offset: 0, lsn: expected ?? f.firstLsn, laterFiles };
      return result;
    }
    expected = header.firstLsn;
    let off = WAL_HEADER_BYTES;
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    result.end = { file: f.name, offset: off };
    while (off < buf.byteLength) {
      const stop = (reason: WalStopReason): WalScanResult => {
        result.stop = { reason, file: f.name, offset: off, lsn: expected as number, laterFiles };
        return result;
      };
      if (buf.byteLength - off < WAL_RECORD_HEADER_BYTES) return stop('short-header');
      const len = dv.getUint32(off, true);
      if (len < 9 || len > WAL_MAX_RECORD_BYTES) return stop('bad-length');
      if (buf.byteLength - off - 8 < len) return stop('short-record');
      const body = buf.subarray(off + 8, off + 8 + len);
      if ((await crc32cOf(native, body)) !== dv.getUint32(off + 4, true)) return stop('bad-crc');
      const lsn = readU64(dv, off + 8);
      if (lsn !== expected) return stop('lsn-mismatch');
      if (lsn >= fromLsn) {
        await onRecord({ lsn, type: buf[off + 16], payload: body.subarray(9) });
        result.replayed++;
      }
      result.lastLsn = lsn;
      expected = lsn + 1;
      off += 8 + len;
      result.end = { file: f.name, offset: off };
    }
  }
  return result;
}
