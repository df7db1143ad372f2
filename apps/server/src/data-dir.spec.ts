import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, lockDataDir } from './data-dir';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vecgres-datadir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('data directory lock', () => {
  it('creates the directory and a lock file with our PID, removed on release', () => {
    const dir = join(root, 'a', 'b');
    const lock = lockDataDir(dir, { host: '127.0.0.1', port: 5433 });
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').split('\n').slice(0, 2)).toEqual([String(process.pid), dir]);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a directory locked by a live process', () => {
    // PID 1 always exists (init of this container/host).
    writeFileSync(join(root, LOCK_FILE), '1\n');
    expect(() => lockDataDir(root, { host: 'h', port: 1 })).toThrow(/lock file ".*postmaster\.pid" already exists: is another vecgres server \(PID 1\) running/);
  });

  it('takes over a stale lock', () => {
    writeFileSync(join(root, LOCK_FILE), '999999999\n');
    const lock = lockDataDir(root, { host: 'h', port: 1 });
    expect(readFileSync(join(root, LOCK_FILE), 'utf8').startsWith(`${process.pid}\n`)).toBe(true);
    lock.release();
  });

  it('reports an unusable path', () => {
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    expect(() => lockDataDir(join(file, 'sub'), { host: 'h', port: 1 })).toThrow(/data directory ".*" is not usable: ENOTDIR/);
  });
});
