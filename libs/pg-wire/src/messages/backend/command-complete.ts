// CommandComplete ('C'): String command tag ('SELECT 3', 'INSERT 0 5', 'CREATE TABLE', ...).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COMMANDCOMPLETE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface CommandComplete {
  type: 'CommandComplete';
  tag: string;
}

export function encodeCommandComplete(w: BufferWriter, msg: Omit<CommandComplete, 'type'>): void {
  w.startMessage(BackendCode.CommandComplete).cstring(msg.tag).endMessage();
}

export function decodeCommandComplete(r: BufferReader): CommandComplete {
  const tag = r.cstring();
  r.end();
  return { type: 'CommandComplete', tag };
}
