export {
  PG_TYPES,
  TYPE_OID,
  builtinTypeByOid,
  sqlTypeName,
  typeSize,
  type BuiltinTypeOid,
  type PgTypeInfo,
  type PgTypeName,
} from './oids';
export {
  createCodecRegistry,
  decodeValue,
  encodeValue,
  type CodecRegistry,
  type FormatCode,
  type TextOutputOptions,
  type TypeCodec,
} from './codec';
export { BUILTIN_CODECS, builtinCodecRegistry } from './registry';
export { boolCodec } from './codecs/bool';
export { byteaCodec } from './codecs/bytea';
export { float4Codec, float8Codec } from './codecs/float';
export { formatFloat4, formatFloat8 } from './codecs/float-format';
export { int2Codec, int4Codec, int8Codec, parseIntegerText } from './codecs/int';
export { decodeNumericBinary, encodeNumericBinary, numericCodec, parseNumericText } from './codecs/numeric';
export { bpcharCodec, nameCodec, textCodec, unknownCodec, varcharCodec } from './codecs/text';
export { voidCodec } from './codecs/void';
