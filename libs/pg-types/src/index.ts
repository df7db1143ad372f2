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
// Date/time, uuid, json/jsonb, arrays, char(n) and numeric arithmetic (H11).
export {
  dateCodec, decodeDateBinary, encodeDateBinary, isValidDate, parseDate,
} from './codecs/date';
export { decodeTimeBinary, encodeTimeBinary, parseTime, timeCodec } from './codecs/time';
export {
  decodeTimetzBinary, encodeTimetzBinary, formatTimetz, parseTimetz, timetzCodec, type TimeTz,
} from './codecs/timetz';
export {
  decodeTimestampBinary, encodeTimestampBinary, parseTimestamp, parseTimestamptz, roundTimestampPrecision,
  timestampCodec, timestamptzCodec,
} from './codecs/timestamp';
export {
  decodeIntervalBinary, encodeIntervalBinary, intervalCodec, parseInterval, type Interval,
} from './codecs/interval';
export { formatInterval } from './datetime/format-interval';
export { formatDate, formatTime, formatTimestamp, formatTimestamptz, formatTzOffset } from './datetime/format';
export {
  DATE_END_JULIAN, END_TIMESTAMP, MIN_TIMESTAMP, POSTGRES_EPOCH_JDATE, TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY,
  UNIX_TO_PG_EPOCH_DAYS, USECS_PER_DAY, USECS_PER_HOUR, USECS_PER_MINUTE, USECS_PER_SEC, date2j, dateToDays,
  daysInMonth, daysToDate, fieldsToTimestamp, isLeapYear, isTimestampInfinite, isValidTimestamp, j2date, j2day,
  splitTimestamp, timeToFields, type DateFields, type TimeFields,
} from './datetime/calendar';
export { UTC_ZONE, createTimeZone, fixedOffsetZone, localOffset, localToUtc, utcToLocal, type TimeZone } from './datetime/time-zone';
export { currentTimestamp, sessionZone, type DateOrder, type DateOutputStyle, type DateTimeSettings, type IntervalStyle } from './datetime/settings';
export { dateOutOfRange, intervalOutOfRange, timestampOutOfRange, unknownTimeZone } from './datetime/errors';
export { parseUuid, uuidBytes, uuidCodec } from './codecs/uuid';
export { jsonCodec, parseJsonText } from './codecs/json';
export { decodeJsonbBinary, encodeJsonbBinary, jsonbCodec } from './codecs/jsonb';
export {
  Jsonb, JsonbNumber, compareJsonbKeys, escapeJsonString, formatJsonb, isJsonbArray, isJsonbObject, jsonbFromJs,
  makeJsonbObject, parseJsonb, type JsonbObject, type JsonbValue,
} from './json/jsonb-value';
export { PgArray, MAX_ARRAY_DIMS } from './array/pg-array';
export { formatArrayText, parseArrayText } from './array/array-text';
export { decodeArrayBinary, encodeArrayBinary } from './array/array-binary';
export { arrayCodec } from './codecs/array';
export { BUILTIN_ARRAY_CODECS } from './codecs/array-types';
export { applyBpcharTypmod, applyVarcharTypmod, bpcharLength, bpcharToText, compareBpchar } from './codecs/char';
export {
  numericAbs, numericAdd, numericCompare, numericDiv, numericDivTrunc, numericMod, numericMul, numericNegate, numericSub,
} from './numeric/arith';
export { numericCeil, numericFloor, numericRound, numericSign, numericTrunc } from './numeric/round';
export {
  numericFromFloat4, numericFromFloat8, numericFromInt, numericToFloat4, numericToFloat8, numericToInt2, numericToInt4,
  numericToInt8,
} from './numeric/convert';
export { applyNumericTypmod } from './numeric/typmod';
export { toDecimal, fromDecimal, type Decimal } from './numeric/decimal';
export {
  addIntervals, compareIntervals, datePlusDays, dateToTimestamp, dateToTimestamptz, divideInterval, justifyHours,
  multiplyInterval, negateInterval, subtractDates, subtractIntervals, subtractTimestamps, timestampFields,
  timestampMinusInterval, timestampPlusInterval, timestampToDate, timestampToTime, timestampToTimestamptz,
  timestamptzPlusInterval, timestamptzToTimestamp,
} from './datetime/arith';
export { SparseVector, BitString, isSparseVector, isBitString } from './vector/values';
export { floatToHalfBits, halfBitsToFloat, roundToHalf } from './vector/half';
export {
  decodeDenseVector, denseVectorCodec, encodeDenseVector, formatDenseVector, parseDenseVector,
} from './vector/dense-codecs';
export {
  checkSparseIndex, checkSparseNnz, decodeSparseVector, encodeSparseVector, formatSparseVector, parseSparseVector,
  sparseVectorCodec,
} from './vector/sparsevec-codec';
export {
  VARBIT_MAX_LEN, bitCodecs, bitStringCodecs, checkBitTypmod, decodeBitString, encodeBitString, formatBitString,
  parseBitString, type BitKind,
} from './vector/bit-codecs';
export {
  EXTENSION_CODEC_FACTORIES, codecsForExtensionTypes, extensionArrayCodec, type ExtensionCodecFactory,
  type ExtensionTypeInfo,
} from './vector/extension-codecs';
export {
  SPARSEVEC_MAX_DIM, SPARSEVEC_MAX_NNZ, VECTOR_MAX_DIM, checkDim as checkVectorDim, checkElement as checkVectorElement,
  type VectorTypeName,
} from './vector/vector-errors';
