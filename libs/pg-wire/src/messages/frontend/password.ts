// PasswordMessage ('p'): String password (cleartext, or 'md5' + hex digest).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-PASSWORDMESSAGE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface PasswordMessage {
  type: 'PasswordMessage';
  password: string;
}

export function decodePassword(r: BufferReader): PasswordMessage {
  const password = r.cstring();
  r.end();
  return { type: 'PasswordMessage', password };
}

export function encodePassword(w: BufferWriter, msg: Omit<PasswordMessage, 'type'>): void {
  w.startMessage(FrontendCode.Password).cstring(msg.password).endMessage();
}
