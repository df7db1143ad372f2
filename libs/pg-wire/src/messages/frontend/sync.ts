// Sync: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-SYNC
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface SyncMessage {
  type: 'Sync';
}

export function decodeSync(r: BufferReader): SyncMessage {
  r.end();
  return { type: 'Sync' };
}

export function encodeSync(w: BufferWriter): void {
  w.startMessage(FrontendCode.Sync).endMessage();
}
