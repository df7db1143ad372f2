// The per-field decoders of datetime.c (DecodeDate, DecodeNumber, DecodeNumberField,
// DecodeTime, DecodeTimezone, ParseFractionalSecond), operating on a shared DecodeState like
// PostgreSQL's struct pg_tm + fmask. DecodeDateTime (decode-datetime.ts) drives them.
import { DateTimeDecodeError, DtErr } from './errors';
import { lookupKeyword } from './keywords';
import type { DateOrder } from './settings';

/** Field bits (DTK_M(...)) recording which parts of a date/time have been seen. */
export const F = {
  YEAR: 1 << 0,
  MONTH: 1 << 1,
  DAY: 1 << 2,
  HOUR: 1 << 3,
  MINUTE: 1 << 4,
  SECOND: 1 << 5,
  TZ: 1 << 6,
  AMPM: 1 << 7,
  ADBC: 1 << 8,
  DOW: 1 << 9,
  DOY: 1 << 10,
  DTZMOD: 1 << 11,
  DTZ: 1 << 12,
  /** 'epoch' / 'infinity' (DTK_M(RESERV)). */
  RESERV: 1 << 13,
} as const;
export const DATE_M = F.YEAR | F.MONTH | F.DAY;
export const TIME_M = F.HOUR | F.MINUTE | F.SECOND;

export interface DecodeState {
  fmask: number;
  year: number;
  month: number;
  day: number;
  yday: number;
  hour: number;
  minute: number;
  second: number;
  /** Fractional second in microseconds. */
  fsec: number;
  is2digits: boolean;
  haveTextMonth: boolean;
  dateOrder: DateOrder;
}

export function newDecodeState(dateOrder: DateOrder): DecodeState {
  return {
    fmask: 0, year: 0, month: 0, day: 0, yday: 0, hour: 0, minute: 0, second: 0, fsec: 0,
    is2digits: false, haveTextMonth: false, dateOrder,
  };
}

export function fail(code: DtErr = DtErr.BadFormat): never {
  throw new DateTimeDecodeError(code);
}

/** strtoint for a whole digit string (no sign); fails on anything else. */
function toInt(text: string): number {
  if (!/^\d+$/.test(text)) fail();
  const v = Number(text);
  if (v > 2147483647) fail(DtErr.FieldOverflow);
  return v;
}

/** C's rint(): round half to even. */
export function rint(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** ParseFractionalSecond: ".123" -> microseconds, rounded (rint) like PostgreSQL. */
export function parseFractionalSecond(frac: string): number {
  if (!/^\.\d*$/.test(frac)) fail();
  return rint(Number('0' + frac) * 1e6);
}

/** DecodeNumberField: run-together digits (yyyymmdd, yymmdd, hhmmss, hhmm, with .fff). */
export function decodeNumberField(text: string, fmask: number, st: DecodeState): number {
  let str = text;
  const dot = str.indexOf('.');
  if (dot >= 0) {
    st.fsec = parseFractionalSecond(str.slice(dot));
    str = str.slice(0, dot);
  } else if ((fmask & DATE_M) !== DATE_M && str.length >= 6) {
    // Start from the end: last two digits are the day, then the month, the rest the year.
    const len = str.length;
    st.day = toInt(str.slice(len - 2));
    st.month = toInt(str.slice(len - 4, len - 2));
    st.year = toInt(str.slice(0, len - 4));
    if (len - 4 === 2) st.is2digits = true;
    return DATE_M;
  }
  if ((fmask & TIME_M) !== TIME_M) {
    if (str.length === 6) {
      st.hour = toInt(str.slice(0, 2));
      st.minute = toInt(str.slice(2, 4));
      st.second = toInt(str.slice(4, 6));
      return TIME_M;
    }
    if (str.length === 4) {
      st.hour = toInt(str.slice(0, 2));
      st.minute = toInt(str.slice(2, 4));
      st.second = 0;
      return TIME_M;
    }
  }
  return fail();
}

/** DecodeNumber: one numeric field whose meaning depends on what was seen and DateOrder. */
export function decodeNumber(text: string, fmask: number, st: DecodeState): number {
  const flen = text.length;
  const dot = text.indexOf('.');
  let intPart = text;
  if (dot >= 0) {
    // More than two digits before the point: a run-together date or time (20011225.5).
    if (dot > 2) return decodeNumberField(text, fmask | DATE_M, st);
    st.fsec = parseFractionalSecond(text.slice(dot));
    intPart = text.slice(0, dot);
  }
  const val = toInt(intPart);
  if (flen === 3 && (fmask & DATE_M) === F.YEAR && val >= 1 && val <= 366) {
    st.yday = val;
    return F.DOY | F.MONTH | F.DAY;
  }
  let tmask: number;
  switch (fmask & DATE_M) {
    case 0:
      if (flen >= 3 || st.dateOrder === 'YMD') {
        tmask = F.YEAR;
        st.year = val;
      } else if (st.dateOrder === 'DMY') {
        tmask = F.DAY;
        st.day = val;
      } else {
        tmask = F.MONTH;
        st.month = val;
      }
      break;
    case F.YEAR:
      tmask = F.MONTH;
      st.month = val;
      break;
    case F.MONTH:
      if (st.haveTextMonth && (flen >= 3 || st.dateOrder === 'YMD')) {
        tmask = F.YEAR;
        st.year = val;
      } else {
        tmask = F.DAY;
        st.day = val;
      }
      break;
    case F.YEAR | F.MONTH:
      if (st.haveTextMonth && flen >= 3 && st.is2digits) {
        // The first numeric field was the day after all (DD-MON-YYYY in YMD mode).
        st.day = st.year;
        st.year = val;
        st.is2digits = false;
      } else {
        st.day = val;
      }
      tmask = F.DAY;
      break;
    case F.DAY:
      tmask = F.MONTH;
      st.month = val;
      break;
    case F.MONTH | F.DAY:
      tmask = F.YEAR;
      st.year = val;
      break;
    case DATE_M:
      return decodeNumberField(text, fmask, st);
    default:
      return fail();
  }
  if (tmask === F.YEAR) st.is2digits = flen <= 2;
  return tmask;
}

/**
 * DecodeDate: a field with embedded separators ("1999-01-08", "jan-08-1999", "08/01/99").
 * Runs of digits or letters are the sub-fields; like PostgreSQL, the character right after each
 * run is consumed as its terminator even when it is alphanumeric ("sept.00004y1" reads sept,
 * 00004, 1).
 */
export function decodeDate(text: string, fmask0: number, st: DecodeState): number {
  const fields: string[] = [];
  const alnum = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/.test(c);
  let i = 0;
  while (i < text.length && fields.length < 25) {
    while (i < text.length && !alnum(text[i])) i++;
    if (i >= text.length) fail();
    const start = i;
    const digit = /[0-9]/.test(text[i]!);
    while (i < text.length && (digit ? /[0-9]/ : /[a-z]/).test(text[i]!)) i++;
    fields.push(text.slice(start, i));
    if (i < text.length) i++;
  }
  let fmask = fmask0;
  let tmask = 0;
  const numeric: string[] = [];
  for (const f of fields) {
    if (/^[a-z]/.test(f)) {
      const kw = lookupKeyword(f);
      if (kw?.kind === 'ignore') continue;
      if (kw?.kind !== 'month') fail();
      if (fmask & F.MONTH) fail();
      st.month = kw.value;
      st.haveTextMonth = true;
      fmask |= F.MONTH;
      tmask |= F.MONTH;
    } else {
      numeric.push(f);
    }
  }
  for (const f of numeric) {
    const dmask = decodeNumber(f, fmask, st);
    if (fmask & dmask) fail();
    fmask |= dmask;
    tmask |= dmask;
  }
  if ((fmask & ~(F.DOY | F.TZ)) !== DATE_M) fail();
  return tmask;
}

/** DecodeTime: "hh:mm", "hh:mm:ss", "hh:mm:ss.fff", or "mm:ss.fff". */
export function decodeTime(text: string, st: DecodeState): number {
  const m = /^(\d+):(\d+)(?:(\.\d*)|:(\d+)(\.\d*)?)?$/.exec(text);
  if (!m) fail();
  if (m[3] !== undefined) {
    // mm:ss.sss is always MINUTE TO SECOND.
    st.hour = 0;
    st.minute = toInt(m[1]!);
    st.second = toInt(m[2]!);
    st.fsec = parseFractionalSecond(m[3]);
  } else {
    st.hour = toInt(m[1]!);
    st.minute = toInt(m[2]!);
    st.second = m[4] === undefined ? 0 : toInt(m[4]);
    st.fsec = m[5] === undefined ? 0 : parseFractionalSecond(m[5]);
  }
  if (st.minute > 59 || st.second > 60 || st.fsec > 1_000_000) fail(DtErr.FieldOverflow);
  return TIME_M;
}

/** time_overflows: hour 24 and second 60 are allowed, but not past 24:00:00 in total. */
export function timeOverflows(st: DecodeState): boolean {
  if (st.hour < 0 || st.hour > 24 || st.minute < 0 || st.minute > 59 || st.second < 0 || st.second > 60) return true;
  if (st.fsec < 0 || st.fsec > 1_000_000) return true;
  return ((st.hour * 60 + st.minute) * 60 + st.second) * 1e6 + st.fsec > 86_400e6;
}

/** DecodeTimezone: "+hh", "-hh:mm", "+hhmm", "+hh:mm:ss" -> seconds EAST of UTC. */
export function decodeTimezone(text: string): number {
  const m = /^([+-])(\d+)(?::(\d+)(?::(\d+))?)?$/.exec(text);
  if (!m) fail();
  let hr = toInt(m[2]!);
  let min = 0;
  const sec = m[4] === undefined ? 0 : toInt(m[4]);
  if (m[3] !== undefined) min = toInt(m[3]);
  else if (m[2]!.length > 2) {
    min = hr % 100;
    hr = Math.floor(hr / 100);
  }
  if (hr > 15 || min >= 60 || sec >= 60) fail(DtErr.TzDispOverflow);
  const tz = (hr * 60 + min) * 60 + sec;
  return m[1] === '-' ? -tz : tz;
}
