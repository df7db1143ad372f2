// CopyOutResponse ('H', starts COPY TO STDOUT): Int8 overall format (0 text, 1 binary),
// Int16 n columns, Int16[n] column formats.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-COPYOUTRESPONSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface CopyOutResponse {
  type: 'CopyOutResponse';
  format: number;
  columnFormats: number[];
}

export function encodeCopyOutResponse(w: BufferWriter, msg: Omit<CopyOutResponse, 'type'>): void {
  w.startMessage(BackendCode.CopyOutResponse).uint8(msg.format).int16(msg.columnFormats.length);
  for (const f of msg.columnFormats) w.int16(f);
  w.endMessage();
}

export function decodeCopyOutResponse(r: BufferReader): CopyOutResponse {
  const format = r.uint8();
  const n = r.int16();
  const columnFormats: number[] = [];
  for (let i = 0; i < n; i++) columnFormats.push(r.int16());
  r.end();
  return { type: 'CopyOutResponse', format, columnFormats };
}
