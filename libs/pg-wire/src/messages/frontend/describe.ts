// Describe ('D'): Byte1 target ('S' to describe a prepared statement, 'P' a portal), String name.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-DESCRIBE
import { protocolViolation } from '@vecgres/errors';
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface DescribeMessage {
  type: 'Describe';
  target: 'S' | 'P';
  name: string;
}

export function decodeDescribe(r: BufferReader): DescribeMessage {
  const code = r.uint8();
  const target = String.fromCharCode(code);
  if (target !== 'S' && target !== 'P') {
    throw protocolViolation(`invalid DESCRIBE message subtype ${code}`, { severity: 'FATAL' });
  }
  const name = r.cstring();
  r.end();
  return { type: 'Describe', target, name };
}

export function encodeDescribe(w: BufferWriter, msg: Omit<DescribeMessage, 'type'>): void {
  w.startMessage(FrontendCode.Describe).uint8(msg.target.charCodeAt(0)).cstring(msg.name).endMessage();
}
