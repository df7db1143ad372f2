// The built-in codecs, keyed by OID. The catalog will extend this with extension types
// (vector, halfvec, sparsevec) by building its own registry from BUILTIN_CODECS plus those.
import { createCodecRegistry, type CodecRegistry, type TypeCodec } from './codec';
import { boolCodec } from './codecs/bool';
import { byteaCodec } from './codecs/bytea';
import { float4Codec, float8Codec } from './codecs/float';
import { int2Codec, int4Codec, int8Codec } from './codecs/int';
import { numericCodec } from './codecs/numeric';
import { bpcharCodec, nameCodec, textCodec, unknownCodec, varcharCodec } from './codecs/text';
import { voidCodec } from './codecs/void';
import { BUILTIN_ARRAY_CODECS } from './codecs/array-types';
import { dateCodec } from './codecs/date';
import { intervalCodec } from './codecs/interval';
import { jsonCodec } from './codecs/json';
import { jsonbCodec } from './codecs/jsonb';
import { timeCodec } from './codecs/time';
import { timestampCodec, timestamptzCodec } from './codecs/timestamp';
import { timetzCodec } from './codecs/timetz';
import { uuidCodec } from './codecs/uuid';
import { bitStringCodecs } from './vector/bit-codecs';

export const BUILTIN_CODECS: ReadonlyArray<TypeCodec<any>> = Object.freeze([
  boolCodec,
  byteaCodec,
  int2Codec,
  int4Codec,
  int8Codec,
  float4Codec,
  float8Codec,
  textCodec,
  varcharCodec,
  bpcharCodec,
  nameCodec,
  unknownCodec,
  numericCodec,
  voidCodec,
  dateCodec,
  timeCodec,
  timetzCodec,
  timestampCodec,
  timestamptzCodec,
  intervalCodec,
  uuidCodec,
  jsonCodec,
  jsonbCodec,
  ...BUILTIN_ARRAY_CODECS,
  ...bitStringCodecs(),
]);

/** A registry of the built-in codecs (call once per consumer; registries are immutable). */
export function builtinCodecRegistry(): CodecRegistry {
  return createCodecRegistry(BUILTIN_CODECS);
}
