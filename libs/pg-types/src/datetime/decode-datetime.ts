// DecodeDateTime / DecodeTimeOnly: interprets the fields of a date, time or timestamp literal,
// including the special words ('now', 'today', 'epoch', 'infinity', 'allballs'), AM/PM, BC,
// ISO 'T' separators, Julian days, zone offsets, abbreviations and IANA names.
// Returns local (wall-clock) fields plus the zone offset when one was given.
import { date2j, daysInMonth, fieldsToTimestamp, j2date, splitTimestamp, timeToFields, type DateFields } from './calendar';
import {
  DATE_M, F, TIME_M, decodeDate, decodeNumber, decodeNumberField, decodeTime, decodeTimezone, fail,
  newDecodeState, timeOverflows, type DecodeState,
} from './decode-fields';
import { DtErr, unknownTimeZone } from './errors';
import { lookupKeyword, lookupZoneAbbreviation, type LabelUnit } from './keywords';
import { parseDateTimeFields, type Field } from './parse-fields';
import { parseFractionalSecond } from './decode-fields';
import { currentTimestamp, sessionZone, type DateTimeSettings } from './settings';
import { createTimeZone, localOffset, utcToLocal, type TimeZone } from './time-zone';

export type DateTimeKind = 'date' | 'epoch' | 'infinity' | '-infinity';

export interface DecodedDateTime {
  kind: DateTimeKind;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Microseconds of the second. */
  micro: number;
  /** Offset in seconds east of UTC, if the input named one (a number, abbreviation or zone). */
  tz?: number;
  /** True when the input had a complete date (DecodeTimeOnly may see none). */
  hasDate: boolean;
}

/** A pending label: the next number is a Julian day, an ISO time after 'T', or a labelled field. */
type PrefixType = 'julian' | 'isotime' | LabelUnit | null;

/** A number after a label ("y2001", "m02", "h10", "s5.5", "J2451187.5"). */
function labelledNumber(text: string, label: Exclude<PrefixType, null>, st: DecodeState, ex: Extra): number {
  const m = /^(\d+)(\.\d*)?$/.exec(text);
  if (!m) fail();
  const value = Number(m[1]);
  if (value > 2147483647) fail(DtErr.FieldOverflow);
  switch (label) {
    case 'year':
      st.year = value;
      return F.YEAR;
    case 'month':
      // With a month and an hour already seen, 'm' means minutes.
      if ((st.fmask & F.MONTH) && (st.fmask & F.HOUR)) {
        st.minute = value;
        return F.MINUTE;
      }
      st.month = value;
      return F.MONTH;
    case 'day':
      st.day = value;
      return F.DAY;
    case 'hour':
      st.hour = value;
      return F.HOUR;
    case 'minute':
      st.minute = value;
      return F.MINUTE;
    case 'second':
      st.second = value;
      if (m[2] !== undefined) st.fsec = parseFractionalSecond(m[2]);
      return F.SECOND;
    case 'julian': {
      Object.assign(st, j2date(value));
      ex.isJulian = true;
      if (m[2] === undefined || m[2] === '.') return DATE_M;
      const t = timeToFields(BigInt(Math.trunc(Number("0" + m[2]) * 86_400_000_000)));
      st.hour = t.hour;
      st.minute = t.minute;
      st.second = t.second;
      st.fsec = t.micro;
      return DATE_M | TIME_M;
    }
    case 'isotime': {
      const tmask = decodeNumberField(text, st.fmask | DATE_M, st);
      if (tmask !== TIME_M) fail();
      return tmask;
    }
    default:
      return fail();
  }
}

interface Extra {
  kind: DateTimeKind;
  tz?: number;
  zone?: TimeZone;
  bc: boolean;
  mer?: 'am' | 'pm';
  isJulian: boolean;
}

/** The current local date/time in the session zone (GetCurrentDateTime / GetCurrentTimeUsec). */
function currentLocal(settings: DateTimeSettings | undefined): { date: DateFields; micros: bigint; offset: number } {
  const { local, offset } = utcToLocal(sessionZone(settings), currentTimestamp(settings));
  const { days, timeOfDay } = splitTimestamp(local);
  return { date: j2date(days + 2451545), micros: timeOfDay, offset };
}

function handleWord(field: Field, idx: number, fields: Field[], st: DecodeState, ex: Extra,
  settings: DateTimeSettings | undefined, ptype: { v: PrefixType }, timeOnly: boolean): number {
  const abbrev = lookupZoneAbbreviation(field.text);
  if (abbrev !== undefined) {
    ex.tz = abbrev;
    return F.TZ;
  }
  const kw = lookupKeyword(field.text);
  if (kw === undefined) {
    // An all-alpha time zone name ("utc", "japan") is the last resort.
    const zone = field.type === 'string' ? createTimeZone(field.text) : undefined;
    if (!zone) fail();
    ex.zone = zone;
    return F.TZ;
  }
  switch (kw.kind) {
    case 'ignore':
      return 0;
    case 'special': {
      if (kw.value === 'epoch' || kw.value === 'infinity' || kw.value === '-infinity') {
        // PostgreSQL 15 marks only a RESERV bit, so other fields are tolerated and ignored.
        ex.kind = kw.value;
        return F.RESERV;
      }
      const cur = currentLocal(settings);
      if (kw.value === 'now') {
        Object.assign(st, cur.date);
        const t = timeToFields(cur.micros);
        st.hour = t.hour;
        st.minute = t.minute;
        st.second = t.second;
        st.fsec = t.micro;
        ex.tz = cur.offset;
        return DATE_M | TIME_M | F.TZ;
      }
      const delta = kw.value === 'today' ? 0 : kw.value === 'tomorrow' ? 1 : -1;
      Object.assign(st, j2date(date2j(cur.date.year, cur.date.month, cur.date.day) + delta));
      return DATE_M;
    }
    case 'zulu':
      st.hour = 0;
      st.minute = 0;
      st.second = 0;
      st.fsec = 0;
      ex.tz = 0;
      return TIME_M | F.TZ;
    case 'month': {
      let tmask = F.MONTH;
      // A numeric month already seen becomes the day ("8 jan 1999" read month-first).
      if ((st.fmask & F.MONTH) && !st.haveTextMonth && !(st.fmask & F.DAY) && st.month >= 1 && st.month <= 31) {
        st.day = st.month;
        tmask = F.DAY;
      }
      st.haveTextMonth = true;
      st.month = kw.value;
      return tmask;
    }
    case 'ampm':
      ex.mer = kw.value;
      return F.AMPM;
    case 'adbc':
      ex.bc = kw.value === 'bc';
      return F.ADBC;
    case 'dow':
      return F.DOW;
    case 'julian':
    case 'unit':
      // A label for the next number; two labels in a row are rejected.
      if (ptype.v !== null) fail();
      ptype.v = kw.kind === 'julian' ? 'julian' : kw.value;
      return 0;
    case 'isotime': {
      if (!timeOnly && (st.fmask & DATE_M) !== DATE_M) fail();
      const next = fields[idx + 1];
      if (!next || (next.type !== 'number' && next.type !== 'time' && next.type !== 'date')) fail();
      ptype.v = 'isotime';
      return 0;
    }
    default:
      return fail();
  }
}

/** ValidateDate: BC years, two-digit years, day-of-year, month/day ranges. */
function validateDate(st: DecodeState, ex: Extra): void {
  const fmask = st.fmask;
  if (fmask & F.YEAR) {
    if (ex.isJulian) {
      // The Julian day already produced an astronomical year.
    } else if (ex.bc) {
      if (st.year <= 0) fail(DtErr.FieldOverflow);
      st.year = -(st.year - 1);
    } else if (st.is2digits) {
      if (st.year < 70) st.year += 2000;
      else if (st.year < 100) st.year += 1900;
    } else if (st.year <= 0) {
      fail(DtErr.FieldOverflow);
    }
  }
  if (fmask & F.DOY) Object.assign(st, j2date(date2j(st.year, 1, 1) + st.yday - 1));
  if ((fmask & F.MONTH) && (st.month < 1 || st.month > 12)) fail(DtErr.MdFieldOverflow);
  if ((fmask & F.DAY) && (st.day < 1 || st.day > 31)) fail(DtErr.MdFieldOverflow);
  if ((fmask & DATE_M) === DATE_M && st.day > daysInMonth(st.year, st.month)) fail(DtErr.FieldOverflow);
}

/**
 * Decodes date/time text. `timeOnly` mirrors DecodeTimeOnly (the time type): no date needed,
 * run-together digits are a time. Throws DateTimeDecodeError, or SqlError 22023 for an unknown
 * zone name.
 */
export function decodeDateTime(text: string, settings?: DateTimeSettings, timeOnly = false): DecodedDateTime {
  const fields = parseDateTimeFields(text);
  const st = newDecodeState(settings?.dateOrder ?? 'MDY');
  const ex: Extra = { kind: 'date', bc: false, isJulian: false };
  const ptype: { v: PrefixType } = { v: null };
  if (fields.length === 0) fail();
  fields.forEach((field, i) => {
    let tmask = 0;
    switch (field.type) {
      case 'date':
        if (ptype.v === 'julian') fail();
        // DecodeTimeOnly accepts a date only as the first of several fields before a time/date.
        const zoneOrTime = timeOnly
          ? !(i === 0 && fields.length >= 2 && (fields[fields.length - 1]!.type === 'date' || fields[1]!.type === 'time'))
          : ptype.v !== null || (st.fmask & (F.MONTH | F.DAY)) === (F.MONTH | F.DAY);
        if (zoneOrTime) {
          if (/^\d/.test(field.text) || ptype.v !== null) {
            // A run-together time with a trailing zone ("040506-08" after a 'T').
            if ((st.fmask & TIME_M) === TIME_M) fail();
            const dash = field.text.indexOf('-');
            if (dash < 0) fail();
            ex.tz = decodeTimezone(field.text.slice(dash));
            tmask = decodeNumberField(field.text.slice(0, dash), timeOnly ? st.fmask | DATE_M : st.fmask, st) | F.TZ;
            ptype.v = null;
          } else {
            const zone = createTimeZone(field.text);
            if (!zone) throw unknownTimeZone(field.text);
            ex.zone = zone;
            tmask = F.TZ;
          }
        } else {
          tmask = decodeDate(field.text, st.fmask, st);
        }
        break;
      case 'time':
        if (ptype.v !== null) {
          if (ptype.v !== 'isotime') fail();
          ptype.v = null;
        }
        tmask = decodeTime(field.text, st);
        if (timeOverflows(st)) fail(DtErr.FieldOverflow);
        break;
      case 'tz':
        ex.tz = decodeTimezone(field.text);
        tmask = F.TZ;
        break;
      case 'number': {
        if (ptype.v !== null) {
          tmask = labelledNumber(field.text, ptype.v, st, ex);
          ptype.v = null;
          // As in PostgreSQL, a labelled field turns 'epoch'/'infinity' input back into a date.
          ex.kind = 'date';
          break;
        }
        const dot = field.text.indexOf('.');
        if (timeOnly) {
          if (dot >= 0 && i === 0 && fields.length >= 2 && fields[fields.length - 1]!.type === 'date') {
            tmask = decodeDate(field.text, st.fmask, st);
          } else if (dot > 2 || (dot < 0 && field.text.length > 4)) {
            tmask = decodeNumberField(field.text, st.fmask | DATE_M, st);
          } else if (dot >= 0) {
            fail();
          } else {
            tmask = decodeNumber(field.text, st.fmask | DATE_M, st);
          }
        } else if (dot >= 0 && !(st.fmask & DATE_M)) {
          tmask = decodeDate(field.text, st.fmask, st);
        } else if (dot >= 0 && dot > 2) {
          tmask = decodeNumberField(field.text, st.fmask, st);
        } else if (field.text.length >= 6 && (!(st.fmask & DATE_M) || !(st.fmask & TIME_M))) {
          tmask = decodeNumberField(field.text, st.fmask, st);
        } else {
          tmask = decodeNumber(field.text, st.fmask, st);
        }
        break;
      }
      default:
        tmask = handleWord(field, i, fields, st, ex, settings, ptype, timeOnly);
    }
    if (tmask & st.fmask) fail();
    st.fmask |= tmask;
  });
  const result = (): DecodedDateTime => ({
    kind: ex.kind, year: st.year, month: st.month, day: st.day, hour: st.hour, minute: st.minute,
    second: st.second, micro: st.fsec, hasDate: (st.fmask & DATE_M) === DATE_M,
    ...(ex.tz === undefined ? {} : { tz: ex.tz }),
  });
  if (ex.kind !== 'date') return result();
  validateDate(st, ex);
  if (ex.mer !== undefined && st.hour > 12) fail(DtErr.FieldOverflow);
  if (ex.mer === 'am' && st.hour === 12) st.hour = 0;
  else if (ex.mer === 'pm' && st.hour !== 12) st.hour += 12;
  if (timeOnly) {
    if (st.hour > 24 || st.minute > 59 || st.second > 60 || (st.hour === 24 && (st.minute > 0 || st.second > 0 || st.fsec > 0))) {
      fail(DtErr.FieldOverflow);
    }
    if ((st.fmask & TIME_M) !== TIME_M) fail();
  } else if ((st.fmask & DATE_M) !== DATE_M) {
    fail();
  }
  if (ex.zone && (st.fmask & DATE_M) === DATE_M) {
    if (st.fmask & F.DTZMOD) fail();
    const local = fieldsToTimestamp(
      { year: st.year, month: st.month, day: st.day },
      { hour: st.hour, minute: st.minute, second: st.second, micro: st.fsec },
    );
    ex.tz = localOffset(ex.zone, local);
  } else if (ex.zone) {
    ex.tz = ex.zone.offsetAtUtc(currentTimestamp(settings));
  }
  return result();
}
