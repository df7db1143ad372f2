// Constructors and conversions of date/time values: make_date / make_time / make_timestamp(tz)
// / make_interval, to_timestamp(float8), age(), date_bin, the typmod (precision) coercions and
// time-zone conversion (AT TIME ZONE). Ported from PostgreSQL 15's date.c and timestamp.c;
// the error texts are theirs.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import {
  END_TIMESTAMP, MIN_TIMESTAMP, TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY, USECS_PER_DAY, createTimeZone,
  date2j, daysInMonth, fixedOffsetZone, isTimestampInfinite, j2date, localToUtc, roundTimestampPrecision,
  splitTimestamp, timeToFields, timestampOutOfRange, unknownTimeZone, utcToLocal, type Interval, type TimeZone,
} from '@vecgres/pg-types';

/** C's rint(): round half to even. */
export function rint(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** printf("%g"): 6 significant digits, trailing zeros dropped, exponent form outside 1e-4..1e6. */
export function formatG(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** %02g: %g zero-padded to two characters. */
function g02(x: number): string {
  const s = formatG(x);
  return s.length >= 2 ? s : s.padStart(2, '0');
}

const pad2 = (n: number): string => (n < 0 ? `-${String(-n).padStart(2, '0')}` : String(n).padStart(2, '0'));

/** ValidateDate + IS_VALID_JULIAN for make_date / make_timestamp; negative years are BC. */
function makeDays(year: number, month: number, day: number): number {
  let y = year;
  if (y < 0) y = -(-y - 1); // BC: -44 -> astronomical -43
  const invalid = year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month);
  if (invalid) {
    throw new SqlError(SQLSTATE.DATETIME_FIELD_OVERFLOW, `date field value out of range: ${year < 0 ? y : year}-${pad2(month)}-${pad2(day)}`);
  }
  const validJulian = y > -4713 || (y === -4713 && (month > 11 || (month === 11 && day >= 24)));
  if (!validJulian || y >= 5874898) {
    throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, `date out of range: ${year}-${pad2(month)}-${pad2(day)}`);
  }
  return date2j(y, month, day) - 2451545;
}

/** make_date(year, month, day). */
export function makeDate(year: number, month: number, day: number): number {
  const days = makeDays(year, month, day);
  if (days >= 2147483494 - 2451545) {
    throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, `date out of range: ${year}-${pad2(month)}-${pad2(day)}`);
  }
  return days;
}

/** float_time_overflows + tm2time: µs since midnight, 24:00:00 allowed. */
function makeTimeMicros(hour: number, min: number, sec: number): bigint {
  const overflow = () =>
    new SqlError(SQLSTATE.DATETIME_FIELD_OVERFLOW, `time field value out of range: ${hour}:${pad2(min)}:${g02(sec)}`);
  if (hour < 0 || hour > 24 || min < 0 || min >= 60 || !(sec >= 0 && sec <= 60)) throw overflow();
  const micros = ((BigInt(hour) * 60n + BigInt(min)) * 60n) * 1000000n + BigInt(rint(sec * 1e6));
  if (micros > USECS_PER_DAY) throw overflow();
  return micros;
}

/** make_time(hour, min, sec). */
export function makeTime(hour: number, min: number, sec: number): bigint {
  return makeTimeMicros(hour, min, sec);
}

/** make_timestamp(year, month, mday, hour, min, sec): a timestamp without time zone. */
export function makeTimestamp(year: number, month: number, day: number, hour: number, min: number, sec: number): bigint {
  const days = makeDays(year, month, day);
  const time = makeTimeMicros(hour, min, sec);
  const ts = BigInt(days) * USECS_PER_DAY + time;
  if (ts < MIN_TIMESTAMP || ts >= END_TIMESTAMP) {
    throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE,
      `timestamp out of range: ${year}-${pad2(month)}-${pad2(day)} ${hour}:${pad2(min)}:${g02(sec)}`);
  }
  return ts;
}

/** make_interval(years, months, weeks, days, hours, mins, secs). */
export function makeInterval(years = 0, months = 0, weeks = 0, days = 0, hours = 0, mins = 0, secs = 0): Interval {
  const outOfRange = () => new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'interval out of range');
  if (!Number.isFinite(secs)) throw outOfRange();
  const m = years * 12 + months;
  const d = weeks * 7 + days;
  if (m < -2147483648 || m > 2147483647 || d < -2147483648 || d > 2147483647) throw outOfRange();
  const time = BigInt(hours) * 3600000000n + BigInt(mins) * 60000000n + BigInt(rint(secs * 1e6));
  if (time < -9223372036854775808n || time > 9223372036854775807n) throw outOfRange();
  return { months: m, days: d, micros: time };
}

/** to_timestamp(double precision): Unix seconds -> timestamptz. */
export function floatToTimestamptz(seconds: number): bigint {
  if (Number.isNaN(seconds)) throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'timestamp cannot be NaN');
  if (seconds === Infinity) return TIMESTAMP_INFINITY;
  if (seconds === -Infinity) return TIMESTAMP_MINUS_INFINITY;
  const min = 86400 * (0 - 2440588);
  const max = 86400 * (109203528 - 2440588);
  if (seconds < min || seconds >= max) throw timestampOutOfRange(formatG(seconds));
  return BigInt(rint((seconds - 946684800) * 1e6));
}

const DAY_TAB = (year: number, month: number): number => daysInMonth(year, month);

/** age(a, b) on two local timestamps: symbolic years/months/days (timestamp_age). */
export function ageLocal(a: bigint, b: bigint): Interval {
  if (isTimestampInfinite(a) || isTimestampInfinite(b)) {
    throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'cannot subtract infinite timestamps');
  }
  const f = (ts: bigint) => {
    const { days, timeOfDay } = splitTimestamp(ts);
    return { ...j2date(days + 2451545), ...timeToFields(timeOfDay) };
  };
  const t1 = f(a);
  const t2 = f(b);
  let fsec = t1.micro - t2.micro;
  let sec = t1.second - t2.second;
  let min = t1.minute - t2.minute;
  let hour = t1.hour - t2.hour;
  let mday = t1.day - t2.day;
  let mon = t1.month - t2.month;
  let year = t1.year - t2.year;
  const flip = a < b;
  if (flip) {
    fsec = -fsec; sec = -sec; min = -min; hour = -hour; mday = -mday; mon = -mon; year = -year;
  }
  while (fsec < 0) { fsec += 1000000; sec--; }
  while (sec < 0) { sec += 60; min--; }
  while (min < 0) { min += 60; hour--; }
  while (hour < 0) { hour += 24; mday--; }
  while (mday < 0) {
    // Borrow the length of the month before the later date's month, as PostgreSQL does.
    const ref = flip ? t1 : t2;
    mday += DAY_TAB(ref.year, ref.month);
    mon--;
  }
  while (mon < 0) { mon += 12; year--; }
  if (flip) {
    fsec = -fsec; sec = -sec; min = -min; hour = -hour; mday = -mday; mon = -mon; year = -year;
  }
  const micros = ((BigInt(hour) * 60n + BigInt(min)) * 60n + BigInt(sec)) * 1000000n + BigInt(fsec);
  return { months: year * 12 + mon || 0, days: mday || 0, micros };
}

/** age(a, b) for timestamptz: both read on the session zone's clock. */
export function ageTimestamptz(a: bigint, b: bigint, zone: TimeZone): Interval {
  if (isTimestampInfinite(a) || isTimestampInfinite(b)) return ageLocal(a, b);
  return ageLocal(utcToLocal(zone, a).local, utcToLocal(zone, b).local);
}

/** date_bin(stride, source, origin) for timestamp and timestamptz (same arithmetic). */
export function dateBin(stride: Interval, ts: bigint, origin: bigint): bigint {
  if (isTimestampInfinite(ts)) return ts;
  if (isTimestampInfinite(origin)) throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'origin out of range');
  if (stride.months !== 0) {
    throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'timestamps cannot be binned into intervals containing months or years');
  }
  const step = BigInt(stride.days) * USECS_PER_DAY + stride.micros;
  if (step <= 0n) throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'stride must be greater than zero');
  const diff = ts - origin;
  let delta = diff - (diff % step);
  if (origin > ts && step > 1n) delta -= step;
  const r = origin + delta;
  if (r < MIN_TIMESTAMP || r >= END_TIMESTAMP) throw timestampOutOfRange();
  return r;
}

/** Fixed-offset time zone abbreviations PostgreSQL's default set knows (seconds east). */
const ABBREVIATIONS: Record<string, number> = {
  utc: 0, gmt: 0, z: 0, ut: 0, est: -5 * 3600, edt: -4 * 3600, cst: -6 * 3600, cdt: -5 * 3600, mst: -7 * 3600,
  mdt: -6 * 3600, pst: -8 * 3600, pdt: -7 * 3600, cet: 3600, cest: 7200, eet: 7200, eest: 3 * 3600, wet: 0,
  west: 3600, bst: 3600, jst: 9 * 3600, msk: 3 * 3600, hst: -10 * 3600, akst: -9 * 3600, akdt: -8 * 3600,
};

/** A zone named in AT TIME ZONE / timezone(text, ...): an abbreviation or a zone name. */
export function zoneByName(name: string): TimeZone {
  const abbrev = ABBREVIATIONS[name.toLowerCase()];
  if (abbrev !== undefined) return fixedOffsetZone(name, abbrev);
  const zone = createTimeZone(name);
  if (!zone) throw unknownTimeZone(name);
  return zone;
}

/** timezone(interval, ...): the interval as a fixed offset in seconds east (no months/days). */
export function intervalZoneOffset(zone: Interval, text: () => string): number {
  if (zone.months !== 0 || zone.days !== 0) {
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `interval time zone "${text()}" must not include months or days`);
  }
  return Number(zone.micros / 1000000n);
}

/** timestamptz AT TIME ZONE zone -> timestamp (the wall clock there). */
export function timestamptzAtZone(ts: bigint, zone: TimeZone): bigint {
  if (isTimestampInfinite(ts)) return ts;
  const r = utcToLocal(zone, ts).local;
  if (r < MIN_TIMESTAMP || r >= END_TIMESTAMP) throw timestampOutOfRange();
  return r;
}

/** timestamp AT TIME ZONE zone -> timestamptz (the wall clock read there). */
export function timestampAtZone(ts: bigint, zone: TimeZone): bigint {
  if (isTimestampInfinite(ts)) return ts;
  const r = localToUtc(zone, ts);
  if (r < MIN_TIMESTAMP || r >= END_TIMESTAMP) throw timestampOutOfRange();
  return r;
}

/** time(p) / timestamp(p) rounding (AdjustTimeForTypmod / AdjustTimestampForTypmod). */
export function scaleTimestamp(ts: bigint, typmod: number): bigint {
  if (typmod < 0) return ts;
  if (typmod > 6) return ts;
  const r = roundTimestampPrecision(ts, typmod);
  if (!isTimestampInfinite(ts) && (r < MIN_TIMESTAMP || r >= END_TIMESTAMP)) throw timestampOutOfRange();
  return r;
}

const INTERVAL_FULL_RANGE = 0x7fff;
const MASK = { month: 1 << 1, year: 1 << 2, day: 1 << 3, hour: 1 << 10, minute: 1 << 11, second: 1 << 12 };

/** interval(fields, p) coercion (AdjustIntervalForTypmod). */
export function scaleInterval(v: Interval, typmod: number): Interval {
  if (typmod < 0) return v;
  const range = (typmod >> 16) & 0x7fff;
  const precision = typmod & 0xffff;
  let { months, days, micros } = v;
  const truncTo = (unit: bigint) => (micros / unit) * unit;
  if (range !== INTERVAL_FULL_RANGE) {
    if (range === MASK.year) { months = Math.trunc(months / 12) * 12; days = 0; micros = 0n; }
    else if (range === MASK.month) { days = 0; micros = 0n; }
    else if (range === (MASK.year | MASK.month)) { days = 0; micros = 0n; }
    else if (range === MASK.day) micros = 0n;
    else if (range === MASK.hour || range === (MASK.day | MASK.hour)) micros = truncTo(3600000000n);
    else if (range === MASK.minute || range === (MASK.hour | MASK.minute) || range === (MASK.day | MASK.hour | MASK.minute)) {
      micros = truncTo(60000000n);
    }
  }
  if (precision !== 0xffff && precision <= 6) micros = roundTimestampPrecision(micros, precision);
  return { months: months || 0, days: days || 0, micros };
}
