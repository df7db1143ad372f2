// Close ('C'): Byte1 target ('S' to close a prepared statement, 'P' a portal), String name.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-CLOSE
import { protocolViolation } from '@vecgres/errors';
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface CloseMessage {
  type: 'Close';
  target: 'S' | 'P';
  name: string;
}

export function decodeClose(r: BufferReader): CloseMessage {
  const code = r.uint8();
  const target = String.fromCharCode(code);
  if (target !== 'S' && target !== 'P') {
    throw protocolViolation(`invalid CLOSE message subtype ${code}`, { severity: 'FATAL' });
  }
  const name = r.cstring();
  r.end();
  return { type: 'Close', target, name };
}

export function encodeClose(w: BufferWriter, msg: Omit<CloseMessage, 'type'>): void {
  w.startMessage(FrontendCode.Close).uint8(msg.target.charCodeAt(0)).cstring(msg.name).endMessage();
}
