// One client connection: startup -> authentication -> handler -> the query loop, plus closing
// (client hang-up, Terminate, FATAL errors, server shutdown). Messages are handled strictly
// in arrival order and every response goes through one Outbox, so pipelined clients get
// their answers in order [postgres.c PostgresMain].
import type { Socket } from 'node:net';
import { adminShutdown, isSqlError, notSupported, type SqlError } from '@vecgres/errors';
import { authenticate } from '../auth/authenticate';
import { FrameReader } from '../framing/frame-reader';
import { authPhasePolicy, queryPhasePolicy } from '../framing/policies';
import { encodeAuthentication } from '../messages/backend/authentication';
import { encodeBackendKeyData } from '../messages/backend/backend-key-data';
import { encodeParameterStatus } from '../messages/backend/parameter-status';
import { decodeFrontendMessage, type FrontendMessage } from '../messages/frontend';
import type { StartupInfo } from '../query-handler';
import { dropPortalsIfTransactionEnded, isFatal, queueError, reportable, sendReadyForQuery, type WireContext } from './context';
import { handleBind, handleClose, handleDescribe, handleExecute, handleParse } from './extended-query';
import { IdleTimer } from './idle-timer';
import { resolveLimits, type ConnectionOptions, type WireConnection } from './options';
import { Outbox } from './outbox';
import { runSimpleQuery } from './simple-query';
import { negotiateStartup, type Startup } from './startup-phase';

/** How long a closing socket may take to flush before it is destroyed. */
const CLOSE_GRACE_MS = 5000;

export class Connection implements WireConnection {
  readonly closed: Promise<void>;
  private readonly ctx: WireContext;
  private readonly rawSocket: Socket;
  /** A handler call is in progress (cancel() on hang-up matters only then). */
  private busy = false;
  private terminating = false;
  private socketClosed = false;
  private readonly idle = new IdleTimer((err) => this.closeIdle(err));

  constructor(socket: Socket, options: ConnectionOptions) {
    this.rawSocket = socket;
    this.ctx = {
      options,
      limits: resolveLimits(options.limits),
      reader: new FrameReader(),
      outbox: new Outbox(socket),
      socket,
      tls: false,
      handler: null,
      statements: new Map(),
      portals: new Map(),
      ignoreTillSync: false,
      readyForQuery: false,
    };
    socket.setNoDelay(true);
    // Errors (ECONNRESET, EPIPE, TLS failures) end the connection; they are not server failures.
    socket.on('error', (err) => options.logger.debug({ err }, 'client socket error'));
    // Registered before the reader's listeners, so a running statement is cancelled before the
    // reader reports end of stream to whatever awaits input (e.g. a COPY FROM STDIN).
    socket.once('end', () => this.onSocketClosed());
    const socketClosed = new Promise<void>((resolve) =>
      socket.once('close', () => {
        this.onSocketClosed();
        resolve();
      }),
    );
    this.ctx.reader.attach(socket);
    this.closed = Promise.all([socketClosed, this.run()]).then(() => undefined);
  }

  private onSocketClosed(): void {
    if (this.socketClosed) return;
    this.socketClosed = true;
    this.idle.disarm();
    this.ctx.outbox.markClosed();
    this.ctx.reader.close();
    if (this.busy) this.cancelHandler();
  }

  /** handler.cancel() runs from socket events, where a throw would escape: log it instead. */
  private cancelHandler(): void {
    try {
      this.ctx.handler?.cancel();
    } catch (err) {
      this.ctx.options.logger.error({ err }, 'query handler cancel failed');
    }
  }

  async terminate(): Promise<void> {
    if (!this.socketClosed && !this.terminating) {
      this.terminating = true;
      if (this.busy) this.cancelHandler();
      queueError(this.ctx, adminShutdown('terminating connection due to administrator command', { severity: 'FATAL' }));
      this.closeSocket();
    }
    return this.closed;
  }

  /**
   * An idle timeout expired (the loop is waiting for the client, no handler call runs): send
   * the FATAL error and close; the loop's pending read then ends and close() rolls back.
   */
  private closeIdle(err: SqlError): void {
    if (this.socketClosed || this.terminating || this.busy) return;
    this.terminating = true;
    queueError(this.ctx, err);
    this.ctx.options.logger.info({ sqlstate: err.sqlstate, err: err.message }, 'connection closed with FATAL error');
    this.closeSocket();
  }

  /** Flushes what is queued, then ends the socket; nothing is sent after this. */
  private closeSocket(): void {
    const ctx = this.ctx;
    this.idle.disarm();
    if (ctx.outbox.isClosed) return;
    void ctx.outbox.flush();
    ctx.outbox.markClosed();
    ctx.reader.close();
    const socket = ctx.socket;
    const timer = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
    timer.unref();
    socket.end(() => {
      clearTimeout(timer);
      socket.destroy();
      if (socket !== this.rawSocket) this.rawSocket.destroy();
    });
  }

  private async run(): Promise<void> {
    const ctx = this.ctx;
    try {
      if (await this.startup()) await this.queryLoop();
    } catch (err) {
      const e = isSqlError(err) ? err : reportable(ctx, err);
      // Anything that escapes the loop ends the connection, so it is reported as FATAL.
      if (!ctx.outbox.isClosed) queueError(ctx, isFatal(e) ? e : e.with({ severity: 'FATAL' }));
      if (isFatal(e) && e.sqlstate !== '28P01') ctx.options.logger.info({ sqlstate: e.sqlstate, err: e.message }, 'connection closed with FATAL error');
    } finally {
      this.closeSocket();
      await this.closeHandler();
    }
  }

  private async closeHandler(): Promise<void> {
    const handler = this.ctx.handler;
    if (!handler) return;
    this.ctx.handler = null;
    try {
      await handler.close();
    } catch (err) {
      this.ctx.options.logger.error({ err }, 'query handler close failed');
    }
  }

  /** Startup, authentication and handler creation; false = close quietly. */
  private async startup(): Promise<boolean> {
    const ctx = this.ctx;
    const startup = await negotiateStartup(ctx);
    if (!startup || this.terminating) return false;
    const remoteAddress = this.rawSocket.remoteAddress ?? '';
    if (!(await this.authenticate(startup, remoteAddress)) || this.terminating) return false;

    const info: StartupInfo = {
      user: startup.user,
      database: startup.database,
      params: startup.params,
      processId: ctx.options.backendKey.processId,
      secretKey: ctx.options.backendKey.secretKey,
      remoteAddress,
      tls: ctx.tls,
    };
    let handler;
    try {
      handler = await ctx.options.createHandler(info);
    } catch (err) {
      const e = reportable(ctx, err);
      throw e.with({ severity: 'FATAL' });
    }
    ctx.handler = handler;
    if (this.socketClosed || this.terminating) return false;
    const w = ctx.outbox.writer;
    for (const [name, value] of Object.entries(handler.serverParameters())) encodeParameterStatus(w, { name, value });
    encodeBackendKeyData(w, ctx.options.backendKey);
    sendReadyForQuery(ctx);
    return true;
  }

  private async authenticate(startup: Startup, remoteAddress: string): Promise<boolean> {
    const ctx = this.ctx;
    const { auth, scramCache } = ctx.options;
    const method = auth.method(startup.user, startup.database, remoteAddress);
    const policy = authPhasePolicy();
    const outcome = await authenticate(
      {
        send: (msg) => {
          encodeAuthentication(ctx.outbox.writer, msg);
          void ctx.outbox.flush();
        },
        receive: async () => (await ctx.reader.next(policy, () => ctx.outbox.flush()))?.body ?? null,
      },
      {
        method,
        user: startup.user,
        password: method === 'trust' ? undefined : auth.password(startup.user),
        ...(scramCache ? { scramCache } : {}),
      },
    );
    return outcome === 'ok';
  }

  private async queryLoop(): Promise<void> {
    const ctx = this.ctx;
    const policy = queryPhasePolicy(ctx.limits.message);
    // Any byte from the client ends idleness, even one that only starts a message.
    ctx.socket.on('data', () => this.idle.disarm());
    const beforeWait = (): unknown => {
      const flushed = ctx.outbox.flush();
      this.armIdle();
      return flushed;
    };
    for (;;) {
      const frame = await ctx.reader.next(policy, beforeWait);
      this.idle.disarm();
      ctx.readyForQuery = false;
      if (frame === null || this.terminating) return;
      const msg = decodeFrontendMessage(frame.code, frame.body);
      // The policy admits only types decodeFrontendMessage knows.
      if (!msg) throw new Error(`no decoder for message type ${frame.code}`);
      if (msg.type === 'Terminate') return;
      if (msg.type === 'Sync') {
        ctx.ignoreTillSync = false;
        await this.call(() => ctx.handler!.sync(), false);
        this.call(() => dropPortalsIfTransactionEnded(ctx), false);
        sendReadyForQuery(ctx);
        continue;
      }
      if (ctx.ignoreTillSync) continue;
      const pending = this.dispatch(msg);
      if (pending) await pending;
      if (this.socketClosed) return;
    }
  }

  /**
   * Starts the idle timeout when the loop is about to wait right after ReadyForQuery. Not
   * after Parse/Bind/Execute/Flush without Sync (no ReadyForQuery: the client is mid-batch),
   * nor when part of the next message is already buffered.
   */
  private armIdle(): void {
    const ctx = this.ctx;
    const handler = ctx.handler;
    if (!ctx.readyForQuery || !handler?.idleTimeouts || ctx.reader.bufferedBytes > 0 || this.terminating) return;
    try {
      this.idle.arm(handler.transactionStatus(), handler.idleTimeouts());
    } catch (err) {
      ctx.options.logger.error({ err }, 'query handler idleTimeouts failed');
    }
  }

  /** Handles one message; a promise only when the handler work is asynchronous. */
  private dispatch(msg: Exclude<FrontendMessage, { type: 'Sync' | 'Terminate' }>): void | Promise<void> {
    const ctx = this.ctx;
    switch (msg.type) {
      case 'Query':
        return this.simpleQuery(msg.sql);
      case 'Parse':
        return this.call(() => handleParse(ctx, msg), true);
      case 'Bind':
        return this.call(() => handleBind(ctx, msg), true);
      case 'Describe':
        return this.call(() => handleDescribe(ctx, msg), true);
      case 'Execute':
        return this.call(() => handleExecute(ctx, msg), true);
      case 'Close':
        return this.call(() => handleClose(ctx, msg), true);
      case 'Flush':
        void ctx.outbox.flush();
        return;
      case 'FunctionCall':
        queueError(ctx, notSupported('fastpath function calls are not supported'));
        sendReadyForQuery(ctx);
        return;
      case 'CopyData':
      case 'CopyDone':
      case 'CopyFail':
        // Leftovers of a COPY that already failed: dropped, per the protocol docs.
        return;
    }
  }

  private async simpleQuery(sql: string): Promise<void> {
    const ctx = this.ctx;
    await this.call(() => runSimpleQuery(ctx, sql), false);
    this.call(() => dropPortalsIfTransactionEnded(ctx), false);
    sendReadyForQuery(ctx);
  }

  /**
   * Runs one handler-facing step. A non-FATAL error becomes an ErrorResponse (and, for
   * extended-query messages, starts skipping to Sync); a FATAL one propagates and closes
   * (thrown, or as the returned promise's rejection). A synchronous step (Describe, Close)
   * completes synchronously: no promise, no turn of the microtask queue.
   */
  private call(step: () => void | Promise<void>, extended: boolean): void | Promise<void> {
    this.busy = true;
    let pending: void | Promise<void>;
    try {
      pending = step();
    } catch (err) {
      this.busy = false;
      return this.failed(err, extended);
    }
    if (!pending) {
      this.busy = false;
      return undefined;
    }
    return pending.then(
      () => {
        this.busy = false;
      },
      (err: unknown) => {
        this.busy = false;
        this.failed(err, extended);
      },
    );
  }

  /** A step failed: queue its ErrorResponse, or rethrow a FATAL error. */
  private failed(err: unknown, extended: boolean): void {
    if (this.socketClosed || this.terminating) return;
    const ctx = this.ctx;
    const e: SqlError = reportable(ctx, err);
    if (isFatal(e)) throw e;
    queueError(ctx, e);
    if (extended) ctx.ignoreTillSync = true;
  }
}
