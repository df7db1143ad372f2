// CopyData ('d'): Byte[n] a chunk of COPY TO STDOUT output.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COPYDATA
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface CopyData {
  type: 'CopyData';
  data: Buffer;
}

export function encodeCopyData(w: BufferWriter, msg: Omit<CopyData, 'type'>): void {
  w.startMessage(BackendCode.CopyData).bytes(msg.data).endMessage();
}

export function decodeCopyData(r: BufferReader): CopyData {
  return { type: 'CopyData', data: Buffer.from(r.rest()) };
}
