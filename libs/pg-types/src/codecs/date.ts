// date: the value is a number of days since 2000-01-01 (PostgreSQL's epoch), or ±Infinity for
// 'infinity' / '-infinity'. Text I/O as date_in/date_out with DateStyle ISO; binary is
// date_send/date_recv: int32 days, with INT32_MAX / INT32_MIN for ±infinity.
// @see https://www.postgresql.org/docs/16/datatype-datetime.html#DATATYPE-DATETIME-INPUT
import type { TypeCodec } from '../codec';
import { DATE_END_JULIAN, DATETIME_MIN_JULIAN, POSTGRES_EPOCH_JDATE, UNIX_TO_PG_EPOCH_DAYS, date2j, isValidJulian } from '../datetime/calendar';
import { decodeDateTime } from '../datetime/decode-datetime';
import { dateOutOfRange, withParseErrors } from '../datetime/errors';
import { formatDate } from '../datetime/format';
import type { DateTimeSettings } from '../datetime/settings';
import { expectBinaryLength } from '../errors';
import { PG_TYPES } from '../oids';

const DATEVAL_NOBEGIN = -2147483648;
const DATEVAL_NOEND = 2147483647;
const MIN_DATE = DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE;
const END_DATE = DATE_END_JULIAN - POSTGRES_EPOCH_JDATE;

/** IS_VALID_DATE for a finite day count. */
export function isValidDate(days: number): boolean {
  return days >= MIN_DATE && days < END_DATE;
}

/** date_in. */
export function parseDate(text: string, settings?: DateTimeSettings): number {
  const d = withParseErrors(text, 'date', () => decodeDateTime(text, settings));
  if (d.kind === 'infinity') return Infinity;
  if (d.kind === '-infinity') return -Infinity;
  if (d.kind === 'epoch') return -UNIX_TO_PG_EPOCH_DAYS;
  if (!isValidJulian(d.year, d.month, d.day)) throw dateOutOfRange(text);
  const days = date2j(d.year, d.month, d.day) - POSTGRES_EPOCH_JDATE;
  if (!isValidDate(days)) throw dateOutOfRange(text);
  return days;
}

/** date_send. */
export function encodeDateBinary(days: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(days === Infinity ? DATEVAL_NOEND : days === -Infinity ? DATEVAL_NOBEGIN : days);
  return b;
}

/** date_recv: rejects finite values outside the date range, like PostgreSQL. */
export function decodeDateBinary(data: Buffer): number {
  expectBinaryLength(data, 4, 'date');
  const v = data.readInt32BE(0);
  if (v === DATEVAL_NOEND) return Infinity;
  if (v === DATEVAL_NOBEGIN) return -Infinity;
  if (!isValidDate(v)) throw dateOutOfRange();
  return v;
}

export const dateCodec: TypeCodec<number> = {
  type: PG_TYPES.date,
  toText: (value, options) => formatDate(value, options?.dateStyle, options?.dateOrder),
  fromText: parseDate,
  toBinary: encodeDateBinary,
  fromBinary: decodeDateBinary,
};
