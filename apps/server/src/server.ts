// The composition root of a running server: a net.Server whose sockets go to pg-wire's
// serveConnection, each with a fresh BackendKeyData key; a registry of sessions by key for
// CancelRequest; the max_connections limit; and graceful shutdown (stop accepting, terminate
// every session with 57P01, wait for the sockets to close).
import { randomInt } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { cannotConnectNow, tooManyConnections } from '@vecgres/errors';
import { createScramCache, serveConnection, type StartupInfo, type WireConnection, type WireLogger } from '@vecgres/pg-wire';
import { Session, type Database } from '@vecgres/executor';
import type { Logger } from 'pino';
import { createAuthProvider } from './auth';
import { ConfigError, DEFAULTS, formatMaxWalSize, type ServerConfig } from './config/config-types';
import { activityRows } from './engine/activity';
import { EngineQueryHandler } from './engine/engine-handler';

export interface ServerOptions {
  config: ServerConfig;
  logger: Logger;
  /** The SQL engine's database (over the opened StorageEngine); sessions are made per connection. */
  db: Database;
  tls?: SecureContext;
}

/** How long shutdown waits for sessions to close before it stops waiting. */
const SHUTDOWN_GRACE_MS = 5000;

export class VecgresServer {
  private readonly server: Server;
  private readonly sessions = new Map<string, EngineQueryHandler>();
  private readonly connections = new Set<WireConnection>();
  private readonly processIds = new Set<number>();
  private readonly scramCache = createScramCache();
  private readonly auth;
  private shuttingDown = false;

  constructor(private readonly options: ServerOptions) {
    this.auth = createAuthProvider(options.config.auth);
    this.server = createServer({ noDelay: true }, (socket) => this.accept(socket));
  }

  /** Number of sessions past authentication. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(): Promise<AddressInfo> {
    const { host, port } = this.options.config;
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        reject(new ConfigError(`could not listen on ${host}:${port}: ${err.code ?? err.message}`));
      };
      this.server.once('error', onError);
      this.server.listen({ host, port }, () => {
        this.server.removeListener('error', onError);
        this.server.on('error', (err) => this.options.logger.error({ err }, 'server socket error'));
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** Stops accepting, terminates every connection (FATAL 57P01), waits for them to close. */
  async shutdown(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const all = Promise.all([...this.connections].map((c) => c.terminate().catch(() => undefined)));
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
    });
    await Promise.race([Promise.all([all, closed]), grace]);
    clearTimeout(timer);
  }

  private newBackendKey(): { processId: number; secretKey: number } {
    // Positive int32 values: the same whether a client reads the fields signed or unsigned.
    let processId: number;
    do processId = randomInt(1, 0x7fffffff);
    while (this.processIds.has(processId));
    this.processIds.add(processId);
    return { processId, secretKey: randomInt(1, 0x7fffffff) };
  }

  private accept(socket: Socket): void {
    if (this.shuttingDown) {
      socket.destroy();
      return;
    }
    const backendKey = this.newBackendKey();
    const key = `${backendKey.processId}:${backendKey.secretKey}`;
    const logger = this.options.logger.child({ conn: backendKey.processId, remote: socket.remoteAddress });
    let session: EngineQueryHandler | null = null;
    const conn = serveConnection(socket, {
      auth: this.auth,
      ...(this.options.tls ? { tls: this.options.tls } : {}),
      backendKey,
      logger: logger as unknown as WireLogger,
      scramCache: this.scramCache,
      createHandler: async (startup: StartupInfo) => {
        if (this.shuttingDown) throw cannotConnectNow('the database system is shutting down', { severity: 'FATAL' });
        if (this.sessions.size >= this.options.config.maxConnections) {
          throw tooManyConnections('sorry, too many clients already', { severity: 'FATAL' });
        }
        const engineSession = new Session(this.options.db, startup.user, {
          maxConnections: this.options.config.maxConnections,
          maxWalSize: formatMaxWalSize(this.options.config.maxWalSize ?? DEFAULTS.maxWalSize),
          startupParams: startup.params,
        });
        engineSession.serverInfo = { activity: () => activityRows(this.sessions, engineSession) };
        session = new EngineQueryHandler(engineSession, () => this.sessions.delete(key));
        this.sessions.set(key, session);
        logger.debug({ user: startup.user, database: startup.database }, 'session started');
        return session;
      },
      cancel: (processId, secretKey) => {
        const target = this.sessions.get(`${processId}:${secretKey}`);
        logger.debug({ target: processId, found: target !== undefined }, 'cancel request');
        target?.cancel();
      },
    });
    this.connections.add(conn);
    void conn.closed.then(async () => {
      this.connections.delete(conn);
      this.processIds.delete(backendKey.processId);
      this.sessions.delete(key);
      // Ending the session drops its temp tables; if that fails, startup cleanup does it.
      await (session as EngineQueryHandler | null)?.close().catch((err: unknown) => logger.error({ err }, 'session end failed'));
    });
  }
}
