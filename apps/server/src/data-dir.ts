// The data directory: created if missing, checked writable, and locked with a
// `postmaster.pid`-style file (the owner's PID on its first line) created with O_EXCL, so two
// servers cannot share one directory. A lock left by a process that no longer exists is stale
// and taken over.
import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config/config-types';

export const LOCK_FILE = 'postmaster.pid';

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file (idempotent). */
  release(): void;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates/locks the data directory; throws ConfigError when it cannot be used. */
export function lockDataDir(dataDir: string, info: { host: string; port: number }): DataDirLock {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK | constants.R_OK | constants.X_OK);
  } catch (err) {
    throw new ConfigError(`data directory "${dataDir}" is not usable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigError(`could not create lock file "${path}": ${(err as NodeJS.ErrnoException).code}`);
      }
      let owner = NaN;
      try {
        owner = Number.parseInt(readFileSync(path, 'utf8').split('\n')[0] ?? '', 10);
      } catch {
        // Vanished between open and read: retry.
      }
      if (processAlive(owner)) {
        throw new ConfigError(
          `lock file "${path}" already exists: is another vecgres server (PID ${owner}) running in data directory "${dataDir}"?`,
        );
      }
      try {
        unlinkSync(path);
      } catch {
        // Someone else removed it first.
      }
      continue;
    }
    writeSync(fd, `${process.pid}\n${dataDir}\n${Math.floor(Date.now() / 1000)}\n${info.port}\n${info.host}\n`);
    closeSync(fd);
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        try {
          if (Number.parseInt(readFileSync(path, 'utf8'), 10) === process.pid) unlinkSync(path);
        } catch {
          // Already gone.
        }
      },
    };
  }
  throw new ConfigError(`could not lock data directory "${dataDir}"`);
}
