// jsonb: the value is a Jsonb (a normalized tree, see json/jsonb-value.ts). Text I/O as
// jsonb_in / jsonb_out; binary is jsonb_send / jsonb_recv: a version byte (1) then the text.
// @see https://www.postgresql.org/docs/16/datatype-json.html
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { TypeCodec } from '../codec';
import { invalidBinaryFormat } from '../errors';
import { Jsonb, formatJsonb, parseJsonb } from '../json/jsonb-value';
import { PG_TYPES } from '../oids';
import { textCodec } from './text';

const JSONB_VERSION = 1;

/** jsonb_send. */
export function encodeJsonbBinary(value: Jsonb): Buffer {
  const text = Buffer.from(formatJsonb(value.root), 'utf8');
  const b = Buffer.allocUnsafe(text.length + 1);
  b[0] = JSONB_VERSION;
  text.copy(b, 1);
  return b;
}

/** jsonb_recv: only version 1 exists. */
export function decodeJsonbBinary(data: Buffer): Jsonb {
  if (data.length < 1) throw invalidBinaryFormat('jsonb needs a version byte');
  if (data[0] !== JSONB_VERSION) {
    throw new SqlError(SQLSTATE.INTERNAL_ERROR, `unsupported jsonb version number ${data[0]}`);
  }
  return parseJsonb(textCodec.fromBinary(data.subarray(1)));
}

export const jsonbCodec: TypeCodec<Jsonb> = {
  type: PG_TYPES.jsonb,
  toText: (value) => formatJsonb(value.root),
  fromText: parseJsonb,
  toBinary: encodeJsonbBinary,
  fromBinary: decodeJsonbBinary,
};
