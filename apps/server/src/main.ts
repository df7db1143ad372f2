// `vecgres serve`: the CLI entry (run with tsx; see bin/vecgres.js). The first import sets
// UV_THREADPOOL_SIZE before anything can touch the libuv pool.
import './thread-pool-size';
import { Command } from 'commander';
import type { Logger } from 'pino';
import { loadParser } from './bootstrap/parse';
import { VECGRES_VERSION } from './bootstrap/settings';
import { ConfigError, DEFAULTS, LOG_LEVELS } from './config/config-types';
import { resolveConfig, type CliFlags } from './config/resolve-config';
import { loadTlsContext } from './config/tls';
import { lockDataDir, type DataDirLock } from './data-dir';
import { createLogger } from './logger';
import { VecgresServer } from './server';

/** Startup failures: one line on stderr, exit 1 (no stack for configuration problems). */
function fail(err: unknown, logger?: Logger): never {
  if (!(err instanceof ConfigError)) logger?.debug({ err }, 'startup failed');
  process.stderr.write(`vecgres: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

async function serve(flags: CliFlags): Promise<void> {
  let logger: Logger | undefined;
  let lock: DataDirLock | undefined;
  let server: VecgresServer | undefined;
  // Signal handlers go in first: a supervisor may signal as soon as it sees the listening line.
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger?.warn({ signal }, 'second signal: exiting now');
      lock?.release();
      process.exit(1);
    }
    stopping = true;
    logger?.info({ signal }, 'shutting down');
    void (server?.shutdown() ?? Promise.resolve()).finally(() => {
      lock?.release();
      logger?.info({}, 'shut down');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const config = resolveConfig(flags);
    const tls = config.tls ? loadTlsContext(config.tls) : undefined;
    logger = createLogger(config.logLevel);
    lock = lockDataDir(config.dataDir, { host: config.host, port: config.port });
    const parser = await loadParser();
    server = new VecgresServer({ config, logger, parser, ...(tls ? { tls } : {}) });
    const address = await server.listen();
    if (stopping) return;
    const line = `vecgres listening on ${config.host}:${address.port}`;
    process.stdout.write(`${line}\n`);
    logger.info({ host: config.host, port: address.port, dataDir: config.dataDir, tls: tls !== undefined }, line);
  } catch (err) {
    lock?.release();
    fail(err, logger);
  }
}

export function buildProgram(): Command {
  const program = new Command('vecgres')
    .description('A vector search engine that speaks the PostgreSQL wire protocol')
    .version(VECGRES_VERSION)
    .showHelpAfterError();
  program
    .command('serve')
    .description('run the server')
    .option('--host <host>', `address to listen on (env VECGRES_HOST, default ${DEFAULTS.host})`)
    .option('--port <port>', `TCP port, 0 picks a free one (env VECGRES_PORT, default ${DEFAULTS.port})`)
    .option('--data-dir <dir>', `data directory (env VECGRES_DATA_DIR, default ${DEFAULTS.dataDir})`)
    .option('--log-level <level>', `${LOG_LEVELS.join('|')} (env VECGRES_LOG_LEVEL, default ${DEFAULTS.logLevel})`)
    .option('--config <file>', 'JSON config file (env VECGRES_CONFIG)')
    .option('--tls-cert <pem>', 'TLS certificate (env VECGRES_TLS_CERT)')
    .option('--tls-key <pem>', 'TLS private key (env VECGRES_TLS_KEY)')
    .option('--max-connections <n>', `maximum concurrent sessions (env VECGRES_MAX_CONNECTIONS, default ${DEFAULTS.maxConnections})`)
    .action((flags: CliFlags) => serve(flags));
  return program;
}

void buildProgram().parseAsync(process.argv);
