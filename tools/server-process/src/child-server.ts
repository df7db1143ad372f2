// Any server as a child process: spawn it, wait for its "listening on <host>:<port>" line (on
// stdout or stderr), keep the tail of its output for diagnostics, and stop it without leaking
// it: SIGTERM (or the caller's signal), SIGKILL after a grace period, and SIGKILL when the test
// process exits first. vecgres-server.ts builds the vecgres command line on top; e2e suites
// also start other servers with it (the PGlite oracle of e2e/pgvector-compat).
import { type ChildProcess, spawn } from 'node:child_process';
import { OutputBuffer } from './output-buffer';

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildServerOptions {
  /** Arguments after `node` (process.execPath). */
  args: string[];
  /** The ready line; groups 1 and 2 are the host and the port. */
  listening: RegExp;
  cwd: string;
  /** Added to the parent's environment, from which every VECGRES_* variable is removed. */
  env?: Record<string, string>;
  /** Default 60 s (a cold tsx start on a busy 2-core machine takes several seconds). */
  startTimeoutMs?: number;
  /** Called once the process is gone after stop() or a failed start (e.g. remove its temp dir). */
  cleanup?: () => void;
}

export interface ChildServer {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  /** Settles when the process exits (never rejects). */
  readonly exited: Promise<ServerExit>;
  isRunning(): boolean;
  stdout(): string;
  stderr(): string;
  /** Throws with the server's stderr tail when the process is gone. */
  assertAlive(): void;
  /**
   * Sends `signal` (default SIGTERM), SIGKILL after `graceMs` (default 10 s); resolves with the
   * exit once the process is gone (signal SIGKILL when the grace period ran out).
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<ServerExit>;
}

/** The parent's environment without VECGRES_* (a developer's settings must not leak in), plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VECGRES_')) env[k] = v;
  return { ...env, ...extra };
}

export async function startChildServer(o: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, o.args, { cwd: o.cwd, env: childEnv(o.env), stdio: ['ignore', 'pipe', 'pipe'] });
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
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null;
  // If the test process dies without stopping the server, do not leave it behind.
  const killOnExit = (): void => {
    if (isRunning()) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let cleaned = false;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<ServerExit> => {
    const exit = await stopChild(child, exited, signal, graceMs);
    process.removeListener('exit', killOnExit);
    if (!cleaned) {
      cleaned = true;
      o.cleanup?.();
    }
    return exit;
  };

  let address: { host: string; port: number };
  try {
    address = await waitForListening(child, o.listening, stdout, stderr, exited, o.startTimeoutMs ?? 60_000);
  } catch (err) {
    await stop('SIGKILL', 1000);
    throw err;
  }
  return {
    ...address,
    pid: child.pid!,
    exited,
    isRunning,
    stdout: () => stdout.text(),
    stderr: () => stderr.text(),
    assertAlive() {
      if (!isRunning()) throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}); stderr tail:\n${stderr.tail()}`);
    },
    stop,
  };
}

function waitForListening(
  child: ChildProcess, listening: RegExp, stdout: OutputBuffer, stderr: OutputBuffer, exited: Promise<ServerExit>, timeoutMs: number,
): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): void => {
      const m = listening.exec(stdout.text()) ?? listening.exec(stderr.text());
      if (m && !settled) {
        done();
        resolve({ host: m[1]!, port: Number(m[2]) });
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`server did not print ${listening} within ${timeoutMs} ms; stderr:\n${stderr.tail()}\nstdout:\n${stdout.tail()}`));
    }, timeoutMs);
    const done = (): void => {
      settled = true;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    void exited.then((exit) => {
      if (settled) return;
      done();
      reject(new Error(`server exited before listening (code ${exit.code}, signal ${exit.signal}); stderr:\n${stderr.tail()}\nstdout:\n${stdout.tail()}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<ServerExit>, signal: NodeJS.Signals, graceMs: number): Promise<ServerExit> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const graceful = await Promise.race([exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), graceMs)))]);
  clearTimeout(timer);
  if (graceful) return graceful;
  child.kill('SIGKILL');
  const killed = await exited;
  // Report that the graceful stop failed: the SIGKILL exit is not what the caller asked for.
  return { code: killed.code, signal: killed.signal ?? 'SIGKILL' };
}
