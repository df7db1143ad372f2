// Starts the vecgres server as a child process with a fresh data dir (the CLI contract of
// /work/briefs/pg-wire-api.md): `node --import tsx apps/server/src/main.ts serve --port 0
// --data-dir <tmp> --log-level warn` from the repo root, waits for the stdout line
// `vecgres listening on <host>:<port>`, and on stop sends SIGTERM (SIGKILL after a grace period)
// and deletes the data dir. Deliberately small; e2e/server-e2e has the full-featured harness.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** e2e/sqllogic/src/vecgres -> repo root. */
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const SERVER_ENTRY = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');

const LISTENING = /vecgres listening on (\S+):(\d+)/;
const TAIL = 4000;

export interface VecgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startVecgres(startTimeoutMs = 45_000): Promise<VecgresServer> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`vecgres server entry ${SERVER_ENTRY} does not exist`);
  const dir = mkdtempSync(join(tmpdir(), 'vecgres-sqllogic-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VECGRES_')));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SERVER_ENTRY, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', join(dir, 'data'), '--log-level', 'warn'],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
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
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const { host, port } = await new Promise<{ host: string; port: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "vecgres listening on" line within ${startTimeoutMs} ms`)), startTimeoutMs);
      child.stdout.on('data', () => {
        const m = LISTENING.exec(stdout);
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
    return { url: `postgres://postgres@${host}:${port}/postgres`, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\nstderr:\n${stderr}\nstdout:\n${stdout}`);
  }
}
