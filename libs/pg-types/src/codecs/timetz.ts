// timetz (time with time zone): the value is { micros, offset }: microseconds since midnight
// on the local clock and the UTC offset in seconds EAST (so '04:05:06-08' is
// { micros: 14706000000n, offset: -28800 }). Without a zone in the input the session TimeZone's
// offset on the given (or current) date applies, as timetz_in does. Binary is timetz_send:
//   int64 microseconds | int32 zone in seconds WEST of UTC (PostgreSQL's sign convention)
// @see https://www.postgresql.org/docs/16/datatype-datetime.html#DATATYPE-TIMEZONES
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { TypeCodec } from '../codec';
import { USECS_PER_DAY, daysToDate, fieldsToTime, fieldsToTimestamp, splitTimestamp } from '../datetime/calendar';
import { decodeDateTime } from '../datetime/decode-datetime';
import { DateTimeDecodeError, DtErr, withParseErrors } from '../datetime/errors';
import { formatTime, formatTzOffset } from '../datetime/format';
import { currentTimestamp, sessionZone, type DateTimeSettings } from '../datetime/settings';
import { localOffset, utcToLocal } from '../datetime/time-zone';
import { expectBinaryLength } from '../errors';
import { PG_TYPES } from '../oids';

export interface TimeTz {
  micros: bigint;
  /** Seconds east of UTC. */
  offset: number;
}

/** TZDISP_LIMIT: offsets must stay within ±15:59:59. */
const TZDISP_LIMIT = 16 * 3600;

/** timetz_in. */
export function parseTimetz(text: string, settings?: DateTimeSettings): TimeTz {
  return withParseErrors(text, 'time with time zone', () => {
    const d = decodeDateTime(text, settings, true);
    if (d.kind !== 'date') throw new DateTimeDecodeError(DtErr.BadFormat);
    const micros = fieldsToTime({ hour: d.hour, minute: d.minute, second: d.second, micro: d.micro });
    if (d.tz !== undefined) return { micros, offset: d.tz };
    const zone = sessionZone(settings);
    const date = d.hasDate
      ? { year: d.year, month: d.month, day: d.day }
      : daysToDate(splitTimestamp(utcToLocal(zone, currentTimestamp(settings)).local).days);
    const local = fieldsToTimestamp(date, { hour: d.hour, minute: d.minute, second: d.second, micro: d.micro });
    return { micros, offset: localOffset(zone, local) };
  });
}

/** timetz_out: `04:05:06-08`, `12:00:00+05:30`. */
export function formatTimetz(v: TimeTz): string {
  return formatTime(v.micros) + formatTzOffset(v.offset);
}

/** timetz_send. */
export function encodeTimetzBinary(v: TimeTz): Buffer {
  const b = Buffer.allocUnsafe(12);
  b.writeBigInt64BE(v.micros, 0);
  b.writeInt32BE(-v.offset || 0, 8);
  return b;
}

/** timetz_recv: validates the time and the displacement like PostgreSQL. */
export function decodeTimetzBinary(data: Buffer): TimeTz {
  expectBinaryLength(data, 12, 'timetz');
  const micros = data.readBigInt64BE(0);
  if (micros < 0n || micros > USECS_PER_DAY) throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'time out of range');
  const zone = data.readInt32BE(8);
  if (zone <= -TZDISP_LIMIT || zone >= TZDISP_LIMIT) {
    throw new SqlError(SQLSTATE.INVALID_TIME_ZONE_DISPLACEMENT_VALUE, 'time zone displacement out of range');
  }
  return { micros, offset: -zone || 0 };
}

export const timetzCodec: TypeCodec<TimeTz> = {
  type: PG_TYPES.timetz,
  toText: formatTimetz,
  fromText: parseTimetz,
  toBinary: encodeTimetzBinary,
  fromBinary: decodeTimetzBinary,
};
