// Opening the WAL at start-up: replay from an LSN, cut off a torn/corrupt tail, and return a
// writer positioned after the last valid record.
import * as path from 'node:path';

import type { StorageNative } from '@vecgres/native-bindings';

import type { StorageFs } from '../fs/storage-fs';
import { type WalRecord, type WalScanResult, scanWal } from './wal-reader';
import { WalWriter, type WalWriterOptions } from './wal-writer';

export interface OpenWalOptions extends WalWriterOptions {
  /** Replay records with lsn >= fromLsn. */
  fromLsn: number;
  /** The next LSN is at least this (e.g. checkpoint LSN + 1, in case every file was removed). */
  minNextLsn?: number;
  onRecord?: (rec: WalRecord) => void | Promise<void>;
}

export interface OpenWalResult {
  writer: WalWriter;
  scan: WalScanResult;
  /** Files deleted or truncated because they were past a torn/corrupt record. */
  repaired: string[];
}

export async function openWal(
  fs: StorageFs,
  native: StorageNative,
  dir: string,
  opts: OpenWalOptions,
): Promise<OpenWalResult> {
  await fs.mkdir(dir);
  const scan = await scanWal(fs, native, dir, opts.fromLsn, opts.onRecord ?? (() => undefined));
  const repaired: string[] = [];
  let files = scan.files;
  let current: { name: string; size: number } | null = scan.end ? { name: scan.end.file, size: scan.end.offset } : null;
  if (scan.stop) {
    const { file, offset, laterFiles } = scan.stop;
    // Nothing past the first bad record can be replayed, and new records must continue from
    // it, so the bad bytes and every later file go.
    for (const later of laterFiles) {
      await fs.unlink(path.join(dir, later));
      repaired.push(later);
    }
    if (offset === 0) {
      await fs.unlink(path.join(dir, file));
      current = null;
    } else {
      const fh = await fs.open(path.join(dir, file), 'r+');
      try {
        await fh.truncate(offset);
        await fh.sync();
      } finally {
        await fh.close();
      }
      current = { name: file, size: offset };
    }
    repaired.push(file);
    const gone = new Set([...laterFiles, ...(offset === 0 ? [file] : [])]);
    files = files.filter((f) => !gone.has(f.name));
    await fs.syncDir(dir);
  }
  let nextLsn = scan.lastLsn + 1;
  if (opts.minNextLsn !== undefined && opts.minNextLsn > nextLsn) {
    nextLsn = opts.minNextLsn;
    current = null; // a file's LSNs must be contiguous: start a new one
  }
  const writer = await WalWriter.open(fs, native, dir, { files, current, nextLsn }, opts);
  return { writer, scan, repaired };
}
