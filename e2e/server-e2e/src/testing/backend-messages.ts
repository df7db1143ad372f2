// Decoding of backend messages for the raw-socket tests (written here rather than taken from
// pg-protocol's parser, which decodes DataRow values as UTF-8 strings and so cannot check
// binary-format bytes exactly).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html

/** One backend message: its type byte as a character and its payload (after the length). */
export interface BackendMessage {
  type: string;
  payload: Buffer;
}

/** ErrorResponse / NoticeResponse fields, keyed by PostgreSQL's one-letter field codes. */
export interface ErrorFields {
  severity?: string; // V (non-localised) or S
  code?: string; // C
  message?: string; // M
  position?: string; // P
  raw: Record<string, string>;
}

export function parseErrorFields(payload: Buffer): ErrorFields {
  const raw: Record<string, string> = {};
  let offset = 0;
  while (offset < payload.length && payload[offset] !== 0) {
    const code = String.fromCharCode(payload[offset]!);
    const end = payload.indexOf(0, offset + 1);
    if (end < 0) break;
    raw[code] = payload.toString('utf8', offset + 1, end);
    offset = end + 1;
  }
  return { severity: raw.V ?? raw.S, code: raw.C, message: raw.M, position: raw.P, raw };
}

/** Splits a byte stream into backend messages (type byte + int32 length including itself). */
export class BackendReader {
  private pending: Buffer = Buffer.alloc(0);
  /** Set when the stream could not be a message stream (a length below 4). */
  malformed = false;

  push(chunk: Buffer): BackendMessage[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: BackendMessage[] = [];
    while (!this.malformed && this.pending.length >= 5) {
      const length = this.pending.readInt32BE(1);
      if (length < 4) {
        this.malformed = true;
        break;
      }
      if (this.pending.length < 1 + length) break;
      out.push({ type: String.fromCharCode(this.pending[0]!), payload: this.pending.subarray(5, 1 + length) });
      this.pending = this.pending.subarray(1 + length);
    }
    return out;
  }
}

/** DataRow: the column values as sent, null for SQL NULL. */
export function parseDataRow(payload: Buffer): Array<Buffer | null> {
  const count = payload.readInt16BE(0);
  const values: Array<Buffer | null> = [];
  let offset = 2;
  for (let i = 0; i < count; i++) {
    const length = payload.readInt32BE(offset);
    offset += 4;
    if (length < 0) {
      values.push(null);
    } else {
      values.push(payload.subarray(offset, offset + length));
      offset += length;
    }
  }
  return values;
}

export interface RowField {
  name: string;
  typeOid: number;
  format: number;
}

/** RowDescription: name, type OID and format code of each column. */
export function parseRowDescription(payload: Buffer): RowField[] {
  const count = payload.readInt16BE(0);
  const fields: RowField[] = [];
  let offset = 2;
  for (let i = 0; i < count; i++) {
    const end = payload.indexOf(0, offset);
    const name = payload.toString('utf8', offset, end);
    offset = end + 1;
    // table OID (4), column attr (2), type OID (4), type size (2), typmod (4), format (2)
    const typeOid = payload.readUInt32BE(offset + 6);
    const format = payload.readInt16BE(offset + 16);
    offset += 18;
    fields.push({ name, typeOid, format });
  }
  return fields;
}
