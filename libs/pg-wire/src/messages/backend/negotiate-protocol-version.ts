// NegotiateProtocolVersion ('v'): Int32 newest minor version the server supports for the
// requested major, Int32 n, String[n] protocol options ('_pq_.*') it does not recognise.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-NEGOTIATEPROTOCOLVERSION
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface NegotiateProtocolVersion {
  type: 'NegotiateProtocolVersion';
  newestMinor: number;
  unrecognizedOptions: string[];
}

export function encodeNegotiateProtocolVersion(w: BufferWriter, msg: Omit<NegotiateProtocolVersion, 'type'>): void {
  w.startMessage(BackendCode.NegotiateProtocolVersion).int32(msg.newestMinor).int32(msg.unrecognizedOptions.length);
  for (const o of msg.unrecognizedOptions) w.cstring(o);
  w.endMessage();
}

export function decodeNegotiateProtocolVersion(r: BufferReader): NegotiateProtocolVersion {
  const newestMinor = r.int32();
  const n = r.int32();
  const unrecognizedOptions: string[] = [];
  for (let i = 0; i < n; i++) unrecognizedOptions.push(r.cstring());
  r.end();
  return { type: 'NegotiateProtocolVersion', newestMinor, unrecognizedOptions };
}
