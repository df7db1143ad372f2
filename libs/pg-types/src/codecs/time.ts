// time (without time zone): the value is a bigint of microseconds since midnight,
// 0 .. 86400000000 (PostgreSQL allows '24:00:00'). Text I/O as time_in / time_out (any date
// or zone in the input is ignored); binary is time_send / time_recv: the int64 itself.
// @see https://www.postgresql.org/docs/16/datatype-datetime.html#DATATYPE-DATETIME-INPUT-TIMES
import type { TypeCodec } from '../codec';
import { USECS_PER_DAY, fieldsToTime } from '../datetime/calendar';
import { decodeDateTime } from '../datetime/decode-datetime';
import { DateTimeDecodeError, DtErr, withParseErrors } from '../datetime/errors';
import { formatTime } from '../datetime/format';
import type { DateTimeSettings } from '../datetime/settings';
import { expectBinaryLength } from '../errors';
import { PG_TYPES } from '../oids';
import { SQLSTATE, SqlError } from '@vecgres/errors';

/** time_in. */
export function parseTime(text: string, settings?: DateTimeSettings): bigint {
  const d = withParseErrors(text, 'time', () => {
    const r = decodeDateTime(text, settings, true);
    // 'epoch' and 'infinity' are not times.
    if (r.kind !== 'date') throw new DateTimeDecodeError(DtErr.BadFormat);
    return r;
  });
  return fieldsToTime({ hour: d.hour, minute: d.minute, second: d.second, micro: d.micro });
}

/** time_send. */
export function encodeTimeBinary(micros: bigint): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigInt64BE(micros);
  return b;
}

/** time_recv: 0 .. 24:00:00 only. */
export function decodeTimeBinary(data: Buffer): bigint {
  expectBinaryLength(data, 8, 'time');
  const v = data.readBigInt64BE(0);
  if (v < 0n || v > USECS_PER_DAY) throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'time out of range');
  return v;
}

export const timeCodec: TypeCodec<bigint> = {
  type: PG_TYPES.time,
  toText: (value) => formatTime(value),
  fromText: parseTime,
  toBinary: encodeTimeBinary,
  fromBinary: decodeTimeBinary,
};
