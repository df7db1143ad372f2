// to_char(timestamp[tz], text) and timeofday(), after PostgreSQL's formatting.c (DCH_to_char)
// for the patterns in common use:
//   HH HH12 HH24 MI SS MS US FF1-6 SSSS(S) AM PM A.M. P.M. Y,YYY YYYY YYY YY Y IYYY IYY IY I
//   MONTH Month month MON Mon mon DAY Day day DY Dy dy DDD IDDD DD D ID W WW IW CC Q J RM rm
//   AD BC A.D. B.C. TZ tz OF TZH TZM, the FM prefix, TH/th suffixes, "quoted text", \x.
// Names are English (TM prefix accepted, no translation). Outside double quotes only \" is an
// escape, as in PostgreSQL. Zone abbreviations come from ICU
// (`EST`, `CEST`...); where ICU only knows an offset we print it as PostgreSQL does for zones
// without an abbreviation (`+04`, `+0530`).
import { date2j, j2day, splitTimestamp, j2date, timeToFields, utcToLocal, type TimeZone } from '@vecgres/pg-types';
import { isoWeek } from './datetime-fields';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Keywords, longest first where one is a prefix of another (the scanner takes the first match). */
const KEYWORDS = [
  'A.D.', 'A.M.', 'AD', 'AM', 'B.C.', 'BC', 'CC', 'DAY', 'DDD', 'DD', 'DY', 'Day', 'Dy', 'D', 'FF1', 'FF2', 'FF3', 'FF4',
  'FF5', 'FF6', 'FX', 'HH24', 'HH12', 'HH', 'IDDD', 'ID', 'IW', 'IYYY', 'IYY', 'IY', 'I', 'J', 'MI', 'MM', 'MONTH',
  'MON', 'MS', 'Month', 'Mon', 'OF', 'P.M.', 'PM', 'Q', 'RM', 'SSSSS', 'SSSS', 'SS', 'TZH', 'TZM', 'TZ', 'US', 'WW',
  'W', 'Y,YYY', 'YYYY', 'YYY', 'YY', 'Y',
  'a.d.', 'a.m.', 'ad', 'am', 'b.c.', 'bc', 'cc', 'day', 'ddd', 'dd', 'dy', 'd', 'ff1', 'ff2', 'ff3', 'ff4', 'ff5',
  'ff6', 'fx', 'hh24', 'hh12', 'hh', 'iddd', 'id', 'iw', 'iyyy', 'iyy', 'iy', 'i', 'j', 'mi', 'mm', 'month', 'mon',
  'ms', 'of', 'p.m.', 'pm', 'q', 'rm', 'sssss', 'ssss', 'ss', 'tz', 'us', 'ww', 'w', 'y,yyy', 'yyyy', 'yyy', 'yy', 'y',
];

interface Fields {
  year: number; month: number; day: number; hour: number; minute: number; second: number; micro: number;
  jd: number; offset: number | undefined; abbrev: string;
}

const pad = (n: number, width: number, fm: boolean): string => {
  if (fm) return String(n);
  // printf's %0*d: the width includes the sign.
  return n < 0 ? `-${String(-n).padStart(width - 1, '0')}` : String(n).padStart(width, '0');
};

/** English ordinal suffix (DCH's get_th). */
function ordinal(n: number, upper: boolean): string {
  const last = Math.abs(n) % 100;
  const s = last >= 11 && last <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][last % 10] ?? 'th';
  return upper ? s.toUpperCase() : s;
}

const adjustYear = (y: number): number => (y <= 0 ? -(y - 1) : y);

function casing(name: string, kw: string): string {
  if (kw === kw.toUpperCase()) return name.toUpperCase();
  if (kw === kw.toLowerCase()) return name.toLowerCase();
  return name;
}

/** One keyword's text; numeric ones also return their number for TH suffixes. */
function render(kw: string, f: Fields, fm: boolean): { text: string; n?: number } {
  const up = kw.toUpperCase();
  const isoDow = j2day(f.jd) === 0 ? 7 : j2day(f.jd);
  const doy = f.jd - date2j(f.year, 1, 1) + 1;
  const iso = () => isoWeek(f.year, f.month, f.day);
  const num = (n: number, w: number) => ({ text: pad(n, w, fm), n });
  switch (up) {
    case 'HH': case 'HH12': return num(f.hour % 12 === 0 ? 12 : f.hour % 12, 2);
    case 'HH24': return num(f.hour, 2);
    case 'MI': return num(f.minute, 2);
    case 'SS': return num(f.second, 2);
    case 'MS': return num(Math.trunc(f.micro / 1000), 3);
    case 'US': return num(f.micro, 6);
    case 'FF1': case 'FF2': case 'FF3': case 'FF4': case 'FF5': case 'FF6': {
      const digits = Number(up[2]);
      return num(Math.trunc(f.micro / 10 ** (6 - digits)), digits);
    }
    case 'SSSS': case 'SSSSS': return num(f.hour * 3600 + f.minute * 60 + f.second, 0);
    case 'AM': case 'PM': return { text: casing(f.hour >= 12 ? 'PM' : 'AM', kw) };
    case 'A.M.': case 'P.M.': return { text: casing(f.hour >= 12 ? 'P.M.' : 'A.M.', kw) };
    case 'AD': case 'BC': return { text: casing(f.year <= 0 ? 'BC' : 'AD', kw) };
    case 'A.D.': case 'B.C.': return { text: casing(f.year <= 0 ? 'B.C.' : 'A.D.', kw) };
    case 'Y,YYY': {
      const y = adjustYear(f.year);
      return { text: `${Math.trunc(y / 1000)},${String(y % 1000).padStart(3, '0')}`, n: y };
    }
    case 'YYYY': return num(adjustYear(f.year), 4);
    case 'YYY': return num(adjustYear(f.year) % 1000, 3);
    case 'YY': return num(adjustYear(f.year) % 100, 2);
    case 'Y': return num(adjustYear(f.year) % 10, 1);
    case 'IYYY': return num(adjustYear(iso().isoYear), 4);
    case 'IYY': return num(adjustYear(iso().isoYear) % 1000, 3);
    case 'IY': return num(adjustYear(iso().isoYear) % 100, 2);
    case 'I': return num(adjustYear(iso().isoYear) % 10, 1);
    case 'MONTH': {
      const name = casing(MONTHS[f.month - 1]!, kw);
      return { text: fm ? name : name.padEnd(9) };
    }
    case 'MON': return { text: casing(MONTHS[f.month - 1]!.slice(0, 3), kw) };
    case 'MM': return num(f.month, 2);
    case 'DAY': {
      const name = casing(DAYS[j2day(f.jd)]!, kw);
      return { text: fm ? name : name.padEnd(9) };
    }
    case 'DY': return { text: casing(DAYS[j2day(f.jd)]!.slice(0, 3), kw) };
    case 'DDD': return num(doy, 3);
    case 'IDDD': {
      const w = iso();
      return num((w.week - 1) * 7 + isoDow, 3);
    }
    case 'DD': return num(f.day, 2);
    case 'D': return num(j2day(f.jd) + 1, 0);
    case 'ID': return num(isoDow, 0);
    case 'W': return num(Math.trunc((f.day - 1) / 7) + 1, 0);
    case 'WW': return num(Math.trunc((doy - 1) / 7) + 1, 2);
    case 'IW': return num(iso().week, 2);
    case 'CC': {
      const c = f.year > 0 ? Math.trunc((f.year - 1) / 100) + 1 : Math.trunc(f.year / 100) - 1;
      return num(c, c >= 0 ? 2 : 3);
    }
    case 'Q': return num(Math.trunc((f.month - 1) / 3) + 1, 0);
    case 'J': return num(f.jd, 0);
    case 'RM': {
      const r = ROMAN[f.month - 1]!;
      const t = kw === 'rm' ? r.toLowerCase() : r;
      return { text: fm ? t : t.padEnd(4) };
    }
    case 'TZ': return { text: kw === 'tz' ? f.abbrev.toLowerCase() : f.abbrev };
    case 'OF': {
      if (f.offset === undefined) return { text: '' };
      const abs = Math.abs(f.offset);
      const mins = Math.trunc(abs / 60) % 60;
      return { text: `${f.offset >= 0 ? '+' : '-'}${pad(Math.trunc(abs / 3600), 2, fm)}${mins ? `:${String(mins).padStart(2, '0')}` : ''}` };
    }
    case 'TZH': {
      if (f.offset === undefined) return { text: '' };
      return { text: `${f.offset >= 0 ? '+' : '-'}${pad(Math.trunc(Math.abs(f.offset) / 3600), 2, fm)}` };
    }
    case 'TZM': {
      if (f.offset === undefined) return { text: '' };
      return { text: pad(Math.trunc(Math.abs(f.offset) / 60) % 60, 2, fm) };
    }
    case 'FX': return { text: '' };
    default: return { text: kw };
  }
}

/** The text of a format string over broken-down fields. */
function formatFields(format: string, f: Fields): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    let fm = false;
    let j = i;
    // Prefixes: FM (fill mode: no padding), TM (translation mode: a no-op in English).
    for (;;) {
      const p = format.slice(j, j + 2);
      if (p === 'FM' || p === 'fm') { fm = true; j += 2; continue; }
      if (p === 'TM' || p === 'tm') { j += 2; continue; }
      break;
    }
    const kw = KEYWORDS.find((k) => format.startsWith(k, j));
    if (kw) {
      const r = render(kw, f, fm);
      let text = r.text;
      j += kw.length;
      const suffix = format.slice(j, j + 2);
      if ((suffix === 'TH' || suffix === 'th') && r.n !== undefined) {
        text += ordinal(r.n, suffix === 'TH');
        j += 2;
      } else if (format.slice(j, j + 2) === 'SP' || format.slice(j, j + 2) === 'sp') {
        j += 2;
      }
      out += text;
      i = j;
      continue;
    }
    const c = format[i]!;
    if (c === '"') {
      // Quoted literal text; backslash escapes the next character inside.
      let k = i + 1;
      while (k < format.length && format[k] !== '"') {
        if (format[k] === '\\' && k + 1 < format.length) k++;
        out += format[k];
        k++;
      }
      i = k + 1;
      continue;
    }
    if (c === '\\' && format[i + 1] === '"') {
      // Outside quotes only \" is an escape; any other backslash is literal text.
      out += '"';
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Zone abbreviation at an instant: ICU's short name, or the offset where it has none. */
export function zoneAbbrev(zone: TimeZone, utc: bigint, offset: number): string {
  const upper = zone.name.toUpperCase();
  if (upper === 'UTC' || upper === 'GMT' || upper === 'Z' || upper === 'ETC/UTC') return upper === 'Z' ? 'UTC' : upper.replace('ETC/', '');
  let name: string | undefined;
  try {
    const ms = Number(utc / 1000n) + 946684800000;
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone.name, timeZoneName: 'short' })
      .formatToParts(ms).find((p) => p.type === 'timeZoneName');
    name = part?.value;
  } catch {
    name = undefined;
  }
  if (name && !/^(GMT|UTC)([+-]|$)/.test(name)) return name;
  const abs = Math.abs(offset);
  const h = String(Math.trunc(abs / 3600)).padStart(2, '0');
  const m = Math.trunc(abs / 60) % 60;
  return `${offset >= 0 ? '+' : '-'}${h}${m ? String(m).padStart(2, '0') : ''}`;
}

function fieldsOf(local: bigint, offset: number | undefined, abbrev: string): Fields {
  const { days, timeOfDay } = splitTimestamp(local);
  const jd = days + 2451545;
  return { ...j2date(jd), ...timeToFields(timeOfDay), jd, offset, abbrev };
}

/** to_char(timestamp, format); infinite timestamps give NULL as in PostgreSQL. */
export function timestampToChar(ts: bigint, format: string): string | null {
  if (ts === 9223372036854775807n || ts === -9223372036854775808n) return null;
  // A timestamp has no zone: TZ prints nothing, OF / TZH / TZM print a zero offset.
  return formatFields(format, fieldsOf(ts, 0, ''));
}

/** to_char(timestamptz, format) in the session zone. */
export function timestamptzToChar(ts: bigint, format: string, zone: TimeZone): string | null {
  if (ts === 9223372036854775807n || ts === -9223372036854775808n) return null;
  const { local, offset } = utcToLocal(zone, ts);
  return formatFields(format, fieldsOf(local, offset, zoneAbbrev(zone, ts, offset)));
}

/** timeofday(): `Sat Nov 21 15:48:08.965944 2026 UTC` in the session zone. */
export function formatTimeofday(now: bigint, zone: TimeZone): string {
  const { local, offset } = utcToLocal(zone, now);
  const f = fieldsOf(local, offset, zoneAbbrev(zone, now, offset));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[j2day(f.jd)]!.slice(0, 3)} ${MONTHS[f.month - 1]!.slice(0, 3)} ${two(f.day)} ${two(f.hour)}:${two(f.minute)}:${two(f.second)}.${String(f.micro).padStart(6, '0')} ${f.year} ${f.abbrev}`;
}
