// json: the value is the text itself, kept verbatim (whitespace, key order and duplicate keys
// included) after validation with PostgreSQL's JSON parser; binary is the UTF-8 text
// (json_send / json_recv).
// @see https://www.postgresql.org/docs/16/datatype-json.html
import type { TypeCodec } from '../codec';
import { parseJson, type JsonBuilder } from '../json/parse-json';
import { PG_TYPES } from '../oids';
import { textCodec } from './text';

const VALIDATE: JsonBuilder<undefined> = {
  string: () => undefined,
  number: () => undefined,
  bool: () => undefined,
  null: () => undefined,
  array: () => undefined,
  object: () => undefined,
};

/** json_in: validates and returns the text unchanged. */
export function parseJsonText(text: string): string {
  parseJson(text, VALIDATE, 'json');
  return text;
}

export const jsonCodec: TypeCodec<string> = {
  type: PG_TYPES.json,
  toText: (value) => value,
  fromText: parseJsonText,
  toBinary: (value) => Buffer.from(value, 'utf8'),
  fromBinary: (data) => parseJsonText(textCodec.fromBinary(data)),
};
