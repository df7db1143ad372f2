// CancelRequest: Int32 16, Int32 80877102, Int32 process id, Int32 secret key. Sent on a new
// connection; the server answers nothing and closes it.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-CANCELREQUEST
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { StartupCode } from '../codes';

export interface CancelRequest {
  type: 'CancelRequest';
  processId: number;
  secretKey: number;
}

/** r: the packet body after the length word (starting at the code). */
export function decodeCancelRequest(r: BufferReader): CancelRequest {
  r.uint32();
  const processId = r.int32();
  const secretKey = r.int32();
  r.end();
  return { type: 'CancelRequest', processId, secretKey };
}

export function encodeCancelRequest(w: BufferWriter, msg: Omit<CancelRequest, 'type'>): void {
  w.startMessage().uint32(StartupCode.CancelRequest).int32(msg.processId).int32(msg.secretKey).endMessage();
}
