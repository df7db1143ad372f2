// Starts apps/server as a child process on a free port and stops it without leaking it:
// `node --import tsx apps/server/src/main.ts serve --port 0 --data-dir <tmp> ...` (cwd = repo
// root, the CLI contract of /work/briefs/pg-wire-api.md), waits for the stdout line
// `vecgres listening on <host>:<port>`, keeps stderr for diagnostics, and on stop sends
// SIGTERM, then SIGKILL when the process has not exited within the grace period.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { PoolConfig } from 'pg';
import { OutputBuffer } from './output-buffer';
import { REPO_ROOT, SERVER_ENTRY } from './repo-paths';
import { makeTempDir, TempDir } from './temp-dir';

export interface ServerOptions {
  /** Written to `<tmp>/config.json` and passed as `--config`. */
  config?: Record<string, unknown>;
  /** Extra CLI flags (`--max-connections`, `--tls-cert`, ...). */
  args?: string[];
  env?: Record<string, string>;
  /** Defaults to `warn` so protocol-error logging of the robustness tests stays small. */
  logLevel?: string;
  /** Use an existing temp dir (e.g. one holding TLS files) instead of a fresh one. */
  tempDir?: TempDir;
  startTimeoutMs?: number;
}

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerHandle {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  readonly tempDir: TempDir;
  /** Settles when the process exits (never rejects). */
  readonly exited: Promise<ServerExit>;
  isRunning(): boolean;
  stdout(): string;
  stderr(): string;
  /** Throws with the server's stderr tail when the process is gone. */
  assertAlive(): void;
  /** node-postgres settings for this server (user defaults to `postgres`, trust on loopback). */
  pgConfig(overrides?: Partial<PoolConfig>): PoolConfig;
  /** libpq connection string for psql. */
  conninfo(params?: Record<string, string>): string;
  /** Sends `signal` (default SIGTERM), SIGKILL after `graceMs`; removes the temp dir. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<ServerExit>;
}

const LISTENING = /vecgres listening on (\S+):(\d+)/;

export async function startServer(options: ServerOptions = {}): Promise<ServerHandle> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`server entry ${SERVER_ENTRY} does not exist (apps/server not built yet?)`);
  }
  const tempDir = options.tempDir ?? makeTempDir();
  const args = [
    '--import', 'tsx', SERVER_ENTRY, 'serve',
    '--host', '127.0.0.1', '--port', '0',
    '--data-dir', tempDir.file('data'),
    '--log-level', options.logLevel ?? 'warn',
  ];
  if (options.config) {
    args.push('--config', tempDir.write('config.json', JSON.stringify(options.config, null, 2)));
  }
  args.push(...(options.args ?? []));

  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = new OutputBuffer();
  const stderr = new OutputBuffer();
  const echo = process.env.E2E_SERVER_LOG === '1';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    stdout.push(s);
    if (echo) process.stderr.write(s);
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    stderr.push(s);
    if (echo) process.stderr.write(s);
  });

  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  // If the test process dies without running afterAll, do not leave a server behind.
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let address: { host: string; port: number };
  try {
    address = await waitForListening(child, stdout, stderr, exited, options.startTimeoutMs ?? 45_000);
  } catch (err) {
    await stopChild(child, exited, 'SIGKILL', 1000);
    process.removeListener('exit', killOnExit);
    if (!options.tempDir) tempDir.remove();
    throw err;
  }

  const handle: ServerHandle = {
    host: address.host,
    port: address.port,
    pid: child.pid!,
    tempDir,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stdout: () => stdout.text(),
    stderr: () => stderr.text(),
    assertAlive() {
      if (!handle.isRunning()) {
        throw new Error(
          `server exited (code ${child.exitCode}, signal ${child.signalCode}); stderr tail:\n${stderr.tail()}`,
        );
      }
    },
    pgConfig: (overrides = {}) => ({
      host: address.host,
      port: address.port,
      user: 'postgres',
      database: 'postgres',
      ...overrides,
    }),
    conninfo: (params = {}) =>
      Object.entries({ host: address.host, port: String(address.port), user: 'postgres', dbname: 'postgres', sslmode: 'disable', ...params })
        .map(([k, v]) => `${k}='${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`)
        .join(' '),
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      const exit = await stopChild(child, exited, signal, graceMs);
      process.removeListener('exit', killOnExit);
      if (!options.tempDir) tempDir.remove();
      return exit;
    },
  };
  return handle;
}

/** The parent's environment without VECGRES_* (so a developer's settings do not leak in). */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('VECGRES_')) env[k] = v;
  }
  return { ...env, ...extra };
}

function waitForListening(
  child: ChildProcess,
  stdout: OutputBuffer,
  stderr: OutputBuffer,
  exited: Promise<ServerExit>,
  timeoutMs: number,
): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = LISTENING.exec(stdout.text()) ?? LISTENING.exec(stderr.text());
      if (match) {
        done();
        resolve({ host: match[1]!, port: Number(match[2]) });
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`server did not print "vecgres listening on" within ${timeoutMs}ms; stderr:\n${stderr.tail()}\nstdout:\n${stdout.tail()}`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    void exited.then((exit) => {
      done();
      reject(new Error(`server exited before listening (code ${exit.code}, signal ${exit.signal}); stderr:\n${stderr.tail()}\nstdout:\n${stdout.tail()}`));
    });
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<ServerExit>,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<ServerExit> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const graceful = await Promise.race([
    exited,
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (graceful) return graceful;
  child.kill('SIGKILL');
  const killed = await exited;
  // Report that the graceful stop failed: the SIGKILL exit is not what the caller asked for.
  return { code: killed.code, signal: killed.signal ?? 'SIGKILL' };
}
