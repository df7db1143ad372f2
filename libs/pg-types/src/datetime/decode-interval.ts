// Interval input: DecodeInterval (postgres forms '1 day 02:00:00', '1 year 2 mons', '@ 1 hour
// ago', SQL-standard '1-2' and '3 4:05:06', bare numbers as seconds) with a fall-back to
// DecodeISO8601Interval ('P1Y2M3DT4H5M6S', 'P0001-02-03T04:05:06'), ported from datetime.c
// (PostgreSQL 15/16), including how fractional units cascade into smaller fields.
import { USECS_PER_DAY, USECS_PER_HOUR, USECS_PER_MINUTE, USECS_PER_SEC } from './calendar';
import { fail, parseFractionalSecond, rint } from './decode-fields';
import { DateTimeDecodeError, DtErr } from './errors';
import { parseDateTimeFields } from './parse-fields';
import type { IntervalStyle } from './settings';

/** The interval value: PostgreSQL's three independent fields. */
export interface Interval {
  months: number;
  days: number;
  micros: bigint;
}

/** pg_itm_in: the accumulator while decoding. */
interface ItmIn {
  usec: bigint;
  mday: number;
  mon: number;
  year: number;
}

type Unit = 'microsecond' | 'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'
  | 'decade' | 'century' | 'millennium';

const UNIT_WORDS: ReadonlyArray<[Unit, string[]]> = [
  ['microsecond', ['microsecon', 'us', 'usec', 'useconds', 'usecs']],
  ['millisecond', ['millisecon', 'ms', 'msec', 'mseconds', 'msecs']],
  ['second', ['s', 'sec', 'second', 'seconds', 'secs']],
  ['minute', ['m', 'min', 'mins', 'minute', 'minutes']],
  ['hour', ['h', 'hour', 'hours', 'hr', 'hrs']],
  ['day', ['d', 'day', 'days']],
  ['week', ['w', 'week', 'weeks']],
  ['month', ['mon', 'mons', 'month', 'months']],
  ['year', ['y', 'year', 'years', 'yr', 'yrs']],
  ['decade', ['dec', 'decade', 'decades', 'decs']],
  ['century', ['c', 'cent', 'centuries', 'century']],
  ['millennium', ['mil', 'millennia', 'millennium', 'mils']],
];
const UNITS: ReadonlyMap<string, Unit> = new Map(UNIT_WORDS.flatMap(([u, ws]) => ws.map((w): [string, Unit] => [w, u])));

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

function checkI32(v: number): number {
  if (!Number.isFinite(v) || v < INT32_MIN || v > INT32_MAX) fail(DtErr.FieldOverflow);
  return v;
}
function checkI64(v: bigint): bigint {
  if (v < INT64_MIN || v > INT64_MAX) fail(DtErr.FieldOverflow);
  return v;
}

function adjustFractMicros(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const f = frac * scale;
  const usec = Math.trunc(f);
  itm.usec = checkI64(itm.usec + BigInt(usec) + BigInt(rint(f - usec)));
}
function adjustFractDays(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const f = frac * scale;
  const extra = Math.trunc(f);
  itm.mday = checkI32(itm.mday + extra);
  adjustFractMicros(itm, f - extra, Number(USECS_PER_DAY));
}
function adjustFractYears(itm: ItmIn, frac: number, scale: number): void {
  itm.mon = checkI32(itm.mon + rint(frac * scale * 12));
}
function adjustMicros(itm: ItmIn, val: bigint, frac: number, scale: bigint): void {
  itm.usec = checkI64(itm.usec + val * scale);
  adjustFractMicros(itm, frac, Number(scale));
}
function adjustDays(itm: ItmIn, val: bigint, scale: number): void {
  itm.mday = checkI32(itm.mday + Number(val) * scale);
}
function adjustMonths(itm: ItmIn, val: bigint): void {
  itm.mon = checkI32(itm.mon + Number(val));
}
function adjustYears(itm: ItmIn, val: bigint, scale: number): void {
  itm.year = checkI32(itm.year + Number(val) * scale);
}

/** DecodeTimeForInterval: "h:mm", "h:mm:ss[.fff]", "mm:ss.fff" -> microseconds (unsigned). */
function decodeIntervalTime(text: string): bigint {
  const m = /^(\d+):(\d+)(?:(\.\d*)|:(\d+)(\.\d*)?)?$/.exec(text);
  if (!m) fail();
  let hour = BigInt(m[1]!);
  let min = Number(m[2]);
  let sec = 0;
  let fsec = 0;
  if (m[3] !== undefined) {
    fsec = parseFractionalSecond(m[3]);
    sec = min;
    min = Number(hour);
    hour = 0n;
  } else if (m[4] !== undefined) {
    sec = Number(m[4]);
    if (m[5] !== undefined) fsec = parseFractionalSecond(m[5]);
  }
  if (min > 59 || sec > 60 || fsec > 1_000_000) fail(DtErr.FieldOverflow);
  return checkI64(hour * USECS_PER_HOUR + BigInt(min) * USECS_PER_MINUTE + BigInt(sec) * USECS_PER_SEC + BigInt(fsec));
}

const TIME_BIT = 1;

/** DecodeInterval over ParseDateTime's fields, read right to left so units precede values. */
function decodePostgresInterval(text: string, style: IntervalStyle): ItmIn {
  const fields = parseDateTimeFields(text);
  const itm: ItmIn = { usec: 0n, mday: 0, mon: 0, year: 0 };
  let forceNegative = false;
  if (style === 'sql_standard' && fields.length > 0 && fields[0]!.text.startsWith('-')) {
    forceNegative = !fields.slice(1).some((f) => f.text.startsWith('-') || f.text.startsWith('+'));
  }
  let fmask = 0;
  let isBefore = false;
  // 'ignore' = no unit seen yet (a bare number is seconds); 'none' = right after 'ago', where
  // PostgreSQL has no unit and rejects a bare number.
  let type: Unit | 'ignore' | 'none' = 'ignore';
  const seen = new Set<string>();
  const mark = (bit: string): void => {
    if (seen.has(bit)) fail();
    seen.add(bit);
  };
  for (let i = fields.length - 1; i >= 0; i--) {
    const f = fields[i]!;
    if (f.type === 'time' || (f.type === 'tz' && f.text.slice(1).includes(':') && /^[+-]\d+:\d+(:\d+)?(\.\d*)?$/.test(f.text))) {
      let usec = decodeIntervalTime(f.type === 'time' ? f.text : f.text.slice(1));
      if (f.text.startsWith('-')) usec = -usec;
      if (forceNegative && usec > 0n) usec = -usec;
      if (fmask & TIME_BIT) fail();
      fmask |= TIME_BIT;
      // DTK_TIME_M covers all second fields, so '1 ms 10:00:00' is a conflict too.
      for (const b of ['hour', 'minute', 'second', 'millisecond', 'microsecond']) mark(b);
      itm.usec = usec;
      type = 'day';
      continue;
    }
    if (f.type === 'tz' || f.type === 'date' || f.type === 'number') {
      if (type === 'ignore') type = 'second';
      const m = /^([+-]?)(\d*)(?:(-)(\d+)|(\.\d*))?$/.exec(f.text);
      if (!m || (m[2] === '' && m[5] === undefined)) fail();
      let val = BigInt(m[2] || '0');
      if (m[1] === '-') val = -val;
      let fval = 0;
      if (m[3] !== undefined) {
        // SQL "years-months".
        let val2 = Number(m[4]);
        if (val2 >= 12) fail(DtErr.FieldOverflow);
        type = 'month';
        if (m[1] === '-') val2 = -val2;
        val = val * 12n + BigInt(val2);
      } else if (m[5] !== undefined) {
        fval = m[5] === '.' ? 0 : Number('0' + m[5]);
        if (m[1] === '-') fval = -fval;
      }
      if (forceNegative) {
        if (val > 0n) val = -val;
        if (fval > 0) fval = -fval;
      }
      switch (type) {
        case 'microsecond': adjustMicros(itm, val, fval, 1n); mark('microsecond'); break;
        case 'millisecond': adjustMicros(itm, val, fval, 1000n); mark('millisecond'); break;
        case 'second':
          adjustMicros(itm, val, fval, USECS_PER_SEC);
          mark('second');
          if (fval !== 0) {
            mark('millisecond');
            mark('microsecond');
          }
          break;
        case 'minute': adjustMicros(itm, val, fval, USECS_PER_MINUTE); mark('minute'); break;
        case 'hour': adjustMicros(itm, val, fval, USECS_PER_HOUR); mark('hour'); type = 'day'; break;
        case 'day': adjustDays(itm, val, 1); adjustFractMicros(itm, fval, Number(USECS_PER_DAY)); mark('day'); break;
        case 'week': adjustDays(itm, val, 7); adjustFractDays(itm, fval, 7); mark('week'); break;
        case 'month': adjustMonths(itm, val); adjustFractDays(itm, fval, 30); mark('month'); break;
        case 'year': adjustYears(itm, val, 1); adjustFractYears(itm, fval, 1); mark('year'); break;
        case 'decade': adjustYears(itm, val, 10); adjustFractYears(itm, fval, 10); mark('decade'); break;
        case 'century': adjustYears(itm, val, 100); adjustFractYears(itm, fval, 100); mark('century'); break;
        case 'millennium': adjustYears(itm, val, 1000); adjustFractYears(itm, fval, 1000); mark('millennium'); break;
        default: fail();
      }
      fmask |= 2;
      continue;
    }
    // Words: units, 'ago'; '@' was dropped by the tokenizer as punctuation.
    if (f.text === 'ago') {
      isBefore = true;
      type = 'none';
      continue;
    }
    const unit = UNITS.get(f.text.slice(0, 10));
    if (unit === undefined) fail();
    type = unit;
  }
  if (fmask === 0) fail();
  if (isBefore) {
    itm.usec = checkI64(-itm.usec);
    itm.mday = -itm.mday;
    itm.mon = -itm.mon;
    itm.year = -itm.year;
  }
  return itm;
}

/** ParseISO8601Number: a signed decimal -> integer part (truncated) and fraction. */
function parseIsoNumber(s: string, pos: number): { val: bigint; fval: number; end: number } {
  const m = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(pos));
  if (!m) fail();
  const v = Number(m[0]);
  if (Number.isNaN(v) || v < -1e15 || v > 1e15) fail(DtErr.FieldOverflow);
  const ipart = v >= 0 ? Math.floor(v) : -Math.floor(-v);
  return { val: BigInt(ipart), fval: v - ipart, end: pos + m[0].length };
}

function integerWidth(s: string, pos: number): number {
  const m = /^-?(\d*)/.exec(s.slice(pos))!;
  return m[1]!.length;
}

/** DecodeISO8601Interval: 'P1Y2M3DT4H5M6S', weeks, and the alternative 'P0001-02-03T04:05:06'. */
function decodeIsoInterval(str: string): ItmIn {
  const itm: ItmIn = { usec: 0n, mday: 0, mon: 0, year: 0 };
  if (str.length < 2 || str[0] !== 'P') fail();
  let pos = 1;
  let datepart = true;
  let havefield = false;
  const next = (): { val: bigint; fval: number } => {
    const r = parseIsoNumber(str, pos);
    pos = r.end;
    return r;
  };
  while (pos < str.length) {
    if (str[pos] === 'T') {
      datepart = false;
      havefield = false;
      pos++;
      continue;
    }
    const fieldStart = pos;
    let { val, fval } = next();
    const unit = str[pos++] ?? '';
    if (datepart) {
      if (unit === 'Y') { adjustYears(itm, val, 1); adjustFractYears(itm, fval, 1); }
      else if (unit === 'M') { adjustMonths(itm, val); adjustFractDays(itm, fval, 30); }
      else if (unit === 'W') { adjustDays(itm, val, 7); adjustFractDays(itm, fval, 7); }
      else if (unit === 'D') { adjustDays(itm, val, 1); adjustFractMicros(itm, fval, Number(USECS_PER_DAY)); }
      else if ((unit === 'T' || unit === '') && integerWidth(str, fieldStart) === 8 && !havefield) {
        adjustYears(itm, val / 10000n, 1);
        adjustMonths(itm, (val / 100n) % 100n);
        adjustDays(itm, val % 100n, 1);
        adjustFractMicros(itm, fval, Number(USECS_PER_DAY));
        if (unit === '') return itm;
        datepart = false;
        havefield = false;
        continue;
      } else if (unit === 'T' || unit === '' || unit === '-') {
        if (havefield) fail();
        adjustYears(itm, val, 1);
        adjustFractYears(itm, fval, 1);
        if (unit === '') return itm;
        if (unit === 'T') { datepart = false; havefield = false; continue; }
        ({ val, fval } = next());
        adjustMonths(itm, val);
        adjustFractDays(itm, fval, 30);
        if (pos >= str.length) return itm;
        if (str[pos] === 'T') { datepart = false; havefield = false; continue; }
        if (str[pos] !== '-') fail();
        pos++;
        ({ val, fval } = next());
        adjustDays(itm, val, 1);
        adjustFractMicros(itm, fval, Number(USECS_PER_DAY));
        if (pos >= str.length) return itm;
        if (str[pos] === 'T') { datepart = false; havefield = false; continue; }
        fail();
      } else {
        fail();
      }
    } else if (unit === 'H') adjustMicros(itm, val, fval, USECS_PER_HOUR);
    else if (unit === 'M') adjustMicros(itm, val, fval, USECS_PER_MINUTE);
    else if (unit === 'S') adjustMicros(itm, val, fval, USECS_PER_SEC);
    else if (unit === '' && integerWidth(str, fieldStart) === 6 && !havefield) {
      adjustMicros(itm, val / 10000n, 0, USECS_PER_HOUR);
      adjustMicros(itm, (val / 100n) % 100n, 0, USECS_PER_MINUTE);
      adjustMicros(itm, val % 100n, 0, USECS_PER_SEC);
      adjustFractMicros(itm, fval, 1);
      return itm;
    } else if (unit === '' || unit === ':') {
      if (havefield) fail();
      adjustMicros(itm, val, fval, USECS_PER_HOUR);
      if (unit === '') return itm;
      ({ val, fval } = next());
      adjustMicros(itm, val, fval, USECS_PER_MINUTE);
      if (pos >= str.length) return itm;
      if (str[pos] !== ':') fail();
      pos++;
      ({ val, fval } = next());
      adjustMicros(itm, val, fval, USECS_PER_SEC);
      if (pos >= str.length) return itm;
      fail();
    } else {
      fail();
    }
    havefield = true;
  }
  return itm;
}

/**
 * interval_in's decoding step. Throws DateTimeDecodeError (field overflows are reported as
 * interval overflows, as interval_in does) or returns null when the total months overflow
 * (interval_in then says `interval out of range`).
 */
export function decodeInterval(text: string, style: IntervalStyle = 'postgres'): Interval | null {
  let itm: ItmIn;
  try {
    itm = decodePostgresInterval(text, style);
  } catch (e) {
    if (!(e instanceof DateTimeDecodeError) || e.code !== DtErr.BadFormat) throw remap(e);
    try {
      itm = decodeIsoInterval(text);
    } catch (e2) {
      throw remap(e2);
    }
  }
  const months = itm.year * 12 + itm.mon;
  if (months > INT32_MAX || months < INT32_MIN) return null;
  // `|| 0` turns the -0 that 'ago' makes of an empty field back into 0.
  return { months: months || 0, days: itm.mday || 0, micros: itm.usec };
}

function remap(e: unknown): unknown {
  if (e instanceof DateTimeDecodeError && e.code === DtErr.FieldOverflow) return new DateTimeDecodeError(DtErr.IntervalOverflow);
  return e;
}
