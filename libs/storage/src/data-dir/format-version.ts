// The storage format version file. A data directory written by another format version is
// refused at start-up with a message naming both versions, as PostgreSQL does with PG_VERSION,
// instead of misreading its files.
import * as path from 'node:path';

import { incompatibleDataDir } from '../errors';
import { fromUtf8, utf8, writeFileAtomic } from '../fs/atomic-file';
import type { StorageFs } from '../fs/storage-fs';
import { FORMAT_VERSION, VERSION_FILE } from './layout';

export interface DataDirInit {
  /** True when the directory was empty (or absent) and has just been initialised. */
  created: boolean;
}

/**
 * Initialises an empty (or missing) data directory, or checks the format version of an
 * existing one. `expected` is overridable for tests of the refusal path.
 */
export async function initOrCheckDataDir(
  fs: StorageFs,
  dir: string,
  expected: number = FORMAT_VERSION,
): Promise<DataDirInit> {
  await fs.mkdir(dir);
  const versionPath = path.join(dir, VERSION_FILE);
  if (await fs.exists(versionPath)) {
    const text = fromUtf8(await fs.readFile(versionPath)).trim();
    const found = /^\d+$/.test(text) ? Number(text) : NaN;
    if (found !== expected) {
      throw incompatibleDataDir('database files are incompatible with server', {
        detail:
          `The data directory "${dir}" was initialized by vecgres storage format version ` +
          `${Number.isNaN(found) ? JSON.stringify(text) : found}, which is not compatible with this ` +
          `version ${expected}.`,
        hint: 'Use a server built for that format version, or start with a new data directory.',
      });
    }
    return { created: false };
  }
  const entries = (await fs.readdir(dir)).filter((e) => !e.startsWith('.'));
  if (entries.length > 0) {
    throw incompatibleDataDir(`directory "${dir}" exists but is not a vecgres data directory`, {
      detail: `It has no ${VERSION_FILE} file but contains ${entries.length} entries.`,
      hint: 'Point the server at an empty directory or at an existing vecgres data directory.',
    });
  }
  await writeFileAtomic(fs, versionPath, utf8(`${expected}\n`));
  return { created: true };
}
