// ParameterDescription ('t'): Int16 n, Int32[n] parameter type OIDs.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-PARAMETERDESCRIPTION
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface ParameterDescription {
  type: 'ParameterDescription';
  typeOids: number[];
}

export function encodeParameterDescription(w: BufferWriter, msg: Omit<ParameterDescription, 'type'>): void {
  w.startMessage(BackendCode.ParameterDescription).int16(msg.typeOids.length);
  for (const oid of msg.typeOids) w.uint32(oid);
  w.endMessage();
}

export function decodeParameterDescription(r: BufferReader): ParameterDescription {
  const n = r.int16();
  const typeOids: number[] = [];
  for (let i = 0; i < n; i++) typeOids.push(r.uint32());
  r.end();
  return { type: 'ParameterDescription', typeOids };
}
