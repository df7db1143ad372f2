// Terminate: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-TERMINATE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface TerminateMessage {
  type: 'Terminate';
}

export function decodeTerminate(r: BufferReader): TerminateMessage {
  r.end();
  return { type: 'Terminate' };
}

export function encodeTerminate(w: BufferWriter): void {
  w.startMessage(FrontendCode.Terminate).endMessage();
}
