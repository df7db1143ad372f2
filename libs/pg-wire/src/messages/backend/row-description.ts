// RowDescription ('T'): Int16 n, then per field: String name, Int32 table OID, Int16 column
// number, Int32 type OID, Int16 type size, Int32 type modifier, Int16 format code.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-ROWDESCRIPTION
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import type { FieldDescription } from '../../query-handler';
import { BackendCode } from '../codes';

export interface RowDescription {
  type: 'RowDescription';
  fields: FieldDescription[];
}

export function encodeRowDescription(w: BufferWriter, msg: Omit<RowDescription, 'type'>): void {
  w.startMessage(BackendCode.RowDescription).int16(msg.fields.length);
  for (const f of msg.fields) {
    w.cstring(f.name).uint32(f.tableOid).int16(f.columnAttr).uint32(f.typeOid);
    w.int16(f.typeSize).int32(f.typeModifier).int16(f.format);
  }
  w.endMessage();
}

export function decodeRowDescription(r: BufferReader): RowDescription {
  const n = r.int16();
  const fields: FieldDescription[] = [];
  for (let i = 0; i < n; i++) {
    const name = r.cstring();
    const tableOid = r.uint32();
    const columnAttr = r.int16();
    const typeOid = r.uint32();
    const typeSize = r.int16();
    const typeModifier = r.int32();
    const format = r.int16() === 1 ? 1 : 0;
    fields.push({ name, tableOid, columnAttr, typeOid, typeSize, typeModifier, format });
  }
  r.end();
  return { type: 'RowDescription', fields };
}
