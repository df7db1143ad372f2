// CopyData ('d'): Byte[n] a chunk of the COPY data stream (any split; rows may cross chunks).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COPYDATA
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface CopyDataMessage {
  type: 'CopyData';
  data: Buffer;
}

export function decodeCopyData(r: BufferReader): CopyDataMessage {
  return { type: 'CopyData', data: r.rest() };
}

export function encodeCopyData(w: BufferWriter, msg: Omit<CopyDataMessage, 'type'>): void {
  w.startMessage(FrontendCode.CopyData).bytes(msg.data).endMessage();
}
