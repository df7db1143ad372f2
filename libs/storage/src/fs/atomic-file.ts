// Durable whole-file replacement: write a temp file, fsync it, rename over the target, fsync the
// directory. A crash at any point leaves either the old or the new file, never a mix, and
// after it returns the new content survives power loss [PostgreSQL durable_rename()].
import * as path from 'node:path';

import type { StorageFs } from './storage-fs';

/** Replaces (or creates) `file` with `data`, durably and atomically. */
export async function writeFileAtomic(fs: StorageFs, file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`;
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.write(data, 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, file);
  await fs.syncDir(path.dirname(file));
}

/** Creates a new file with `data` and fsyncs it (the caller fsyncs the directory once for many). */
export async function writeFileDurable(fs: StorageFs, file: string, data: Uint8Array): Promise<void> {
  const fh = await fs.open(file, 'w');
  try {
    await fh.write(data, 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function fromUtf8(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}
