// The vecgres server as a child process for e2e suites (the CLI contract of apps/server):
// `node --import tsx apps/server/src/main.ts serve --host 127.0.0.1 --port 0 --data-dir <dir>
// --log-level warn` from the repo root, ready at `vecgres listening on <host>:<port>`. By default
// on a fresh temp data directory removed at stop(); with `dataDir` on the caller's directory
// (kept: restart and crash suites start several servers on one directory).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ChildServer, startChildServer } from './child-server';
import { makeTempDir, type TempDir } from './temp-dir';

/** The monorepo root (tools/server-process/src -> ../../..). */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** The server entry point; E2E_SERVER_ENTRY overrides it (to check a harness against a stand-in). */
export const SERVER_ENTRY = process.env.E2E_SERVER_ENTRY ?? join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');

const LISTENING = /vecgres listening on (\S+):(\d+)/;

export interface ServerOptions {
  /** Written to `<tmp>/config.json` and passed as `--config`. */
  config?: Record<string, unknown>;
  /** Extra CLI flags (`--max-connections`, `--tls-cert`, ...). */
  args?: string[];
  env?: Record<string, string>;
  /** Default `warn`, so protocol-error logging of robustness tests stays small. */
  logLevel?: string;
  /** An existing temp dir (e.g. holding TLS files) instead of a fresh one; kept at stop(). */
  tempDir?: TempDir;
  /** Run on this data directory (kept at stop()); default `<temp dir>/data`. */
  dataDir?: string;
  startTimeoutMs?: number;
}

/** node-postgres / postgres.js connection settings (user postgres, trust on loopback). */
export interface PgSettings {
  host: string;
  port: number;
  user: string;
  database: string;
}

export interface ServerHandle extends ChildServer {
  readonly tempDir: TempDir;
  pgConfig<T extends object = object>(overrides?: T): PgSettings & T;
  /** libpq conninfo for psql. */
  conninfo(params?: Record<string, string>): string;
  /** `postgres://postgres@host:port/postgres`. */
  url(): string;
}

/** A libpq conninfo string (user postgres, database postgres, no TLS unless `params` say so). */
export function pgConninfo(host: string, port: number, params: Record<string, string> = {}): string {
  return Object.entries({ host, port: String(port), user: 'postgres', dbname: 'postgres', sslmode: 'disable', ...params })
    .map(([k, v]) => `${k}='${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`)
    .join(' ');
}

export async function startServer(options: ServerOptions = {}): Promise<ServerHandle> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`server entry ${SERVER_ENTRY} does not exist`);
  const own = options.tempDir === undefined;
  const tempDir = options.tempDir ?? makeTempDir();
  const args = [
    '--import', 'tsx', SERVER_ENTRY, 'serve', '--host', '127.0.0.1', '--port', '0',
    '--data-dir', options.dataDir ?? tempDir.file('data'), '--log-level', options.logLevel ?? 'warn',
  ];
  if (options.config) args.push('--config', tempDir.write('config.json', JSON.stringify(options.config, null, 2)));
  args.push(...(options.args ?? []));
  const child = await startChildServer({
    args, listening: LISTENING, cwd: REPO_ROOT,
    ...(options.env ? { env: options.env } : {}),
    ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
    ...(own ? { cleanup: () => tempDir.remove() } : {}),
  });
  const { host, port } = child;
  return {
    ...child,
    tempDir,
    pgConfig: <T extends object = object>(overrides?: T) => ({ host, port, user: 'postgres', database: 'postgres', ...(overrides as T) }),
    conninfo: (params = {}) => pgConninfo(host, port, params),
    url: () => `postgres://postgres@${host}:${port}/postgres`,
  };
}
