// Execute ('E'): String portal, Int32 maximum number of rows (0 = no limit).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-EXECUTE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface ExecuteMessage {
  type: 'Execute';
  portal: string;
  maxRows: number;
}

export function decodeExecute(r: BufferReader): ExecuteMessage {
  const portal = r.cstring();
  const maxRows = r.int32();
  r.end();
  return { type: 'Execute', portal, maxRows };
}

export function encodeExecute(w: BufferWriter, msg: Omit<ExecuteMessage, 'type'>): void {
  w.startMessage(FrontendCode.Execute).cstring(msg.portal).int32(msg.maxRows).endMessage();
}
