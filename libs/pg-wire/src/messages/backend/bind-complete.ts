// BindComplete: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-BINDCOMPLETE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface BindComplete {
  type: 'BindComplete';
}

export function encodeBindComplete(w: BufferWriter): void {
  w.startMessage(BackendCode.BindComplete).endMessage();
}

export function decodeBindComplete(r: BufferReader): BindComplete {
  r.end();
  return { type: 'BindComplete' };
}
