// Per-connection state shared by the protocol phases (startup, auth, simple query, extended
// query, COPY). It lives on the Connection object; nothing here is module-level.
import type { Duplex } from 'node:stream';
import { isSqlError, toSqlError, type SqlError } from '@vecgres/errors';
import type { FrameReader } from '../framing/frame-reader';
import { encodeErrorResponse } from '../messages/backend/error-response';
import { sqlErrorToFields } from '../messages/backend/error-fields';
import { encodeReadyForQuery } from '../messages/backend/ready-for-query';
import type { Portal, PreparedStatement, QueryHandler } from '../query-handler';
import type { ConnectionOptions, WireLimits } from './options';
import type { Outbox } from './outbox';

export interface WireContext {
  readonly options: ConnectionOptions;
  readonly limits: WireLimits;
  readonly reader: FrameReader;
  readonly outbox: Outbox;
  socket: Duplex;
  /** True once the socket was upgraded to TLS. */
  tls: boolean;
  handler: QueryHandler | null;
  /** Prepared statements by name ('' = the unnamed statement). */
  readonly statements: Map<string, PreparedStatement>;
  /** Portals by name ('' = the unnamed portal). */
  readonly portals: Map<string, Portal>;
  /** After an error in an extended-query message, everything up to Sync is skipped. */
  ignoreTillSync: boolean;
  /**
   * ReadyForQuery was sent and no message has arrived since: the session is idle, which is
   * when the idle timeouts run (PostgresMain's send_ready_for_query).
   */
  readyForQuery: boolean;
}

/**
 * Converts anything thrown into the SqlError to report. Non-SqlErrors are bugs: their stack is
 * logged here and the client only sees XX000 `internal error`.
 */
export function reportable(ctx: WireContext, err: unknown): SqlError {
  if (isSqlError(err)) return err;
  ctx.options.logger.error({ err }, 'internal error');
  return toSqlError(err);
}

/** Queues an ErrorResponse (not flushed). */
export function queueError(ctx: WireContext, err: SqlError): void {
  encodeErrorResponse(ctx.outbox.writer, { fields: sqlErrorToFields(err) });
}

/** Queues ReadyForQuery with the handler's transaction status and flushes. */
export function sendReadyForQuery(ctx: WireContext): void {
  const status = ctx.handler ? ctx.handler.transactionStatus() : 'I';
  encodeReadyForQuery(ctx.outbox.writer, { status });
  ctx.readyForQuery = true;
  void ctx.outbox.flush();
}

export function isFatal(err: SqlError): boolean {
  return err.severity === 'FATAL' || err.severity === 'PANIC';
}

/**
 * At transaction end (idle or failed after a Query or Sync) portals die, as in PostgreSQL
 * where non-holdable portals belong to the transaction.
 */
export function dropPortalsIfTransactionEnded(ctx: WireContext): void {
  const handler = ctx.handler;
  if (!handler || handler.transactionStatus() === 'T' || ctx.portals.size === 0) return;
  // delete() per name, not clear(): V8's Map.clear() swaps in a new table and leaves the old
  // one holding its entries, so once the (long-lived) map's table is in the old generation
  // every cleared portal, and the statement state it references, survives young-generation
  // collections until the next full one. After each Sync that was most of a prepared query's
  // garbage being copied twice.
  for (const [name, portal] of ctx.portals) {
    ctx.portals.delete(name);
    handler.closePortal(portal);
  }
}
