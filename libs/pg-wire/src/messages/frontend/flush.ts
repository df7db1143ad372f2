// Flush: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-FLUSH
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface FlushMessage {
  type: 'Flush';
}

export function decodeFlush(r: BufferReader): FlushMessage {
  r.end();
  return { type: 'Flush' };
}

export function encodeFlush(w: BufferWriter): void {
  w.startMessage(FrontendCode.Flush).endMessage();
}
