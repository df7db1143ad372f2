// ParseComplete: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-PARSECOMPLETE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface ParseComplete {
  type: 'ParseComplete';
}

export function encodeParseComplete(w: BufferWriter): void {
  w.startMessage(BackendCode.ParseComplete).endMessage();
}

export function decodeParseComplete(r: BufferReader): ParseComplete {
  r.end();
  return { type: 'ParseComplete' };
}
