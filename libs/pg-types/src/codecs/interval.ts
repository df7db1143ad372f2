// interval: the value is PostgreSQL's three independent fields { months, days, micros }
// (micros a bigint). Text I/O as interval_in / interval_out (IntervalStyle from the session,
// default 'postgres'); binary is interval_send / interval_recv:
//   int64 microseconds | int32 days | int32 months
// @see https://www.postgresql.org/docs/16/datatype-datetime.html#DATATYPE-INTERVAL-INPUT
import type { TypeCodec } from '../codec';
import { decodeInterval, type Interval } from '../datetime/decode-interval';
import { intervalOutOfRange, withParseErrors } from '../datetime/errors';
import { formatInterval } from '../datetime/format-interval';
import type { DateTimeSettings } from '../datetime/settings';
import { expectBinaryLength } from '../errors';
import { PG_TYPES } from '../oids';

export type { Interval } from '../datetime/decode-interval';

/** interval_in. */
export function parseInterval(text: string, settings?: DateTimeSettings): Interval {
  const v = withParseErrors(text, 'interval', () => decodeInterval(text, settings?.intervalStyle));
  if (v === null) throw intervalOutOfRange();
  return v;
}

/** interval_send. */
export function encodeIntervalBinary(v: Interval): Buffer {
  const b = Buffer.allocUnsafe(16);
  b.writeBigInt64BE(v.micros, 0);
  b.writeInt32BE(v.days, 8);
  b.writeInt32BE(v.months, 12);
  return b;
}

/** interval_recv. */
export function decodeIntervalBinary(data: Buffer): Interval {
  expectBinaryLength(data, 16, 'interval');
  return { micros: data.readBigInt64BE(0), days: data.readInt32BE(8), months: data.readInt32BE(12) };
}

export const intervalCodec: TypeCodec<Interval> = {
  type: PG_TYPES.interval,
  toText: (value, options) => formatInterval(value, options?.intervalStyle),
  fromText: parseInterval,
  toBinary: encodeIntervalBinary,
  fromBinary: decodeIntervalBinary,
};
