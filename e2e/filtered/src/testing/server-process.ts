// A vecgres server process on a fresh temp data directory: `node --import tsx
// apps/server/src/main.ts serve --port 0 --data-dir <tmp>` (cwd = repo root), ready at the
// stdout line `vecgres listening on <host>:<port>`. A small copy of e2e/server-e2e's harness
// (e2e packages do not import each other: tools/repo-checks layer rules).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientConfig } from 'pg';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const SERVER_ENTRY = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');
const LISTENING = /vecgres listening on (\S+):(\d+)/;

export interface FilteredServer {
  readonly host: string;
  readonly port: number;
  /** node-postgres settings (user postgres, trust on loopback). */
  pgConfig(): ClientConfig;
  /** Throws with the server's stderr tail when the process has exited. */
  assertAlive(): void;
  /** SIGTERM, SIGKILL after 10 s; removes the data directory. */
  stop(): Promise<void>;
}

/** The parent's environment without VECGRES_* (a developer's settings must not leak in). */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VECGRES_')));
}

const tail = (s: string): string => s.split('\n').slice(-30).join('\n');

export async function startServer(startTimeoutMs = 90_000): Promise<FilteredServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vecgres-filtered-'));
  const args = ['--import', 'tsx', SERVER_ENTRY, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', join(dir, 'data'), '--log-level', 'warn'];
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
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // If the test process dies without cleaning up, do not leave a server behind.
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const killOnExit = (): void => {
    if (running()) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    if (running()) child.kill('SIGTERM');
    const timer = setTimeout(() => running() && child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    process.removeListener('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };
  const address = await new Promise<{ host: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not listen within ${startTimeoutMs} ms; stderr:\n${tail(err)}`)), startTimeoutMs);
    const check = (): void => {
      const m = LISTENING.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ host: m[1]!, port: Number(m[2]) });
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening; stderr:\n${tail(err)}\nstdout:\n${tail(out)}`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return {
    ...address,
    pgConfig: () => ({ host: address.host, port: address.port, user: 'postgres', database: 'postgres' }),
    assertAlive() {
      if (!running()) throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}); stderr:\n${tail(err)}`);
    },
    stop,
  };
}
