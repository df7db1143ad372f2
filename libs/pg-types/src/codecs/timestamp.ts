// timestamp / timestamptz: the value is a bigint of microseconds since 2000-01-01 00:00:00
// (local wall-clock for timestamp, UTC for timestamptz), with INT64_MAX / INT64_MIN for
// 'infinity' / '-infinity' (PostgreSQL's DT_NOEND / DT_NOBEGIN). Text I/O follows
// timestamp_in/timestamptz_in and DateStyle ISO output; timestamptz reads and prints in the
// session TimeZone. Binary is timestamp_send/recv: the int64 itself.
// @see https://www.postgresql.org/docs/16/datatype-datetime.html
import type { TypeCodec } from '../codec';
import {
  TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY, USECS_PER_SEC, UNIX_TO_PG_EPOCH_DAYS, fieldsToTimestamp,
  isTimestampInfinite, isValidJulian, isValidTimestamp,
} from '../datetime/calendar';
import { decodeDateTime, type DecodedDateTime } from '../datetime/decode-datetime';
import { timestampOutOfRange, withParseErrors } from '../datetime/errors';
import { formatTimestamp, formatTimestamptz } from '../datetime/format';
import { sessionZone, type DateTimeSettings } from '../datetime/settings';
import { localOffset } from '../datetime/time-zone';
import { expectBinaryLength } from '../errors';
import { PG_TYPES } from '../oids';

const UNIX_EPOCH_TIMESTAMP = -BigInt(UNIX_TO_PG_EPOCH_DAYS) * 86_400n * USECS_PER_SEC;

function special(d: DecodedDateTime): bigint | undefined {
  if (d.kind === 'infinity') return TIMESTAMP_INFINITY;
  if (d.kind === '-infinity') return TIMESTAMP_MINUS_INFINITY;
  if (d.kind === 'epoch') return UNIX_EPOCH_TIMESTAMP;
  return undefined;
}

function localTimestamp(d: DecodedDateTime, text: string): bigint {
  if (!isValidJulian(d.year, d.month, d.day)) throw timestampOutOfRange(text);
  return fieldsToTimestamp(d, { hour: d.hour, minute: d.minute, second: d.second, micro: d.micro });
}

/** timestamp_in: any zone in the text is ignored, as PostgreSQL does. */
export function parseTimestamp(text: string, settings?: DateTimeSettings): bigint {
  const d = withParseErrors(text, 'timestamp', () => decodeDateTime(text, settings));
  const s = special(d);
  if (s !== undefined) return s;
  const ts = localTimestamp(d, text);
  if (!isValidTimestamp(ts)) throw timestampOutOfRange(text);
  return ts;
}

/** timestamptz_in: an explicit zone wins; otherwise the session TimeZone at that local time. */
export function parseTimestamptz(text: string, settings?: DateTimeSettings): bigint {
  const d = withParseErrors(text, 'timestamp with time zone', () => decodeDateTime(text, settings));
  const s = special(d);
  if (s !== undefined) return s;
  const local = localTimestamp(d, text);
  const offset = d.tz ?? localOffset(sessionZone(settings), local);
  const ts = local - BigInt(offset) * USECS_PER_SEC;
  if (!isValidTimestamp(ts)) throw timestampOutOfRange(text);
  return ts;
}

/** timestamp_send / timestamptz_send. */
export function encodeTimestampBinary(ts: bigint): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigInt64BE(ts);
  return b;
}

/** timestamp_recv: finite values must be in range. */
export function decodeTimestampBinary(data: Buffer): bigint {
  expectBinaryLength(data, 8, 'timestamp');
  const ts = data.readBigInt64BE(0);
  if (!isTimestampInfinite(ts) && !isValidTimestamp(ts)) throw timestampOutOfRange();
  return ts;
}

const TIMESTAMP_SCALES = [1000000n, 100000n, 10000n, 1000n, 100n, 10n, 1n];

/**
 * AdjustTimestampForTypmod: rounds to `precision` fractional digits (0..6), half away from
 * zero, as timestamp(p) / timestamptz(p) / time(p) do. Infinities pass through.
 */
export function roundTimestampPrecision(ts: bigint, precision: number): bigint {
  if (isTimestampInfinite(ts) || precision >= 6) return ts;
  const scale = TIMESTAMP_SCALES[Math.max(0, precision)]!;
  const half = scale / 2n;
  return ts >= 0n ? ((ts + half) / scale) * scale : -(((-ts + half) / scale) * scale);
}

export const timestampCodec: TypeCodec<bigint> = {
  type: PG_TYPES.timestamp,
  toText: (value) => formatTimestamp(value),
  fromText: parseTimestamp,
  toBinary: encodeTimestampBinary,
  fromBinary: decodeTimestampBinary,
};

export const timestamptzCodec: TypeCodec<bigint> = {
  type: PG_TYPES.timestamptz,
  toText: (value, options) => formatTimestamptz(value, sessionZone(options)),
  fromText: parseTimestamptz,
  toBinary: encodeTimestampBinary,
  fromBinary: decodeTimestampBinary,
};
