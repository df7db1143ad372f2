// date_part / extract and date_trunc over timestamp, timestamptz, date, time and interval,
// ported from PostgreSQL 15's timestamp.c (timestamp_part_common, interval_part_common,
// timestamp_trunc, interval_trunc) and date.c (extract_date).
//
// Units are resolved like DecodeUnits + DecodeSpecial: lower-cased, truncated to TOKMAXLEN
// (10) characters, then looked up in the unit table (deltatktbl) and, for date_part/extract
// only, the special words (epoch, dow, isodow, doy, isoyear, julian). An unknown unit is 22023
// `unit "x" not recognized for type T`, a known one that does not apply is 0A000
// `unit "x" not supported for type T`.
//
// Results: extract returns numeric (µs-exact: second has scale 6, millisecond scale 3,
// epoch of timestamps scale 6); date_part returns float8 of the same value. Infinite inputs
// give ±Infinity for the monotonic units (year, decade, century, millennium, isoyear, epoch,
// julian) and NULL for the rest.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import {
  TIMESTAMP_INFINITY, USECS_PER_DAY, date2j, daysToDate, isTimestampInfinite, j2date, j2day, splitTimestamp,
  timeToFields, type Interval, type TimeZone, utcToLocal, localToUtc, type TimeTz,
} from '@vecgres/pg-types';

export type Unit =
  | 'microseconds' | 'milliseconds' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year'
  | 'decade' | 'century' | 'millennium' | 'timezone' | 'timezone_hour' | 'timezone_minute'
  | 'epoch' | 'dow' | 'isodow' | 'doy' | 'isoyear' | 'julian';

const UNITS: Record<string, Unit> = {};
function alias(unit: Unit, names: string[]): void {
  for (const n of names) UNITS[n] = unit;
}
alias('century', ['c', 'cent', 'centuries', 'century']);
alias('day', ['d', 'day', 'days']);
alias('decade', ['dec', 'decade', 'decades', 'decs']);
alias('hour', ['h', 'hour', 'hours', 'hr', 'hrs']);
alias('minute', ['m', 'min', 'mins', 'minute', 'minutes']);
alias('microseconds', ['microsecon', 'us', 'usec', 'useconds', 'usecs']);
alias('millennium', ['mil', 'millennia', 'millennium', 'mils']);
alias('milliseconds', ['millisecon', 'ms', 'msec', 'mseconds', 'msecs']);
alias('month', ['mon', 'mons', 'month', 'months']);
alias('quarter', ['qtr', 'quarter']);
alias('second', ['s', 'sec', 'second', 'seconds', 'secs']);
alias('timezone', ['timezone']);
alias('timezone_hour', ['timezone_h']);
alias('timezone_minute', ['timezone_m']);
alias('week', ['w', 'week', 'weeks']);
alias('year', ['y', 'year', 'years', 'yr', 'yrs']);

/** datetktbl words date_part accepts as fields after the unit table misses. */
const SPECIAL: Record<string, Unit> = {
  epoch: 'epoch', dow: 'dow', isodow: 'isodow', doy: 'doy', isoyear: 'isoyear', j: 'julian', jd: 'julian', julian: 'julian',
};
/** Other reserved datetktbl words: recognized, but never a field ("not supported"). */
const RESERVED = new Set(['now', 'today', 'tomorrow', 'yesterday', 'infinity', '-infinity', 'allballs', 'invalid']);

const TYPE_NAMES = {
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  date: 'date',
  time: 'time without time zone',
  timetz: 'time with time zone',
  interval: 'interval',
} as const;
export type FieldType = keyof typeof TYPE_NAMES;

export function notSupportedUnit(text: string, type: FieldType, detail?: string): SqlError {
  return new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `unit "${text}" not supported for type ${TYPE_NAMES[type]}`, detail ? { detail } : {});
}

function notRecognized(text: string, type: FieldType): SqlError {
  return new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `unit "${text}" not recognized for type ${TYPE_NAMES[type]}`);
}

/**
 * Resolves a unit name. `part`: date_part/extract (special words allowed) vs date_trunc.
 * Reserved words that are no field throw "not supported"; unknown ones "not recognized".
 */
export function decodeUnit(units: string, type: FieldType, part: boolean): Unit {
  const low = units.toLowerCase();
  const key = low.slice(0, 10);
  const u = UNITS[key] ?? (part ? SPECIAL[key] : undefined);
  if (u) return u;
  if (part && RESERVED.has(key)) throw notSupportedUnit(low, type);
  throw notRecognized(low, type);
}

/** Exact decimal text of `micros / 10^scale` (int64_div_fast_to_numeric). */
export function microsToNumeric(v: bigint, scale: number): string {
  if (scale === 0) return v.toString();
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** C integer division (truncates toward zero). */
const cdiv = (a: number, b: number): number => Math.trunc(a / b);

/** ISO 8601 week number and ISO year of a calendar date (date2isoweek / date2isoyear). */
export function isoWeek(year: number, month: number, day: number): { week: number; isoYear: number } {
  const jd = date2j(year, month, day);
  const isodow = ((j2day(jd) + 6) % 7) + 1;
  // The ISO year is the year of this week's Thursday.
  const thursday = jd - isodow + 4;
  const isoYear = j2date(thursday).year;
  const jan4 = date2j(isoYear, 1, 4);
  const week1Monday = jan4 - (((j2day(jan4) + 6) % 7));
  return { week: Math.floor((jd - week1Monday) / 7) + 1, isoYear };
}

/** Broken-down local timestamp fields (timestamp2tm). */
interface Tm { year: number; month: number; day: number; hour: number; minute: number; second: number; micro: number; jd: number }

function toTm(local: bigint): Tm {
  const { days, timeOfDay } = splitTimestamp(local);
  const jd = days + 2451545;
  return { ...j2date(jd), ...timeToFields(timeOfDay), jd };
}

/** The value of one field of a finite (local) timestamp as an exact decimal string. */
function timestampField(unit: Unit, tm: Tm, text: string, type: FieldType, offset?: number): string {
  const sec = BigInt(tm.second) * 1000000n + BigInt(tm.micro);
  switch (unit) {
    case 'microseconds': return sec.toString();
    case 'milliseconds': return microsToNumeric(sec, 3);
    case 'second': return microsToNumeric(sec, 6);
    case 'minute': return String(tm.minute);
    case 'hour': return String(tm.hour);
    case 'day': return String(tm.day);
    case 'month': return String(tm.month);
    case 'quarter': return String(cdiv(tm.month - 1, 3) + 1);
    case 'week': return String(isoWeek(tm.year, tm.month, tm.day).week);
    case 'year': return String(tm.year > 0 ? tm.year : tm.year - 1);
    case 'decade':
      // PostgreSQL: year / 10, with BC years counted from -1.
      return String(tm.year >= 0 ? cdiv(tm.year, 10) : -cdiv(8 - (tm.year - 1), 10));
    case 'century':
      return String(tm.year > 0 ? cdiv(tm.year + 99, 100) : -cdiv(99 - (tm.year - 1), 100));
    case 'millennium':
      return String(tm.year > 0 ? cdiv(tm.year + 999, 1000) : -cdiv(999 - (tm.year - 1), 1000));
    case 'isoyear': {
      const y = isoWeek(tm.year, tm.month, tm.day).isoYear;
      return String(y > 0 ? y : y - 1);
    }
    case 'dow': return String(j2day(tm.jd));
    case 'isodow': { const d = j2day(tm.jd); return String(d === 0 ? 7 : d); }
    case 'doy': return String(tm.jd - date2j(tm.year, 1, 1) + 1);
    case 'timezone':
    case 'timezone_hour':
    case 'timezone_minute': {
      if (offset === undefined) throw notSupportedUnit(text, type);
      if (unit === 'timezone') return String(offset);
      return String(unit === 'timezone_hour' ? cdiv(offset, 3600) : cdiv(offset, 60) % 60);
    }
    case 'julian': {
      // date2j + seconds-of-day / 86400 as a numeric division (scale from select_div_scale).
      const micros = ((BigInt(tm.hour) * 60n + BigInt(tm.minute)) * 60n) * 1000000n + sec;
      return micros === 0n ? String(tm.jd) : julianFraction(tm.jd, micros);
    }
    case 'epoch': throw new Error('epoch is handled by the caller');
  }
}

/** jd + micros / 86400e6 with numeric's division scale (16 significant digits past the point). */
function julianFraction(jd: number, micros: bigint): string {
  const scale = 20;
  const frac = (micros * 10n ** BigInt(scale)) / USECS_PER_DAY;
  const rem = (micros * 10n ** BigInt(scale)) % USECS_PER_DAY;
  const rounded = rem * 2n >= USECS_PER_DAY ? frac + 1n : frac;
  const text = rounded.toString().padStart(scale, '0');
  return `${jd}.${text}`;
}

const MONOTONIC: ReadonlySet<Unit> = new Set(['year', 'decade', 'century', 'millennium', 'julian', 'isoyear', 'epoch']);

/** NonFiniteTimestampTzPart: ±Infinity for monotonic units, NULL for the rest. */
function infinitePart(unit: Unit, negative: boolean, text: string, type: FieldType): string | null {
  if (MONOTONIC.has(unit)) return negative ? '-Infinity' : 'Infinity';
  if (unit === 'timezone' || unit === 'timezone_hour' || unit === 'timezone_minute') {
    if (type !== 'timestamptz') throw notSupportedUnit(text, type);
  }
  return null;
}

/** extract(field from timestamp|timestamptz): numeric text or null. `zone` for timestamptz. */
export function extractTimestamp(units: string, ts: bigint, zone?: TimeZone): string | null {
  const type: FieldType = zone ? 'timestamptz' : 'timestamp';
  const unit = decodeUnit(units, type, true);
  if (isTimestampInfinite(ts)) return infinitePart(unit, ts !== TIMESTAMP_INFINITY, units.toLowerCase(), type);
  if (unit === 'epoch') {
    // Seconds since 1970-01-01 (UTC for timestamptz; the wall clock read as UTC for timestamp).
    return microsToNumeric(ts + 946684800000000n, 6);
  }
  const { local, offset } = zone ? utcToLocal(zone, ts) : { local: ts, offset: undefined };
  return timestampField(unit, toTm(local), units.toLowerCase(), type, offset);
}

/** extract(field from date) (extract_date): integer-valued fields only. */
export function extractDate(units: string, date: number): string | null {
  const unit = decodeUnit(units, 'date', true);
  const text = units.toLowerCase();
  const dateUnits: ReadonlySet<Unit> = new Set(['day', 'month', 'quarter', 'week', 'dow', 'isodow', 'doy', 'year', 'decade', 'century', 'millennium', 'isoyear', 'julian', 'epoch']);
  if (!dateUnits.has(unit)) throw notSupportedUnit(text, 'date');
  if (!Number.isFinite(date)) return infinitePart(unit, date < 0, text, 'date');
  if (unit === 'epoch') return (BigInt(date + 10957) * 86400n).toString();
  if (unit === 'julian') return String(date + 2451545);
  const d = daysToDate(date);
  return timestampField(unit, { ...d, hour: 0, minute: 0, second: 0, micro: 0, jd: date + 2451545 }, text, 'date');
}

/** extract(field from time) / (from timetz). */
export function extractTime(units: string, micros: bigint, tz?: TimeTz): string {
  const type: FieldType = tz ? 'timetz' : 'time';
  const unit = decodeUnit(units, type, true);
  const text = units.toLowerCase();
  const f = timeToFields(micros);
  const sec = BigInt(f.second) * 1000000n + BigInt(f.micro);
  switch (unit) {
    case 'microseconds': return sec.toString();
    case 'milliseconds': return microsToNumeric(sec, 3);
    case 'second': return microsToNumeric(sec, 6);
    case 'minute': return String(f.minute);
    case 'hour': return String(f.hour);
    case 'epoch': return microsToNumeric(micros - BigInt(tz ? tz.offset : 0) * 1000000n, 6);
    case 'timezone': if (tz) return String(tz.offset); break;
    case 'timezone_hour': if (tz) return String(cdiv(tz.offset, 3600)); break;
    case 'timezone_minute': if (tz) return String(cdiv(tz.offset, 60) % 60); break;
    default: break;
  }
  throw notSupportedUnit(text, type);
}

/** interval2tm: years/months from months, days, and the time split into h/m/s/µs (C signs). */
export function intervalTm(v: Interval) {
  const time = v.micros;
  const hour = time / 3600000000n;
  const rest = time - hour * 3600000000n;
  const minute = rest / 60000000n;
  const rest2 = rest - minute * 60000000n;
  return {
    year: cdiv(v.months, 12), month: v.months % 12, day: v.days,
    hour, minute: Number(minute), second: Number(rest2 / 1000000n), micro: Number(rest2 % 1000000n),
  };
}

/** extract(field from interval). */
export function extractInterval(units: string, v: Interval): string {
  const unit = decodeUnit(units, 'interval', true);
  const tm = intervalTm(v);
  const sec = BigInt(tm.second) * 1000000n + BigInt(tm.micro);
  switch (unit) {
    case 'microseconds': return sec.toString();
    case 'milliseconds': return microsToNumeric(sec, 3);
    case 'second': return microsToNumeric(sec, 6);
    case 'minute': return String(tm.minute);
    case 'hour': return tm.hour.toString();
    case 'day': return String(tm.day);
    case 'month': return String(tm.month);
    case 'quarter': return String(cdiv(tm.month, 3) + 1);
    case 'year': return String(tm.year);
    case 'decade': return String(cdiv(tm.year, 10));
    case 'century': return String(cdiv(tm.year, 100));
    case 'millennium': return String(cdiv(tm.year, 1000));
    case 'epoch': {
      // DAYS_PER_YEAR = 365.25 and DAYS_PER_MONTH = 30, computed in quarter days to stay exact.
      const quarterDays = 1461n * BigInt(cdiv(v.months, 12)) + 120n * BigInt(v.months % 12) + 4n * BigInt(v.days);
      return microsToNumeric(v.micros + quarterDays * 21600n * 1000000n, 6);
    }
    default: throw notSupportedUnit(units.toLowerCase(), 'interval');
  }
}

/** numeric text -> float8 for date_part (null and ±Infinity pass through). */
export function partToFloat(v: string | null): number | null {
  return v === null ? null : Number(v);
}

// ---- date_trunc ----

/** Truncates a finite local timestamp to `unit` (timestamp_trunc's switch, falling through). */
function truncLocal(unit: Unit, local: bigint, text: string, type: FieldType): bigint {
  const tm = toTm(local);
  let { year, month, day, hour, minute, second, micro } = tm;
  switch (unit) {
    case 'week': {
      const monday = tm.jd - ((j2day(tm.jd) + 6) % 7);
      return BigInt(monday - 2451545) * USECS_PER_DAY;
    }
    case 'millennium':
      year = year > 0 ? cdiv(year + 999, 1000) * 1000 - 999 : -cdiv(999 - (year - 1), 1000) * 1000 + 1;
      month = 1; day = 1; hour = 0; minute = 0; second = 0; micro = 0;
      break;
    case 'century':
      year = year > 0 ? cdiv(year + 99, 100) * 100 - 99 : -cdiv(99 - (year - 1), 100) * 100 + 1;
      month = 1; day = 1; hour = 0; minute = 0; second = 0; micro = 0;
      break;
    case 'decade':
      year = year > 0 ? cdiv(year, 10) * 10 : -cdiv(8 - (year - 1), 10) * 10;
      month = 1; day = 1; hour = 0; minute = 0; second = 0; micro = 0;
      break;
    case 'year': month = 1; day = 1; hour = 0; minute = 0; second = 0; micro = 0; break;
    case 'quarter': month = 3 * cdiv(month - 1, 3) + 1; day = 1; hour = 0; minute = 0; second = 0; micro = 0; break;
    case 'month': day = 1; hour = 0; minute = 0; second = 0; micro = 0; break;
    case 'day': hour = 0; minute = 0; second = 0; micro = 0; break;
    case 'hour': minute = 0; second = 0; micro = 0; break;
    case 'minute': second = 0; micro = 0; break;
    case 'second': micro = 0; break;
    case 'milliseconds': micro = cdiv(micro, 1000) * 1000; break;
    case 'microseconds': break;
    default: throw notSupportedUnit(text, type);
  }
  const days = date2j(year, month, day) - 2451545;
  return BigInt(days) * USECS_PER_DAY + ((BigInt(hour) * 60n + BigInt(minute)) * 60n + BigInt(second)) * 1000000n + BigInt(micro);
}

const DAY_OR_LONGER: ReadonlySet<Unit> = new Set(['week', 'millennium', 'century', 'decade', 'year', 'quarter', 'month', 'day']);

/** date_trunc(unit, timestamp). */
export function truncTimestamp(units: string, ts: bigint): bigint {
  const unit = decodeUnit(units, 'timestamp', false);
  const text = units.toLowerCase();
  if (isTimestampInfinite(ts)) {
    truncLocal(unit, 0n, text, 'timestamp');
    return ts;
  }
  return truncLocal(unit, ts, text, 'timestamp');
}

/**
 * date_trunc(unit, timestamptz [, zone]): truncates the wall-clock time in `zone`. For units of
 * a day or longer the zone offset is recomputed for the truncated time (it can differ across a
 * DST change); shorter units keep the input's offset, as timestamptz_trunc_internal does.
 */
export function truncTimestamptz(units: string, ts: bigint, zone: TimeZone): bigint {
  const unit = decodeUnit(units, 'timestamptz', false);
  const text = units.toLowerCase();
  if (isTimestampInfinite(ts)) {
    truncLocal(unit, 0n, text, 'timestamptz');
    return ts;
  }
  const { local, offset } = utcToLocal(zone, ts);
  const truncated = truncLocal(unit, local, text, 'timestamptz');
  return DAY_OR_LONGER.has(unit) ? localToUtc(zone, truncated) : truncated - BigInt(offset) * 1000000n;
}

/** date_trunc(unit, interval). */
export function truncInterval(units: string, v: Interval): Interval {
  const unit = decodeUnit(units, 'interval', false);
  const text = units.toLowerCase();
  const tm = intervalTm(v);
  let { year, month, day, hour, minute, second, micro } = tm;
  switch (unit) {
    case 'millennium': year = cdiv(year, 1000) * 1000; month = 0; day = 0; hour = 0n; minute = 0; second = 0; micro = 0; break;
    case 'century': year = cdiv(year, 100) * 100; month = 0; day = 0; hour = 0n; minute = 0; second = 0; micro = 0; break;
    case 'decade': year = cdiv(year, 10) * 10; month = 0; day = 0; hour = 0n; minute = 0; second = 0; micro = 0; break;
    case 'year': month = 0; day = 0; hour = 0n; minute = 0; second = 0; micro = 0; break;
    case 'quarter': month = 3 * cdiv(month, 3); day = 0; hour = 0n; minute = 0; second = 0; micro = 0; break;
    case 'month': day = 0; hour = 0n; minute = 0; second = 0; micro = 0; break;
    case 'day': hour = 0n; minute = 0; second = 0; micro = 0; break;
    case 'hour': minute = 0; second = 0; micro = 0; break;
    case 'minute': second = 0; micro = 0; break;
    case 'second': micro = 0; break;
    case 'milliseconds': micro = cdiv(micro, 1000) * 1000; break;
    case 'microseconds': break;
    case 'week': throw notSupportedUnit(text, 'interval', 'Months usually have fractional weeks.');
    default: throw notSupportedUnit(text, 'interval');
  }
  return {
    months: year * 12 + month,
    days: day,
    micros: ((hour * 60n + BigInt(minute)) * 60n + BigInt(second)) * 1000000n + BigInt(micro),
  };
}
