// CopyInResponse ('G', starts COPY FROM STDIN): Int8 overall format (0 text, 1 binary),
// Int16 n columns, Int16[n] column formats.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COPYINRESPONSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface CopyInResponse {
  type: 'CopyInResponse';
  format: number;
  columnFormats: number[];
}

export function encodeCopyInResponse(w: BufferWriter, msg: Omit<CopyInResponse, 'type'>): void {
  w.startMessage(BackendCode.CopyInResponse).uint8(msg.format).int16(msg.columnFormats.length);
  for (const f of msg.columnFormats) w.int16(f);
  w.endMessage();
}

export function decodeCopyInResponse(r: BufferReader): CopyInResponse {
  const format = r.uint8();
  const n = r.int16();
  const columnFormats: number[] = [];
  for (let i = 0; i < n; i++) columnFormats.push(r.int16());
  r.end();
  return { type: 'CopyInResponse', format, columnFormats };
}
