// CopyDone: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COPYDONE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface CopyDoneMessage {
  type: 'CopyDone';
}

export function decodeCopyDone(r: BufferReader): CopyDoneMessage {
  r.end();
  return { type: 'CopyDone' };
}

export function encodeCopyDone(w: BufferWriter): void {
  w.startMessage(FrontendCode.CopyDone).endMessage();
}
