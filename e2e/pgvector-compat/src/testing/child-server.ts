// Starts a server child process (vecgres or the PGlite oracle) on a free loopback port, waits
// for its "listening on <host>:<port>" line, and stops it (SIGTERM, SIGKILL after a grace
// period) without leaking it when the test process dies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** e2e/pgvector-compat/src/testing -> repo root. */
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const TAIL = 8000;

export interface ChildServer {
  readonly host: string;
  readonly port: number;
  /** libpq conninfo for psql. */
  conninfo(): string;
  stop(): Promise<void>;
}

export async function startVecgres(timeoutMs = 60_000): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vecgres-pgvector-compat-'));
  const entry = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');
  const args = ['--import', 'tsx', entry, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', join(dir, 'data'), '--log-level', 'warn'];
  return startChild(args, /vecgres listening on (\S+):(\d+)/, timeoutMs, () => rmSync(dir, { recursive: true, force: true }));
}

/** PostgreSQL 18 + pgvector 0.8.7 (WASM); its first start takes ~10-30 s on a busy machine. */
export async function startOracle(timeoutMs = 90_000): Promise<ChildServer> {
  const entry = join(__dirname, '..', 'oracle', 'pglite-server.ts');
  return startChild(['--import', 'tsx', entry], /pglite oracle listening on (\S+):(\d+)/, timeoutMs, () => undefined);
}

async function startChild(args: string[], listening: RegExp, timeoutMs: number, cleanup: () => void): Promise<ChildServer> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VECGRES_')));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(-TAIL)));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-TAIL)));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', killOnExit);
    cleanup();
  };
  try {
    const { host, port } = await new Promise<{ host: string; port: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${timeoutMs} ms`)), timeoutMs);
      child.stdout.on('data', () => {
        const m = listening.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve({ host: m[1]!, port: Number(m[2]) });
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`server exited before listening (code ${child.exitCode}, signal ${child.signalCode})`));
      });
    });
    return {
      host,
      port,
      conninfo: () => `host=${host} port=${port} user=postgres dbname=postgres sslmode=disable`,
      stop,
    };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\nstderr:\n${stderr}\nstdout:\n${stdout}`);
  }
}
