// GSSENCRequest: Int32 8, Int32 code (startup-phase packet, no type byte).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-GSSENCREQUEST
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { StartupCode } from '../codes';

export interface GSSENCRequest {
  type: 'GSSENCRequest';
}

/** r: the packet body after the length word (starting at the code). */
export function decodeGSSENCRequest(r: BufferReader): GSSENCRequest {
  r.uint32();
  r.end();
  return { type: 'GSSENCRequest' };
}

export function encodeGSSENCRequest(w: BufferWriter): void {
  w.startMessage().uint32(StartupCode.GSSENCRequest).endMessage();
}
