// The server's configuration after flags, environment, config file and defaults are merged.
import type { AuthMethod } from '@vecgres/pg-wire';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const AUTH_METHODS: readonly AuthMethod[] = ['trust', 'password', 'md5', 'scram-sha-256'];

export interface AuthUserConfig {
  /** Plaintext password (hashed per connection for md5 / SCRAM). */
  password?: string;
  /** Default: scram-sha-256 when a password is set, else the default method. */
  method?: AuthMethod;
}

export interface AuthConfig {
  users: Record<string, AuthUserConfig>;
  /** For users not listed. Default: trust on loopback, scram-sha-256 otherwise. */
  defaultMethod?: AuthMethod;
}

export interface TlsFiles {
  cert: string;
  key: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Absolute path. */
  dataDir: string;
  logLevel: LogLevel;
  maxConnections: number;
  /** Seconds between periodic checkpoints (catalog blob + WAL truncation); 0 = only at shutdown. */
  checkpointInterval: number;
  /**
   * max_wal_size in MB: WAL written since the last checkpoint that triggers one (besides the
   * timer), keeping the WAL and recovery time bounded during long ingests. Default 1024 (1GB).
   */
  maxWalSize?: number;
  tls?: TlsFiles;
  auth: AuthConfig;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 5433,
  dataDir: './vecgres-data',
  logLevel: 'info' as LogLevel,
  maxConnections: 100,
  checkpointInterval: 300,
  maxWalSize: 1024,
};

/** max_wal_size as SHOW prints it: MB, or GB when a whole number of them ('1GB', '1536MB'). */
export function formatMaxWalSize(mb: number): string {
  return mb % 1024 === 0 ? `${mb / 1024}GB` : `${mb}MB`;
}

/** A configuration problem: reported as one line on stderr, exit code 1, no stack. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
