// SSLRequest: Int32 8, Int32 code (startup-phase packet, no type byte).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-SSLREQUEST
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { StartupCode } from '../codes';

export interface SSLRequest {
  type: 'SSLRequest';
}

/** r: the packet body after the length word (starting at the code). */
export function decodeSSLRequest(r: BufferReader): SSLRequest {
  r.uint32();
  r.end();
  return { type: 'SSLRequest' };
}

export function encodeSSLRequest(w: BufferWriter): void {
  w.startMessage().uint32(StartupCode.SSLRequest).endMessage();
}
