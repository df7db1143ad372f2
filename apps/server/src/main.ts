// `vecgres serve`: the CLI entry (run with tsx; see bin/vecgres.js). The first import sets
// UV_THREADPOOL_SIZE before anything can touch the libuv pool.
import './thread-pool-size';
import { isSqlError } from '@vecgres/errors';
import { Command } from 'commander';
import type { Logger } from 'pino';
import { ConfigError, DEFAULTS, LOG_LEVELS } from './config/config-types';
import { resolveConfig, type CliFlags } from './config/resolve-config';
import { loadTlsContext } from './config/tls';
import { openDatabase, type OpenDatabase } from './engine/open-database';
import { createLogger } from './logger';
import { VecgresServer } from './server';

const VECGRES_VERSION = '0.1.0';
/** The same signal again within this many ms is the same request delivered twice (see serve). */
const DUPLICATE_SIGNAL_MS = 500;

/** Startup failures: one line on stderr, exit 1 (no stack for configuration problems). */
function fail(err: unknown, logger?: Logger): never {
  if (!(err instanceof ConfigError)) logger?.debug({ err }, 'startup failed');
  // Storage refusals (data directory locked, wrong format version) are SqlErrors with a hint.
  const hint = isSqlError(err) && err.hint ? `\nHINT: ${err.hint}` : '';
  process.stderr.write(`vecgres: ${err instanceof Error ? err.message : String(err)}${hint}\n`);
  process.exit(1);
}

async function serve(flags: CliFlags): Promise<void> {
  let logger: Logger | undefined;
  let server: VecgresServer | undefined;
  let database: OpenDatabase | undefined;
  // Signal handlers go in first: a supervisor may signal as soon as it sees the listening line.
  let stopping: { signal: NodeJS.Signals; at: number } | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // Under `npm start` one Ctrl-C arrives twice: from the terminal (to the whole process
      // group) and relayed by npm to its child. That is still the first request.
      if (stopping.signal === signal && performance.now() - stopping.at < DUPLICATE_SIGNAL_MS) return;
      logger?.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = { signal, at: performance.now() };
    logger?.info({ signal }, 'shutting down');
    // Sessions first (their open transactions roll back), then a checkpoint and the engine.
    void (server?.shutdown() ?? Promise.resolve())
      .then(() => database?.close())
      .catch((err: unknown) => logger?.error({ err }, 'shutdown checkpoint failed'))
      .finally(() => {
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
    database = await openDatabase(config, logger);
    server = new VecgresServer({ config, logger, db: database.db, ...(tls ? { tls } : {}) });
    const address = await server.listen();
    if (stopping) return;
    const line = `vecgres listening on ${config.host}:${address.port}`;
    process.stdout.write(`${line}\n`);
    logger.info({ host: config.host, port: address.port, dataDir: config.dataDir, tls: tls !== undefined }, line);
  } catch (err) {
    await database?.close().catch(() => undefined);
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
