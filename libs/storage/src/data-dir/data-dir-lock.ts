// Data-directory lock: an exclusively created pid file, so two servers never write the same
// WAL [PostgreSQL postmaster.pid]. A file left behind by a process that has died (crash,
// SIGKILL) is stale and is taken over.
import * as path from 'node:path';

import { dataDirInUse, fsError } from '../errors';
import { fromUtf8, utf8 } from '../fs/atomic-file';
import type { StorageFs } from '../fs/storage-fs';
import { LOCK_FILE } from './layout';

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else; it is alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireDataDirLock(fs: StorageFs, dir: string): Promise<DataDirLock> {
  const lockPath = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await fs.open(lockPath, 'wx');
      try {
        await fh.write(utf8(`${process.pid}\n`), 0);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.syncDir(dir);
      let released = false;
      return {
        path: lockPath,
        release: async () => {
          if (released) return;
          released = true;
          await fs.unlink(lockPath);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsError('create lock file', lockPath, e);
    }
    const text = fromUtf8(await fs.readFile(lockPath).catch(() => new Uint8Array())).trim();
    const pid = Number(text.split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      throw dataDirInUse(`lock file "${LOCK_FILE}" already exists`, {
        hint: `Is another vecgres server (PID ${pid}) running in data directory "${dir}"?`,
      });
    }
    // Stale (owner gone, or the file is empty after a crash during creation): take it over.
    await fs.unlink(lockPath).catch(() => undefined);
  }
  throw dataDirInUse(`could not acquire lock file "${lockPath}"`);
}
