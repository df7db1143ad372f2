// The built-in array types (_int4, _text, _timestamptz, ...): one codec per array OID in
// PG_TYPES whose element type has a codec here.
import type { TypeCodec } from '../codec';
import { PG_TYPES, type PgTypeInfo } from '../oids';
import { arrayCodec } from './array';
import { boolCodec } from './bool';
import { byteaCodec } from './bytea';
import { dateCodec } from './date';
import { float4Codec, float8Codec } from './float';
import { int2Codec, int4Codec, int8Codec } from './int';
import { intervalCodec } from './interval';
import { jsonCodec } from './json';
import { jsonbCodec } from './jsonb';
import { numericCodec } from './numeric';
import { bpcharCodec, nameCodec, textCodec, varcharCodec } from './text';
import { timeCodec } from './time';
import { timestampCodec, timestamptzCodec } from './timestamp';
import { timetzCodec } from './timetz';
import { uuidCodec } from './uuid';

const ELEMENT_CODECS: ReadonlyArray<TypeCodec<any>> = [
  boolCodec, byteaCodec, int2Codec, int4Codec, int8Codec, float4Codec, float8Codec, numericCodec,
  textCodec, varcharCodec, bpcharCodec, nameCodec, dateCodec, timeCodec, timetzCodec, timestampCodec,
  timestamptzCodec, intervalCodec, uuidCodec, jsonCodec, jsonbCodec,
];

function buildArrayCodecs(): ReadonlyArray<TypeCodec<any>> {
  const byOid = new Map(ELEMENT_CODECS.map((c) => [c.type.oid, c]));
  const out: TypeCodec<any>[] = [];
  for (const t of Object.values(PG_TYPES) as PgTypeInfo[]) {
    const element = t.elementOid === undefined ? undefined : byOid.get(t.elementOid);
    if (element) out.push(arrayCodec(t, element));
  }
  return Object.freeze(out);
}

/** Codecs for every built-in array type whose element type is supported. */
export const BUILTIN_ARRAY_CODECS: ReadonlyArray<TypeCodec<any>> = buildArrayCodecs();
