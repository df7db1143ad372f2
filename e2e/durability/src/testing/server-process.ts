// A server process on a given data directory: `node --import tsx apps/server/src/main.ts serve
// --port 0 --data-dir <dir>` (cwd = repo root), ready at the stdout line `vecgres listening on
// <host>:<port>`. Deliberately small (e2e packages do not import each other); e2e/server-e2e
// has the full-featured harness.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const SERVER_ENTRY = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');
const LISTENING = /vecgres listening on (\S+):(\d+)/;

export interface ServerExit { code: number | null; signal: NodeJS.Signals | null }

export interface ServerProcess {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  readonly exited: Promise<ServerExit>;
  isRunning(): boolean;
  stdout(): string;
  stderr(): string;
  /** Sends `signal`, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(signal: NodeJS.Signals, graceMs: number): Promise<ServerExit>;
}

/** The parent's environment without VECGRES_* (a developer's settings must not leak in). */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VECGRES_')));
}

export async function spawnServer(dataDir: string, opts: { logLevel?: string; startTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const args = ['--import', 'tsx', SERVER_ENTRY, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--log-level', opts.logLevel ?? 'info'];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const echo = process.env.E2E_SERVER_LOG === '1';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    if (echo) process.stderr.write(s);
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    err += s;
    if (echo) process.stderr.write(s);
  });
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  // If the test process dies without cleaning up, do not leave a server behind.
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals, graceMs: number): Promise<ServerExit> => {
    if (running()) child.kill(signal);
    const timer = setTimeout(() => running() && child.kill('SIGKILL'), graceMs);
    const exit = await exited;
    clearTimeout(timer);
    process.removeListener('exit', killOnExit);
    return exit;
  };
  const tail = (s: string): string => s.split('\n').slice(-30).join('\n');
  const address = await new Promise<{ host: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not listen within ${opts.startTimeoutMs ?? 90_000} ms; stderr:\n${tail(err)}`)), opts.startTimeoutMs ?? 90_000);
    const check = (): void => {
      const m = LISTENING.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ host: m[1], port: Number(m[2]) });
    };
    child.stdout.on('data', check);
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${e.code}, signal ${e.signal}); stderr:\n${tail(err)}\nstdout:\n${tail(out)}`));
    });
  }).catch(async (e: unknown) => {
    await stop('SIGKILL', 0);
    throw e;
  });
  return {
    ...address,
    pid: child.pid as number,
    exited,
    isRunning: running,
    stdout: () => out,
    stderr: () => err,
    stop,
  };
}

/** Resident set size of a process in MiB (/proc/<pid>/status VmRSS). */
export function rssMiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(m[1]) / 1024;
}
