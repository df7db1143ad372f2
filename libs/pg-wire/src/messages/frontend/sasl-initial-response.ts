// SASLInitialResponse ('p'): String mechanism, Int32 length of the initial response (-1 for
// none), Byte[n] initial response.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-SASLINITIALRESPONSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface SASLInitialResponse {
  type: 'SASLInitialResponse';
  mechanism: string;
  data: Buffer | null;
}

export function decodeSASLInitialResponse(r: BufferReader): SASLInitialResponse {
  const mechanism = r.cstring();
  const len = r.int32();
  const data = len === -1 ? null : Buffer.from(r.bytes(len));
  r.end();
  return { type: 'SASLInitialResponse', mechanism, data };
}

export function encodeSASLInitialResponse(w: BufferWriter, msg: Omit<SASLInitialResponse, 'type'>): void {
  w.startMessage(FrontendCode.Password).cstring(msg.mechanism);
  if (msg.data === null) w.int32(-1);
  else w.int32(msg.data.length).bytes(msg.data);
  w.endMessage();
}
