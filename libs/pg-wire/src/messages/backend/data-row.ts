// DataRow ('D'): Int16 n, then n × (Int32 length (-1 = NULL), Byte[length] value).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-DATAROW
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface DataRow {
  type: 'DataRow';
  /** Encoded values (text or binary per the result formats), null for SQL NULL. */
  values: Array<Buffer | null>;
}

export function encodeDataRow(w: BufferWriter, msg: Omit<DataRow, 'type'>): void {
  const values = msg.values;
  w.startMessage(BackendCode.DataRow).int16(values.length);
  for (const v of values) {
    if (v === null) w.int32(-1);
    else w.int32(v.length).bytes(v);
  }
  w.endMessage();
}

export function decodeDataRow(r: BufferReader): DataRow {
  const n = r.int16();
  const values: Array<Buffer | null> = [];
  for (let i = 0; i < n; i++) {
    const len = r.int32();
    values.push(len === -1 ? null : Buffer.from(r.bytes(len)));
  }
  r.end();
  return { type: 'DataRow', values };
}
