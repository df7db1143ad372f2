// Date/time functions and operators by impl key: arithmetic (date ± int, timestamp ± interval,
// interval algebra), the function casts pg_cast lists (date_timestamp, timestamptz_date, ...),
// cross-type comparisons, date_part / extract / date_trunc, make_*, age, now() and friends.
//
// Value model (pg-types): date = days since 2000-01-01 (±Infinity), timestamp / timestamptz =
// bigint µs since 2000-01-01 (UTC for timestamptz), time = bigint µs since midnight,
// interval = {months, days, micros}. Functions marked `contextual` take a FunctionContext first:
// the session TimeZone (timestamptz arithmetic, casts, fields) or the transaction clock.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import {
  TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY, USECS_PER_DAY, addIntervals, compareIntervals, datePlusDays,
  dateToTimestamp, dateToTimestamptz, divideInterval, isTimestampInfinite, justifyHours, multiplyInterval,
  negateInterval, subtractDates, subtractIntervals, subtractTimestamps, timestampMinusInterval, timestampPlusInterval,
  timestampToDate, timestampToTime, timestampToTimestamptz, timestamptzPlusInterval, timestamptzToTimestamp,
  utcToLocal, type Interval, type TimeTz,
} from '@vecgres/pg-types';
import { contextual, setReturning, type FunctionContext } from './extra-context';
import type { FunctionTable } from './function-table';
import { OVERLAPS_FUNCTIONS } from './datetime-overlaps';
import {
  extractDate, extractInterval, extractTime, extractTimestamp, partToFloat, truncInterval, truncTimestamp,
  truncTimestamptz,
} from './datetime-fields';
import {
  ageLocal, ageTimestamptz, dateBin, floatToTimestamptz, intervalZoneOffset, makeDate, makeInterval, makeTime,
  makeTimestamp, scaleInterval, scaleTimestamp, timestampAtZone, timestamptzAtZone, zoneByName,
} from './datetime-make';
import { formatTimeofday, timestampToChar, timestamptzToChar } from './datetime-to-char';

type Cmp = (a: any, b: any) => number;

const num3 = (a: bigint | number, b: bigint | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** date -> timestamp for comparisons: out-of-range dates compare as ±infinity (date2timestamp_opt_overflow). */
function dateAsTimestamp(d: number): bigint {
  if (d === Infinity) return TIMESTAMP_INFINITY;
  if (d === -Infinity) return TIMESTAMP_MINUS_INFINITY;
  const ts = BigInt(d) * USECS_PER_DAY;
  return ts >= 9223371331200000000n ? TIMESTAMP_INFINITY : ts;
}

function dateAsTimestamptz(ctx: FunctionContext, d: number): bigint {
  if (!Number.isFinite(d)) return dateAsTimestamp(d);
  const ts = dateAsTimestamp(d);
  return isTimestampInfinite(ts) ? ts : dateToTimestamptz(d, ctx.timeZone);
}

function timestampAsTimestamptz(ctx: FunctionContext, ts: bigint): bigint {
  return timestampToTimestamptz(ts, ctx.timeZone);
}

const OPS: Record<string, (c: number) => boolean> = {
  eq: (c) => c === 0, ne: (c) => c !== 0, lt: (c) => c < 0, le: (c) => c <= 0, gt: (c) => c > 0, ge: (c) => c >= 0,
};

/** The six comparison impls `${prefix}_${op}${suffix}` over a three-way comparison. */
function comparisons(name: (op: string) => string, cmp: Cmp, withCtx = false): FunctionTable {
  const t: FunctionTable = {};
  for (const [op, test] of Object.entries(OPS)) {
    t[name(op)] = withCtx
      ? contextual((ctx: FunctionContext, a: unknown, b: unknown) => test((cmp as any)(ctx, a, b)))
      : (a: unknown, b: unknown) => test(cmp(a, b));
  }
  return t;
}

/** interval_cmp: PostgreSQL orders intervals by their span with 30-day months and 24-hour days. */
export const intervalCmp: Cmp = (a: Interval, b: Interval) => compareIntervals(a, b);

const zone = (ctx: FunctionContext) => ctx.timeZone;

/** The calendar day of a timestamptz in the session zone (timestamptz_date). */
function timestamptzToDate(ctx: FunctionContext, ts: bigint): number {
  if (isTimestampInfinite(ts)) return ts > 0n ? Infinity : -Infinity;
  return timestampToDate(utcToLocal(ctx.timeZone, ts).local);
}

/** current_date: the transaction start's day in the session zone. */
export function currentDate(ctx: FunctionContext): number {
  return timestamptzToDate(ctx, ctx.transactionStart);
}

/** generate_series over timestamps: `add` steps the value (timestamp or timestamptz arithmetic). */
function series(start: bigint, stop: bigint, step: Interval, add: (t: bigint, s: Interval) => bigint): bigint[] {
  const sign = compareIntervals(step, { months: 0, days: 0, micros: 0n });
  if (sign === 0) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'step size cannot equal zero');
  const out: bigint[] = [];
  for (let t = start; sign > 0 ? t <= stop : t >= stop; t = add(t, step)) {
    out.push(t);
    if (isTimestampInfinite(t)) break;
  }
  return out;
}

export const DATETIME_FUNCTIONS: FunctionTable = {
  ...OVERLAPS_FUNCTIONS,
  // ---- current time (contextual: the transaction / statement clock) ----
  now: contextual((ctx: FunctionContext) => ctx.transactionStart),
  statement_timestamp: contextual((ctx: FunctionContext) => ctx.statementStart),
  clock_timestamp: contextual((ctx: FunctionContext) => ctx.clock()),
  timeofday: contextual((ctx: FunctionContext) => formatTimeofday(ctx.clock(), ctx.timeZone)),
  /** age(x) = age(current_date::timestamp[tz], x): SQL function, also reached as impl 'age'. */
  age: contextual((ctx: FunctionContext, ts: bigint) => {
    const today = currentDate(ctx);
    const tz = ctx.argTypes[0] === 1184;
    return tz ? ageTimestamptz(dateToTimestamptz(today, ctx.timeZone), ts, ctx.timeZone) : ageLocal(dateToTimestamp(today), ts);
  }),

  // ---- date arithmetic ----
  date_pli: (d: number, n: number) => datePlusDays(d, n),
  integer_pl_date: (n: number, d: number) => datePlusDays(d, n),
  date_mii: (d: number, n: number) => datePlusDays(d, -n),
  date_mi: (a: number, b: number) => subtractDates(a, b),
  date_pl_interval: (d: number, s: Interval) => timestampPlusInterval(dateToTimestamp(d), s),
  interval_pl_date: (s: Interval, d: number) => timestampPlusInterval(dateToTimestamp(d), s),
  date_mi_interval: (d: number, s: Interval) => timestampMinusInterval(dateToTimestamp(d), s),
  datetime_timestamp: (d: number, t: bigint) => timestampPlusInterval(dateToTimestamp(d), { months: 0, days: 0, micros: t }),
  timedate_pl: (t: bigint, d: number) => timestampPlusInterval(dateToTimestamp(d), { months: 0, days: 0, micros: t }),
  date_finite: (d: number) => Number.isFinite(d),
  date_larger: (a: number, b: number) => (a >= b ? a : b),
  date_smaller: (a: number, b: number) => (a <= b ? a : b),

  // ---- timestamp / timestamptz arithmetic ----
  timestamp_pl_interval: (t: bigint, s: Interval) => timestampPlusInterval(t, s),
  interval_pl_timestamp: (s: Interval, t: bigint) => timestampPlusInterval(t, s),
  timestamp_mi_interval: (t: bigint, s: Interval) => timestampMinusInterval(t, s),
  timestamptz_pl_interval: contextual((ctx: FunctionContext, t: bigint, s: Interval) => timestamptzPlusInterval(t, s, zone(ctx))),
  interval_pl_timestamptz: contextual((ctx: FunctionContext, s: Interval, t: bigint) => timestamptzPlusInterval(t, s, zone(ctx))),
  timestamptz_mi_interval: contextual((ctx: FunctionContext, t: bigint, s: Interval) => timestampMinusInterval(t, s, zone(ctx))),
  timestamp_mi: (a: bigint, b: bigint) => subtractTimestamps(a, b),
  timestamp_finite: (t: bigint) => !isTimestampInfinite(t),
  timestamp_larger: (a: bigint, b: bigint) => (a >= b ? a : b),
  timestamp_smaller: (a: bigint, b: bigint) => (a <= b ? a : b),
  timestamptz_larger: (a: bigint, b: bigint) => (a >= b ? a : b),
  timestamptz_smaller: (a: bigint, b: bigint) => (a <= b ? a : b),
  timestamp_age: (a: bigint, b: bigint) => ageLocal(a, b),
  timestamptz_age: contextual((ctx: FunctionContext, a: bigint, b: bigint) => ageTimestamptz(a, b, zone(ctx))),
  timestamp_bin: (s: Interval, t: bigint, o: bigint) => dateBin(s, t, o),
  timestamptz_bin: (s: Interval, t: bigint, o: bigint) => dateBin(s, t, o),

  // ---- time arithmetic ----
  time_mi_time: (a: bigint, b: bigint) => ({ months: 0, days: 0, micros: a - b }),
  time_pl_interval: (t: bigint, s: Interval) => wrapTime(t + s.micros),
  interval_pl_time: (s: Interval, t: bigint) => wrapTime(t + s.micros),
  time_mi_interval: (t: bigint, s: Interval) => wrapTime(t - s.micros),
  time_interval: (t: bigint) => ({ months: 0, days: 0, micros: t }),
  interval_time: (s: Interval) => wrapTime(s.micros),
  time_larger: (a: bigint, b: bigint) => (a >= b ? a : b),
  time_smaller: (a: bigint, b: bigint) => (a <= b ? a : b),

  // ---- interval ----
  interval_um: (s: Interval) => negateInterval(s),
  interval_pl: (a: Interval, b: Interval) => addIntervals(a, b),
  interval_mi: (a: Interval, b: Interval) => subtractIntervals(a, b),
  interval_mul: (s: Interval, f: number) => multiplyInterval(s, f),
  mul_d_interval: (f: number, s: Interval) => multiplyInterval(s, f),
  interval_div: (s: Interval, f: number) => divideInterval(s, f),
  interval_larger: (a: Interval, b: Interval) => (compareIntervals(a, b) >= 0 ? a : b),
  interval_smaller: (a: Interval, b: Interval) => (compareIntervals(a, b) <= 0 ? a : b),
  interval_finite: () => true,
  interval_justify_hours: (s: Interval) => justifyHours(s),
  interval_justify_days: (s: Interval) => justifyDays(s),
  interval_justify_interval: (s: Interval) => justifyInterval(s),
  ...comparisons((op) => `interval_${op}`, intervalCmp),

  // ---- casts (pg_cast function casts) ----
  date_timestamp: (d: number) => dateToTimestamp(d),
  date_timestamptz: contextual((ctx: FunctionContext, d: number) => dateToTimestamptz(d, zone(ctx))),
  timestamp_date: (t: bigint) => timestampToDate(t),
  timestamptz_date: contextual((ctx: FunctionContext, t: bigint) => timestamptzToDate(ctx, t)),
  timestamp_timestamptz: contextual((ctx: FunctionContext, t: bigint) => timestampToTimestamptz(t, zone(ctx))),
  timestamptz_timestamp: contextual((ctx: FunctionContext, t: bigint) => timestamptzToTimestamp(t, zone(ctx))),
  timestamp_time: (t: bigint) => timestampToTime(t),
  timestamptz_time: contextual((ctx: FunctionContext, t: bigint) => timestampToTime(utcToLocal(zone(ctx), t).local)),
  timestamp_scale: (t: bigint, typmod: number) => scaleTimestamp(t, typmod),
  timestamptz_scale: (t: bigint, typmod: number) => scaleTimestamp(t, typmod),
  time_scale: (t: bigint, typmod: number) => scaleTimestamp(t, typmod),
  interval_scale: (s: Interval, typmod: number) => scaleInterval(s, typmod),

  // ---- cross-type comparisons ----
  ...comparisons((op) => `date_${op}_timestamp`, (d: number, t: bigint) => num3(dateAsTimestamp(d), t)),
  ...comparisons((op) => `timestamp_${op}_date`, (t: bigint, d: number) => num3(t, dateAsTimestamp(d))),
  ...comparisons((op) => `date_${op}_timestamptz`, ((ctx: FunctionContext, d: number, t: bigint) => num3(dateAsTimestamptz(ctx, d), t)) as any, true),
  ...comparisons((op) => `timestamptz_${op}_date`, ((ctx: FunctionContext, t: bigint, d: number) => num3(t, dateAsTimestamptz(ctx, d))) as any, true),
  ...comparisons((op) => `timestamp_${op}_timestamptz`, ((ctx: FunctionContext, a: bigint, b: bigint) => num3(timestampAsTimestamptz(ctx, a), b)) as any, true),
  ...comparisons((op) => `timestamptz_${op}_timestamp`, ((ctx: FunctionContext, a: bigint, b: bigint) => num3(a, timestampAsTimestamptz(ctx, b))) as any, true),

  // ---- date_part / extract ----
  timestamp_part: (u: string, t: bigint) => partToFloat(extractTimestamp(u, t)),
  timestamptz_part: contextual((ctx: FunctionContext, u: string, t: bigint) => partToFloat(extractTimestamp(u, t, zone(ctx)))),
  /** date_part(text, date) is a SQL function over timestamp in PostgreSQL 15. */
  date_part: (u: string, d: number) => partToFloat(extractTimestamp(u, dateToTimestamp(d))),
  interval_part: (u: string, s: Interval) => partToFloat(extractInterval(u, s)),
  time_part: (u: string, t: bigint) => partToFloat(extractTime(u, t)),
  extract_timestamp: (u: string, t: bigint) => extractTimestamp(u, t),
  extract_timestamptz: contextual((ctx: FunctionContext, u: string, t: bigint) => extractTimestamp(u, t, zone(ctx))),
  extract_date: (u: string, d: number) => extractDate(u, d),
  extract_interval: (u: string, s: Interval) => extractInterval(u, s),
  extract_time: (u: string, t: bigint) => extractTime(u, t),
  extract_timetz: (u: string, t: TimeTz) => extractTime(u, t.micros, t),
  timetz_part: (u: string, t: TimeTz) => partToFloat(extractTime(u, t.micros, t)),

  // ---- date_trunc ----
  timestamp_trunc: (u: string, t: bigint) => truncTimestamp(u, t),
  timestamptz_trunc: contextual((ctx: FunctionContext, u: string, t: bigint) => truncTimestamptz(u, t, zone(ctx))),
  timestamptz_trunc_zone: (u: string, t: bigint, z: string) => truncTimestamptz(u, t, zoneByName(z)),
  interval_trunc: (u: string, s: Interval) => truncInterval(u, s),

  // ---- constructors ----
  make_date: makeDate,
  make_time: makeTime,
  make_timestamp: makeTimestamp,
  make_timestamptz: contextual((ctx: FunctionContext, y: number, mo: number, d: number, h: number, mi: number, s: number) =>
    timestampAtZone(makeTimestamp(y, mo, d, h, mi, s), zone(ctx))),
  make_timestamptz_at_timezone: (y: number, mo: number, d: number, h: number, mi: number, s: number, z: string) =>
    timestampAtZone(makeTimestamp(y, mo, d, h, mi, s), zoneByName(z)),
  make_interval: makeInterval,
  float8_timestamptz: floatToTimestamptz,

  // ---- to_char ----
  timestamp_to_char: (t: bigint, f: string) => timestampToChar(t, f),
  timestamptz_to_char: contextual((ctx: FunctionContext, t: bigint, f: string) => timestamptzToChar(t, f, zone(ctx))),

  // ---- AT TIME ZONE ----
  timestamptz_zone: (z: string, t: bigint) => timestamptzAtZone(t, zoneByName(z)),
  timestamp_zone: (z: string, t: bigint) => timestampAtZone(t, zoneByName(z)),
  timestamptz_izone: contextual((ctx: FunctionContext, z: Interval, t: bigint) => {
    const off = intervalZoneOffset(z, () => ctx.formatValue(z, 1186));
    return isTimestampInfinite(t) ? t : t + BigInt(off) * 1000000n;
  }),
  timestamp_izone: contextual((ctx: FunctionContext, z: Interval, t: bigint) => {
    const off = intervalZoneOffset(z, () => ctx.formatValue(z, 1186));
    return isTimestampInfinite(t) ? t : t - BigInt(off) * 1000000n;
  }),
};

/** Set-returning date/time functions (see SetReturningFn). */
export const DATETIME_SRFS: FunctionTable = {
  generate_series_timestamp: setReturning(1, (a: bigint, b: bigint, s: Interval) => series(a, b, s, timestampPlusInterval)),
  generate_series_timestamptz: setReturning(1, contextual((ctx: FunctionContext, a: bigint, b: bigint, s: Interval) =>
    series(a, b, s, (t, st) => timestamptzPlusInterval(t, st, ctx.timeZone)))),
};

/** time arithmetic wraps around midnight (time_pl_interval). */
function wrapTime(t: bigint): bigint {
  const r = t % USECS_PER_DAY;
  return r < 0n ? r + USECS_PER_DAY : r;
}

/** interval_justify_days: whole 30-day months out of the days field, signs made consistent. */
function justifyDays(s: Interval): Interval {
  const whole = Math.trunc(s.days / 30);
  let days = s.days - whole * 30;
  let months = s.months + whole;
  if (months > 0 && days < 0) { days += 30; months--; }
  else if (months < 0 && days > 0) { days -= 30; months++; }
  checkI32(months);
  return { months: months || 0, days: days || 0, micros: s.micros };
}

/** interval_justify_interval (PostgreSQL 15's order: pre-justify days, hours, days, then signs). */
function justifyInterval(s: Interval): Interval {
  let months = s.months;
  let days = s.days;
  let time = s.micros;
  if ((days > 0 && time > 0n) || (days < 0 && time < 0n)) {
    const whole = Math.trunc(days / 30);
    days -= whole * 30;
    months = checkI32(months + whole);
  }
  const wholeDays = time / USECS_PER_DAY;
  time -= wholeDays * USECS_PER_DAY;
  days = checkI32(days + Number(wholeDays));
  const wholeMonths = Math.trunc(days / 30);
  days -= wholeMonths * 30;
  months = checkI32(months + wholeMonths);
  if (months > 0 && (days < 0 || (days === 0 && time < 0n))) { days += 30; months--; }
  else if (months < 0 && (days > 0 || (days === 0 && time > 0n))) { days -= 30; months++; }
  if (days > 0 && time < 0n) { time += USECS_PER_DAY; days--; }
  else if (days < 0 && time > 0n) { time -= USECS_PER_DAY; days++; }
  return { months: months || 0, days: days || 0, micros: time };
}

function checkI32(v: number): number {
  if (v < -2147483648 || v > 2147483647) throw new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'interval out of range');
  return v;
}
