// CopyFail ('f'): String the reason the client aborts COPY FROM STDIN.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COPYFAIL
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface CopyFailMessage {
  type: 'CopyFail';
  message: string;
}

export function decodeCopyFail(r: BufferReader): CopyFailMessage {
  const message = r.cstring();
  r.end();
  return { type: 'CopyFail', message };
}

export function encodeCopyFail(w: BufferWriter, msg: Omit<CopyFailMessage, 'type'>): void {
  w.startMessage(FrontendCode.CopyFail).cstring(msg.message).endMessage();
}
