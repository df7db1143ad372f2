// Array codecs: one per array type, built from the element type's codec. The value is a
// PgArray (array/pg-array.ts); text and binary forms are array_in/out and array_send/recv.
import type { TypeCodec } from '../codec';
import { decodeArrayBinary, encodeArrayBinary } from '../array/array-binary';
import { formatArrayText, parseArrayText } from '../array/array-text';
import type { PgArray } from '../array/pg-array';
import type { PgTypeInfo } from '../oids';

/** The codec of `arrayType` (e.g. _int4) whose elements use `element` (int4's codec). */
export function arrayCodec<T>(arrayType: PgTypeInfo, element: TypeCodec<T>, delimiter = ','): TypeCodec<PgArray<T>> {
  const elementOid = element.type.oid;
  return {
    type: arrayType,
    toText: (value, options) => formatArrayText(value, (v) => element.toText(v, options), delimiter),
    fromText: (text, options) => parseArrayText(text, (s) => element.fromText(s, options), delimiter),
    toBinary: (value) => encodeArrayBinary(value, elementOid, (v) => element.toBinary(v)),
    fromBinary: (data) => decodeArrayBinary(data, elementOid, (b) => element.fromBinary(b)),
  };
}
