// Calendar arithmetic shared by date, timestamp and interval, ported from PostgreSQL's
// src/backend/utils/adt/datetime.c (date2j / j2date) and datatype/timestamp.h (the limits).
// Dates are Julian day numbers internally; the stored value is days / microseconds since
// PostgreSQL's epoch 2000-01-01 (Julian day 2451545). Years are astronomical: 0 is 1 BC, -1 is 2 BC.
// @see https://www.postgresql.org/docs/16/datatype-datetime.html

/** Julian day of 2000-01-01, PostgreSQL's epoch. */
export const POSTGRES_EPOCH_JDATE = 2451545;
/** Julian day of 1970-01-01. */
export const UNIX_EPOCH_JDATE = 2440588;
/** Days between the Unix epoch and PostgreSQL's epoch. */
export const UNIX_TO_PG_EPOCH_DAYS = POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE;

export const USECS_PER_SEC = 1_000_000n;
export const USECS_PER_MINUTE = 60_000_000n;
export const USECS_PER_HOUR = 3_600_000_000n;
export const USECS_PER_DAY = 86_400_000_000n;

/** timestamp 'infinity' / '-infinity' are stored as INT64_MAX / INT64_MIN (DT_NOEND / DT_NOBEGIN). */
export const TIMESTAMP_INFINITY = 9223372036854775807n;
export const TIMESTAMP_MINUS_INFINITY = -9223372036854775808n;

/** The first valid Julian day (4714-11-24 BC) for dates and timestamps. */
export const DATETIME_MIN_JULIAN = 0;
/** First Julian day past the date range (5874898-01-01). */
export const DATE_END_JULIAN = 2147483494;
/** First Julian day past the timestamp range (294277-01-01). */
export const TIMESTAMP_END_JULIAN = 109203528;
/** Valid timestamps are MIN_TIMESTAMP <= t < END_TIMESTAMP (microseconds since 2000-01-01). */
export const MIN_TIMESTAMP = -211813488000000000n;
export const END_TIMESTAMP = 9223371331200000000n;

const JULIAN_MINYEAR = -4713;
const JULIAN_MINMONTH = 11;
const JULIAN_MINDAY = 24;
const JULIAN_MAXYEAR = 5874898;

/** Broken-down date and time of day (astronomical year, month 1-12). */
export interface DateFields {
  year: number;
  month: number;
  day: number;
}

export interface TimeFields {
  hour: number;
  minute: number;
  second: number;
  /** Microseconds, 0..999999. */
  micro: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Integer division truncating toward zero, as C's `/` on ints. */
function cdiv(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** PostgreSQL's date2j: Julian day number of a proleptic Gregorian date. */
export function date2j(year: number, month: number, day: number): number {
  let y = year;
  let m = month;
  if (m > 2) {
    m += 1;
    y += 4800;
  } else {
    m += 13;
    y += 4799;
  }
  const century = cdiv(y, 100);
  let julian = y * 365 - 32167;
  julian += cdiv(y, 4) - century + cdiv(century, 4);
  julian += cdiv(7834 * m, 256) + day;
  return julian;
}

/** PostgreSQL's j2date (valid for julian >= 0, unsigned arithmetic in C). */
export function j2date(jd: number): DateFields {
  let julian = jd + 32044;
  let quad = Math.floor(julian / 146097);
  const extra = (julian - quad * 146097) * 4 + 3;
  julian += 60 + quad * 3 + Math.floor(extra / 146097);
  quad = Math.floor(julian / 1461);
  julian -= quad * 1461;
  let y = Math.floor((julian * 4) / 1461);
  julian = (y !== 0 ? (julian + 305) % 365 : (julian + 306) % 366) + 123;
  y += quad * 4;
  const year = y - 4800;
  quad = Math.floor((julian * 2141) / 65536);
  const day = julian - Math.floor((7834 * quad) / 256);
  const month = ((quad + 10) % 12) + 1;
  return { year, month, day };
}

/** IS_VALID_JULIAN: the date is not before 4714-11-24 BC and not after the date range. */
export function isValidJulian(year: number, month: number, day: number): boolean {
  return (
    (year > JULIAN_MINYEAR ||
      (year === JULIAN_MINYEAR &&
        (month > JULIAN_MINMONTH || (month === JULIAN_MINMONTH && day >= JULIAN_MINDAY)))) &&
    year < JULIAN_MAXYEAR
  );
}

/** Day of week of a Julian day, 0 = Sunday (PostgreSQL's j2day). */
export function j2day(jd: number): number {
  return (((jd + 1) % 7) + 7) % 7;
}

/** Days since 2000-01-01 of a calendar date. */
export function dateToDays(f: DateFields): number {
  return date2j(f.year, f.month, f.day) - POSTGRES_EPOCH_JDATE;
}

/** Calendar date of a day count since 2000-01-01. */
export function daysToDate(days: number): DateFields {
  return j2date(days + POSTGRES_EPOCH_JDATE);
}

/** Floor division for bigint (JS bigint `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Splits microseconds since 2000-01-01 into a day count and microseconds into that day. */
export function splitTimestamp(ts: bigint): { days: number; timeOfDay: bigint } {
  const days = floorDiv(ts, USECS_PER_DAY);
  return { days: Number(days), timeOfDay: ts - days * USECS_PER_DAY };
}

/** Breaks microseconds since midnight into clock fields. */
export function timeToFields(micros: bigint): TimeFields {
  const totalSec = micros / USECS_PER_SEC;
  return {
    hour: Number(totalSec / 3600n),
    minute: Number((totalSec / 60n) % 60n),
    second: Number(totalSec % 60n),
    micro: Number(micros % USECS_PER_SEC),
  };
}

/** Clock fields to microseconds since midnight (no range check: 24:00:00 and :60 pass through). */
export function fieldsToTime(f: TimeFields): bigint {
  return ((BigInt(f.hour) * 60n + BigInt(f.minute)) * 60n + BigInt(f.second)) * USECS_PER_SEC + BigInt(f.micro);
}

/** tm2timestamp without zone: date + time as microseconds since 2000-01-01. */
export function fieldsToTimestamp(d: DateFields, t: TimeFields): bigint {
  return BigInt(dateToDays(d)) * USECS_PER_DAY + fieldsToTime(t);
}

/** True if a finite timestamp lies in PostgreSQL's valid range. */
export function isValidTimestamp(ts: bigint): boolean {
  return ts >= MIN_TIMESTAMP && ts < END_TIMESTAMP;
}

/** True for the ±infinity sentinels. */
export function isTimestampInfinite(ts: bigint): boolean {
  return ts === TIMESTAMP_INFINITY || ts === TIMESTAMP_MINUS_INFINITY;
}
