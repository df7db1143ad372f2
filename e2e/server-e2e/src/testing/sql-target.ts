// The database the pure-SQL scenarios talk to. Normally a fresh vecgres server; with
// E2E_REAL_PG_URL=postgres://user:pass@host:port/db set, a real PostgreSQL instead (oracle
// mode: the same assertions must hold there, which is how we know they describe PostgreSQL
// and not our own bugs). Server-specific scenarios (auth config, TLS, limits, signals, RSS)
// always start their own vecgres server.
import type { PoolConfig } from 'pg';
import type { Options as PostgresOptions } from 'postgres';
import { ServerHandle, ServerOptions, startServer } from '@vecgres/server-process';

export interface SqlTarget {
  readonly kind: 'vecgres' | 'postgresql';
  /** The server process, absent in oracle mode. */
  readonly server?: ServerHandle;
  pgConfig(overrides?: Partial<PoolConfig>): PoolConfig;
  /** A libpq connection string (URL or key=value) for psql. */
  conninfo(): string;
  /** Where raw-socket tests connect (they only do trust startup: in oracle mode use a trust user). */
  endpoint(): { host: string; port: number; user: string; database: string };
  /** Options for postgres.js (see postgresJsDefaults). */
  postgresOptions(overrides?: PostgresOptions<{}>): PostgresOptions<{}>;
  close(): Promise<void>;
}

export function oracleUrl(): string | undefined {
  const url = process.env.E2E_REAL_PG_URL;
  return url && url.trim() !== '' ? url : undefined;
}

/** A table name unique to this run, so oracle mode can share a real database safely. */
export function uniqueTableName(stem: string): string {
  return `e2e_${stem}_${process.pid}_${Date.now().toString(36)}`;
}

export async function openSqlTarget(options: ServerOptions = {}): Promise<SqlTarget> {
  const url = oracleUrl();
  if (url) {
    const parsed = new URL(url);
    return {
      kind: 'postgresql',
      pgConfig: (overrides = {}) => ({ connectionString: url, ...overrides }),
      conninfo: () => url,
      endpoint: () => ({
        host: parsed.hostname,
        port: Number(parsed.port || 5432),
        user: decodeURIComponent(parsed.username),
        database: parsed.pathname.slice(1) || 'postgres',
      }),
      postgresOptions: (overrides = {}) => ({
        host: parsed.hostname,
        port: Number(parsed.port || 5432),
        user: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
        database: parsed.pathname.slice(1) || 'postgres',
        ...postgresJsDefaults(),
        ...overrides,
      }),
      close: async () => undefined,
    };
  }
  const server = await startServer(options);
  return {
    kind: 'vecgres',
    server,
    pgConfig: (overrides) => server.pgConfig(overrides),
    conninfo: () => server.conninfo(),
    endpoint: () => ({ host: server.host, port: server.port, user: 'postgres', database: 'postgres' }),
    postgresOptions: (overrides = {}) => ({
      host: server.host,
      port: server.port,
      user: 'postgres',
      database: 'postgres',
      ...postgresJsDefaults(),
      ...overrides,
    }),
    async close() {
      await server.stop();
    },
  };
}

/**
 * postgres.js's defaults, including its pg_type catalog query on connect (fetch_types), which
 * the engine answers from pg_catalog. `onnotice` silences the default console logging of notices.
 */
function postgresJsDefaults(): PostgresOptions<{}> {
  return { onnotice: () => undefined, connect_timeout: 20 };
}
