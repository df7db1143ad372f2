// The two servers the compatibility suites compare: vecgres on a fresh data directory, and the
// PGlite oracle (PostgreSQL + pgvector 0.8.7 in WASM, oracle/pglite-server.ts), each a child
// process on a free loopback port (@vecgres/server-process holds the harness).
import { join } from 'node:path';
import { REPO_ROOT, pgConninfo, startChildServer, startServer } from '@vecgres/server-process';

export interface ChildServer {
  readonly host: string;
  readonly port: number;
  /** libpq conninfo for psql. */
  conninfo(): string;
  stop(): Promise<void>;
}

export async function startVecgres(timeoutMs = 60_000): Promise<ChildServer> {
  const s = await startServer({ startTimeoutMs: timeoutMs });
  return { host: s.host, port: s.port, conninfo: () => s.conninfo(), stop: async () => void (await s.stop()) };
}

/** PostgreSQL 18 + pgvector 0.8.7 (WASM); its first start takes ~10-30 s on a busy machine. */
export async function startOracle(timeoutMs = 90_000): Promise<ChildServer> {
  const entry = join(__dirname, '..', 'oracle', 'pglite-server.ts');
  const s = await startChildServer({ args: ['--import', 'tsx', entry], listening: /pglite oracle listening on (\S+):(\d+)/, cwd: REPO_ROOT, startTimeoutMs: timeoutMs });
  return { host: s.host, port: s.port, conninfo: () => pgConninfo(s.host, s.port), stop: async () => void (await s.stop()) };
}
