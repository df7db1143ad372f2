// StartupMessage: Int32 length, Int32 protocol version, then name/value String pairs ended by
// an empty name. It has no type byte.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-STARTUPMESSAGE
import { protocolViolation } from '@vecgres/errors';
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';

export interface StartupMessage {
  type: 'StartupMessage';
  /** major << 16 | minor. */
  protocolVersion: number;
  params: Record<string, string>;
}

/** r: the packet body after the length word (starting at the version). */
export function decodeStartup(r: BufferReader): StartupMessage {
  const protocolVersion = r.uint32();
  const params: Record<string, string> = {};
  // Like ProcessStartupPacket: pairs until an empty name, which must be the last byte.
  for (;;) {
    const name = r.cstring();
    if (name === '') break;
    params[name] = r.cstring();
  }
  if (r.remaining !== 0) {
    throw protocolViolation('invalid startup packet layout: expected terminator as last byte', { severity: 'FATAL' });
  }
  return { type: 'StartupMessage', protocolVersion, params };
}

export function encodeStartup(w: BufferWriter, msg: Omit<StartupMessage, 'type'>): void {
  w.startMessage().uint32(msg.protocolVersion);
  for (const [name, value] of Object.entries(msg.params)) w.cstring(name).cstring(value);
  w.uint8(0).endMessage();
}
