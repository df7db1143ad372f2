// The simple query protocol: one Query message, possibly several statements, answered with
// results per statement and one ReadyForQuery (sent by the loop).
// @see https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-SIMPLE-QUERY
import { encodeEmptyQueryResponse } from '../messages/backend/empty-query-response';
import type { WireContext } from './context';
import { dropUnnamedPortal, dropUnnamedStatement } from './extended-query';
import { createResultSink } from './result-sink';

export async function runSimpleQuery(ctx: WireContext, sql: string): Promise<void> {
  // exec_simple_query drops the unnamed statement, and its portal replaces the unnamed portal.
  dropUnnamedStatement(ctx);
  dropUnnamedPortal(ctx);
  if (sql.trim() === '') {
    encodeEmptyQueryResponse(ctx.outbox.writer);
    return;
  }
  await ctx.handler!.simpleQuery(sql, createResultSink(ctx, false));
}
