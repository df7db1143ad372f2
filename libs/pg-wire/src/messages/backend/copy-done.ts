// CopyDone: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COPYDONE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface CopyDone {
  type: 'CopyDone';
}

export function encodeCopyDone(w: BufferWriter): void {
  w.startMessage(BackendCode.CopyDone).endMessage();
}

export function decodeCopyDone(r: BufferReader): CopyDone {
  r.end();
  return { type: 'CopyDone' };
}
