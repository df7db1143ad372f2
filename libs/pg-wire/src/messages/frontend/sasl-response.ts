// SASLResponse ('p'): Byte[n] mechanism-specific data (the rest of the message).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-SASLRESPONSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface SASLResponse {
  type: 'SASLResponse';
  data: Buffer;
}

export function decodeSASLResponse(r: BufferReader): SASLResponse {
  return { type: 'SASLResponse', data: Buffer.from(r.rest()) };
}

export function encodeSASLResponse(w: BufferWriter, msg: Omit<SASLResponse, 'type'>): void {
  w.startMessage(FrontendCode.Password).bytes(msg.data).endMessage();
}
