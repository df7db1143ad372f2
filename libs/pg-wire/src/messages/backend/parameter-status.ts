// ParameterStatus ('S'): String name, String value (server_version, TimeZone, ...).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-PARAMETERSTATUS
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface ParameterStatus {
  type: 'ParameterStatus';
  name: string;
  value: string;
}

export function encodeParameterStatus(w: BufferWriter, msg: Omit<ParameterStatus, 'type'>): void {
  w.startMessage(BackendCode.ParameterStatus).cstring(msg.name).cstring(msg.value).endMessage();
}

export function decodeParameterStatus(r: BufferReader): ParameterStatus {
  const name = r.cstring();
  const value = r.cstring();
  r.end();
  return { type: 'ParameterStatus', name, value };
}
