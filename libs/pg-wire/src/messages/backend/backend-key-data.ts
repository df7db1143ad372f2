// BackendKeyData ('K'): Int32 process id, Int32 secret key (what a CancelRequest must quote).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-BACKENDKEYDATA
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface BackendKeyData {
  type: 'BackendKeyData';
  processId: number;
  secretKey: number;
}

export function encodeBackendKeyData(w: BufferWriter, msg: Omit<BackendKeyData, 'type'>): void {
  w.startMessage(BackendCode.BackendKeyData).int32(msg.processId).int32(msg.secretKey).endMessage();
}

export function decodeBackendKeyData(r: BufferReader): BackendKeyData {
  const processId = r.int32();
  const secretKey = r.int32();
  r.end();
  return { type: 'BackendKeyData', processId, secretKey };
}
