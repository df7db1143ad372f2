// ReadyForQuery ('Z'): Byte1 transaction status: 'I' idle, 'T' in a block, 'E' in a failed block.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-READYFORQUERY
import { protocolViolation } from '@vecgres/errors';
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import type { TransactionStatus } from '../../query-handler';
import { BackendCode } from '../codes';

export interface ReadyForQuery {
  type: 'ReadyForQuery';
  status: TransactionStatus;
}

export function encodeReadyForQuery(w: BufferWriter, msg: Omit<ReadyForQuery, 'type'>): void {
  w.startMessage(BackendCode.ReadyForQuery).uint8(msg.status.charCodeAt(0)).endMessage();
}

export function decodeReadyForQuery(r: BufferReader): ReadyForQuery {
  const status = String.fromCharCode(r.uint8());
  r.end();
  if (status !== 'I' && status !== 'T' && status !== 'E') {
    throw protocolViolation(`invalid transaction status "${status}"`, { severity: 'FATAL' });
  }
  return { type: 'ReadyForQuery', status };
}
