// CloseComplete: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-CLOSECOMPLETE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface CloseComplete {
  type: 'CloseComplete';
}

export function encodeCloseComplete(w: BufferWriter): void {
  w.startMessage(BackendCode.CloseComplete).endMessage();
}

export function decodeCloseComplete(r: BufferReader): CloseComplete {
  r.end();
  return { type: 'CloseComplete' };
}
