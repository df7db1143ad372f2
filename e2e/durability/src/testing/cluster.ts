// One data directory that outlives server processes: start a server on it, SIGKILL it, start
// another (@vecgres/server-process starts each on the directory and keeps it).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { makeTempDir, startServer, type ServerExit, type ServerHandle, type TempDir } from '@vecgres/server-process';

export interface Cluster {
  readonly tempDir: TempDir;
  /** `<tmp>/data`, the server's --data-dir. */
  readonly dataDir: string;
  /** The running server, if any. */
  server(): ServerHandle;
  /** Starts a server on the data directory; resolves once it listens. */
  start(): Promise<ServerHandle>;
  /** SIGKILLs the running server (no shutdown hooks run) and waits for it to be gone. */
  kill(): Promise<ServerExit>;
  /** Graceful stop (SIGTERM). */
  stop(): Promise<ServerExit>;
  /** A connected node-postgres client of the running server. */
  connect(): Promise<Client>;
  /** Stops any server and deletes the directory. */
  remove(): Promise<void>;
}

export function makeCluster(prefix = 'vecgres-durability-'): Cluster {
  const tempDir = makeTempDir(prefix);
  let current: ServerHandle | undefined;
  const cluster: Cluster = {
    tempDir,
    dataDir: tempDir.file('data'),
    server() {
      if (!current) throw new Error('no server is running');
      return current;
    },
    async start() {
      if (current?.isRunning()) throw new Error('a server is already running on this data directory');
      current = await startServer({ dataDir: tempDir.file('data'), tempDir, logLevel: 'info', startTimeoutMs: 90_000 });
      return current;
    },
    async kill() {
      const s = cluster.server();
      current = undefined;
      return s.stop('SIGKILL', 0);
    },
    async stop() {
      const s = cluster.server();
      current = undefined;
      return s.stop('SIGTERM', 20_000);
    },
    async connect() {
      const s = cluster.server();
      const c = new Client({ host: s.host, port: s.port, user: 'postgres', database: 'postgres' });
      // A killed server makes idle clients emit 'error'; the workload sees the failed query.
      c.on('error', () => undefined);
      await c.connect();
      return c;
    },
    async remove() {
      if (current?.isRunning()) await current.stop('SIGKILL', 0);
      current = undefined;
      tempDir.remove();
    },
  };
  return cluster;
}

/** Files under `dir` (recursive), relative paths, for corruption targets and size reports. */
export function listFiles(dir: string, base = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

/** Sum of file sizes under `dir` whose relative path matches `pattern`. */
export function bytesUnder(dir: string, pattern: RegExp = /./): number {
  return listFiles(dir).filter((f) => pattern.test(f)).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}
