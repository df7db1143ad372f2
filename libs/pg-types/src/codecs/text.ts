// text, varchar, bpchar, name and unknown: the value is the string itself in both formats (the
// binary form is the UTF-8 bytes, like textsend with client_encoding UTF8).
// @see https://www.postgresql.org/docs/16/datatype-character.html
import type { TypeCodec } from '../codec';
import { invalidText } from '../errors';
import { PG_TYPES, type PgTypeInfo } from '../oids';

const FATAL_DECODER = new TextDecoder('utf-8', { fatal: true });

function stringCodec(type: PgTypeInfo): TypeCodec<string> {
  return {
    type,
    toText: (value) => value,
    fromText: (text) => text,
    toBinary: (value) => Buffer.from(value, 'utf8'),
    fromBinary(data) {
      try {
        return FATAL_DECODER.decode(data);
      } catch {
        throw invalidText('invalid byte sequence for encoding "UTF8"');
      }
    },
  };
}

export const textCodec = stringCodec(PG_TYPES.text);
export const varcharCodec = stringCodec(PG_TYPES.varchar);
export const bpcharCodec = stringCodec(PG_TYPES.bpchar);
export const nameCodec = stringCodec(PG_TYPES.name);
/** unknown: an untyped literal; PostgreSQL outputs it like text. */
export const unknownCodec = stringCodec(PG_TYPES.unknown);
