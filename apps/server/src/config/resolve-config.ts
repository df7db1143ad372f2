// Merges the configuration sources with precedence flag > environment > config file > default
// (the CLI contract), then validates. Every problem is a ConfigError with a one-line message
// naming where the bad value came from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConfigFile, type FileConfig } from './config-file';
import { ConfigError, DEFAULTS, LOG_LEVELS, type LogLevel, type ServerConfig } from './config-types';

/** Command-line flags as commander hands them over (all strings). */
export interface CliFlags {
  host?: string;
  port?: string;
  dataDir?: string;
  logLevel?: string;
  config?: string;
  tlsCert?: string;
  tlsKey?: string;
  maxConnections?: string;
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  readFile?: (path: string) => string;
}

type Source = { value: string | number; from: string } | undefined;

/** The first defined value among flag, env and file, with a label for error messages. */
function pick(flag: string | undefined, flagName: string, env: string | undefined, envName: string, file: string | number | undefined, fileKey: string): Source {
  if (flag !== undefined) return { value: flag, from: `--${flagName}` };
  if (env !== undefined && env !== '') return { value: env, from: envName };
  if (file !== undefined) return { value: file, from: `config file "${fileKey}"` };
  return undefined;
}

function integer(src: Source, fallback: number, min: number, max: number, what: string): number {
  if (!src) return fallback;
  const text = String(src.value).trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new ConfigError(`invalid ${what} "${src.value}" (from ${src.from}): expected an integer from ${min} to ${max}`);
  }
  return Number(text);
}

export function resolveConfig(flags: CliFlags, options: ResolveOptions = {}): ServerConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const readFile = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));

  const configPath = flags.config ?? (env.VECGRES_CONFIG || undefined);
  let file: FileConfig = {};
  if (configPath !== undefined) {
    const abs = resolve(cwd, configPath);
    let text: string;
    try {
      text = readFile(abs);
    } catch (err) {
      throw new ConfigError(`cannot read config file ${abs}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    file = parseConfigFile(text, abs);
  }

  const host = pick(flags.host, 'host', env.VECGRES_HOST, 'VECGRES_HOST', file.host, 'host');
  if (host && String(host.value).trim() === '') throw new ConfigError(`invalid host "" (from ${host.from})`);
  const port = integer(pick(flags.port, 'port', env.VECGRES_PORT, 'VECGRES_PORT', file.port, 'port'), DEFAULTS.port, 0, 65535, 'port');
  const maxConnections = integer(
    pick(flags.maxConnections, 'max-connections', env.VECGRES_MAX_CONNECTIONS, 'VECGRES_MAX_CONNECTIONS', file.maxConnections, 'maxConnections'),
    DEFAULTS.maxConnections, 1, 100000, 'max connections',
  );
  const checkpointInterval = integer(
    pick(undefined, 'checkpoint-interval', env.VECGRES_CHECKPOINT_INTERVAL, 'VECGRES_CHECKPOINT_INTERVAL', file.checkpointInterval, 'checkpointInterval'),
    DEFAULTS.checkpointInterval, 0, 86400 * 365, 'checkpoint interval',
  );
  // PostgreSQL's max_wal_size, in MB (2 .. 2^31-1 as there).
  const maxWalSize = integer(
    pick(undefined, 'max-wal-size', env.VECGRES_MAX_WAL_SIZE, 'VECGRES_MAX_WAL_SIZE', file.maxWalSize, 'maxWalSize'),
    DEFAULTS.maxWalSize, 2, 2147483647, 'max WAL size (MB)',
  );
  const level = pick(flags.logLevel, 'log-level', env.VECGRES_LOG_LEVEL, 'VECGRES_LOG_LEVEL', file.logLevel, 'logLevel');
  if (level && !LOG_LEVELS.includes(String(level.value) as LogLevel)) {
    throw new ConfigError(`invalid log level "${level.value}" (from ${level.from}): expected one of ${LOG_LEVELS.join(', ')}`);
  }
  const dataDirSrc = pick(flags.dataDir, 'data-dir', env.VECGRES_DATA_DIR, 'VECGRES_DATA_DIR', file.dataDir, 'dataDir');
  if (dataDirSrc && String(dataDirSrc.value) === '') throw new ConfigError(`invalid data directory "" (from ${dataDirSrc.from})`);
  // File paths were made absolute against the file's directory already; resolve() keeps them.
  const dataDir = resolve(cwd, String(dataDirSrc?.value ?? DEFAULTS.dataDir));

  const cert = pick(flags.tlsCert, 'tls-cert', env.VECGRES_TLS_CERT, 'VECGRES_TLS_CERT', file.tls?.cert, 'tls.cert');
  const key = pick(flags.tlsKey, 'tls-key', env.VECGRES_TLS_KEY, 'VECGRES_TLS_KEY', file.tls?.key, 'tls.key');
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConfigError('TLS needs both a certificate and a key (--tls-cert and --tls-key)');
  }

  const config: ServerConfig = {
    host: String(host?.value ?? DEFAULTS.host).trim(),
    port,
    dataDir,
    logLevel: (level?.value as LogLevel | undefined) ?? DEFAULTS.logLevel,
    maxConnections,
    checkpointInterval,
    maxWalSize,
    auth: file.auth ?? { users: {} },
  };
  if (cert && key) config.tls = { cert: resolve(cwd, String(cert.value)), key: resolve(cwd, String(key.value)) };
  return config;
}
