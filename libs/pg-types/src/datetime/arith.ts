// Date/time arithmetic and casts on the value model, ported from PostgreSQL's timestamp.c and
// date.c so the executor gets the same answers: month arithmetic clamps to the month's last day,
// timestamptz adds months/days on the session-zone clock, timestamp - timestamp is
// justify_hours'd, interval * float cascades fractional months into days and seconds.
import {
  TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY, USECS_PER_DAY, USECS_PER_SEC, date2j, daysInMonth, floorDiv,
  isTimestampInfinite, isValidTimestamp, j2date, splitTimestamp, timeToFields, type DateFields,
} from './calendar';
import { rint } from './decode-fields';
import type { Interval } from './decode-interval';
import { dateOutOfRange, intervalOutOfRange, timestampOutOfRange } from './errors';
import { localOffset, utcToLocal, type TimeZone } from './time-zone';
import { SQLSTATE, SqlError } from '@vecgres/errors';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;
const DATE_MIN = -2451545;
const DATE_END = 2147483494 - 2451545;

function checkTimestamp(ts: bigint): bigint {
  if (!isValidTimestamp(ts)) throw timestampOutOfRange();
  return ts;
}

function checkI32(v: number): number {
  if (!Number.isFinite(v) || v < INT32_MIN || v > INT32_MAX) throw intervalOutOfRange();
  return v;
}

function checkI64(v: bigint): bigint {
  if (v < INT64_MIN || v > INT64_MAX) throw intervalOutOfRange();
  return v;
}

/** Adds months to a calendar date, clamping the day to the target month's length. */
function addMonths(d: DateFields, months: number): DateFields {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Applies an interval to a local (wall-clock) timestamp's month and day fields. */
function addMonthsDays(local: bigint, span: Interval): bigint {
  const { days, timeOfDay } = splitTimestamp(local);
  let d = j2date(days + 2451545);
  if (span.months !== 0) d = addMonths(d, span.months);
  const jd = date2j(d.year, d.month, d.day) + span.days;
  return BigInt(jd - 2451545) * USECS_PER_DAY + timeOfDay;
}

/** timestamp_pl_interval (timestamp without time zone). */
export function timestampPlusInterval(ts: bigint, span: Interval): bigint {
  if (isTimestampInfinite(ts)) return ts;
  let t = ts;
  if (span.months !== 0 || span.days !== 0) t = checkTimestamp(addMonthsDays(t, span));
  return checkTimestamp(t + span.micros);
}

/** timestamptz_pl_interval: months and days move the clock in `zone`, then micros are added. */
export function timestamptzPlusInterval(ts: bigint, span: Interval, zone: TimeZone): bigint {
  if (isTimestampInfinite(ts)) return ts;
  let t = ts;
  if (span.months !== 0 || span.days !== 0) {
    const local = addMonthsDays(utcToLocal(zone, t).local, span);
    t = checkTimestamp(local - BigInt(localOffset(zone, local)) * USECS_PER_SEC);
  }
  return checkTimestamp(t + span.micros);
}

/** interval_um. */
export function negateInterval(span: Interval): Interval {
  return { months: checkI32(-span.months) || 0, days: checkI32(-span.days) || 0, micros: checkI64(-span.micros) };
}

/** interval_pl. */
export function addIntervals(a: Interval, b: Interval): Interval {
  return { months: checkI32(a.months + b.months), days: checkI32(a.days + b.days), micros: checkI64(a.micros + b.micros) };
}

/** interval_mi. */
export function subtractIntervals(a: Interval, b: Interval): Interval {
  return addIntervals(a, negateInterval(b));
}

/** timestamp_mi_interval / timestamptz_mi_interval. */
export function timestampMinusInterval(ts: bigint, span: Interval, zone?: TimeZone): bigint {
  const neg = negateInterval(span);
  return zone ? timestamptzPlusInterval(ts, neg, zone) : timestampPlusInterval(ts, neg);
}

/** interval_justify_hours: whole days out of the time field, signs made consistent. */
export function justifyHours(span: Interval): Interval {
  let time = span.micros;
  const whole = time / USECS_PER_DAY;
  time -= whole * USECS_PER_DAY;
  let days = checkI32(span.days + Number(whole));
  if (days > 0 && time < 0n) {
    time += USECS_PER_DAY;
    days--;
  } else if (days < 0 && time > 0n) {
    time -= USECS_PER_DAY;
    days++;
  }
  return { months: span.months, days, micros: time };
}

/** timestamp_mi / timestamptz_mi: the difference as justify_hours'd days and time. */
export function subtractTimestamps(a: bigint, b: bigint): Interval {
  if (isTimestampInfinite(a) || isTimestampInfinite(b)) {
    throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'cannot subtract infinite timestamps');
  }
  return justifyHours({ months: 0, days: 0, micros: a - b });
}

/** date_pli / date_mii: date + integer days. */
export function datePlusDays(date: number, days: number): number {
  if (!Number.isFinite(date)) return date;
  const r = date + days;
  if (r < DATE_MIN || r >= DATE_END) throw dateOutOfRange();
  return r;
}

/** date_mi: days between two dates. */
export function subtractDates(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'cannot subtract infinite dates');
  }
  return a - b;
}

/** date -> timestamp (midnight), keeping infinities. */
export function dateToTimestamp(date: number): bigint {
  if (date === Infinity) return TIMESTAMP_INFINITY;
  if (date === -Infinity) return TIMESTAMP_MINUS_INFINITY;
  return checkTimestamp(BigInt(date) * USECS_PER_DAY);
}

/** date -> timestamptz: local midnight in the zone. */
export function dateToTimestamptz(date: number, zone: TimeZone): bigint {
  const local = dateToTimestamp(date);
  if (isTimestampInfinite(local)) return local;
  return checkTimestamp(local - BigInt(localOffset(zone, local)) * USECS_PER_SEC);
}

/** timestamp -> date (the day it falls on). */
export function timestampToDate(ts: bigint): number {
  if (ts === TIMESTAMP_INFINITY) return Infinity;
  if (ts === TIMESTAMP_MINUS_INFINITY) return -Infinity;
  return Number(floorDiv(ts, USECS_PER_DAY));
}

/** timestamptz -> timestamp: the wall-clock time in the zone. */
export function timestamptzToTimestamp(ts: bigint, zone: TimeZone): bigint {
  return isTimestampInfinite(ts) ? ts : checkTimestamp(utcToLocal(zone, ts).local);
}

/** timestamp -> timestamptz: the wall-clock time read in the zone. */
export function timestampToTimestamptz(ts: bigint, zone: TimeZone): bigint {
  return isTimestampInfinite(ts) ? ts : checkTimestamp(ts - BigInt(localOffset(zone, ts)) * USECS_PER_SEC);
}

/** timestamp -> time (time of day). */
export function timestampToTime(ts: bigint): bigint {
  return splitTimestamp(ts).timeOfDay;
}

/** interval_cmp_value: compares as months * 30 days + days * 24 h + time, as PostgreSQL orders intervals. */
export function compareIntervals(a: Interval, b: Interval): number {
  const key = (s: Interval): bigint => BigInt(s.months * 30 + s.days) * USECS_PER_DAY + s.micros;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const TSROUND = (x: number): number => rint(x * 1e6) / 1e6;

/** Shared tail of interval_mul / interval_div: cascade fractional months and days downward. */
function cascade(monthsF: number, daysF: number, timeF: number): Interval {
  const months = checkI32(Math.trunc(monthsF));
  let days = checkI32(Math.trunc(daysF));
  const monthRemainderDays = TSROUND((monthsF - months) * 30);
  let secRemainder = TSROUND((daysF - days + monthRemainderDays - Math.trunc(monthRemainderDays)) * 86400);
  // Rounding or the cascade can leave 24 hours or more of seconds: move whole days up.
  if (Math.abs(secRemainder) >= 86400) {
    days += Math.trunc(secRemainder / 86400);
    secRemainder -= Math.trunc(secRemainder / 86400) * 86400;
  }
  days = checkI32(days + Math.trunc(monthRemainderDays));
  const time = rint(timeF + secRemainder * 1e6);
  if (!Number.isFinite(time) || Math.abs(time) >= 9.223372036854776e18) throw intervalOutOfRange();
  return { months: months || 0, days: days || 0, micros: BigInt(time) };
}

/** interval_mul: interval * float8. */
export function multiplyInterval(span: Interval, factor: number): Interval {
  return cascade(span.months * factor, span.days * factor, Number(span.micros) * factor);
}

/** interval_div: interval / float8 (22012 on zero). */
export function divideInterval(span: Interval, factor: number): Interval {
  if (factor === 0) throw new SqlError(SQLSTATE.DIVISION_BY_ZERO, 'division by zero');
  return cascade(span.months / factor, span.days / factor, Number(span.micros) / factor);
}

/** Breaks a timestamp into fields (for extract / date_part / to_char style functions). */
export function timestampFields(ts: bigint): DateFields & ReturnType<typeof timeToFields> {
  const { days, timeOfDay } = splitTimestamp(ts);
  return { ...j2date(days + 2451545), ...timeToFields(timeOfDay) };
}
