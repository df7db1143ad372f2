// Query ('Q'): String query text (the simple query protocol).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-QUERY
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface QueryMessage {
  type: 'Query';
  sql: string;
}

export function decodeQuery(r: BufferReader): QueryMessage {
  const sql = r.cstring();
  r.end();
  return { type: 'Query', sql };
}

export function encodeQuery(w: BufferWriter, msg: Omit<QueryMessage, 'type'>): void {
  w.startMessage(FrontendCode.Query).cstring(msg.sql).endMessage();
}
