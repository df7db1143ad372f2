// Interval output in the four IntervalStyles (EncodeInterval in datetime.c). The default,
// 'postgres', prints `1 year 2 mons 3 days 04:05:06.5`, `-1 days +02:00:00`, `00:00:00`.
import { USECS_PER_HOUR, USECS_PER_MINUTE, USECS_PER_SEC } from './calendar';
import type { Interval } from './decode-interval';
import type { IntervalStyle } from './settings';

/** pg_itm: the broken-down interval (interval2itm), fields truncated toward zero. */
interface Itm {
  year: number;
  mon: number;
  mday: number;
  hour: bigint;
  min: number;
  sec: number;
  usec: number;
}

function toItm(v: Interval): Itm {
  let time = v.micros;
  const hour = time / USECS_PER_HOUR;
  time -= hour * USECS_PER_HOUR;
  const min = time / USECS_PER_MINUTE;
  time -= min * USECS_PER_MINUTE;
  const sec = time / USECS_PER_SEC;
  time -= sec * USECS_PER_SEC;
  return {
    year: Math.trunc(v.months / 12),
    mon: v.months % 12 || 0,
    mday: v.days,
    hour,
    min: Number(min),
    sec: Number(sec),
    usec: Number(time),
  };
}

/** AppendSeconds: |sec| (zero-padded to 2 when fill) and the trimmed fraction of |usec|. */
function seconds(sec: number, usec: number, fill: boolean): string {
  const s = String(Math.abs(sec));
  const whole = fill ? s.padStart(2, '0') : s;
  if (usec === 0) return whole;
  return `${whole}.${String(Math.abs(usec)).padStart(6, '0').replace(/0+$/, '')}`;
}

const babs = (v: bigint): bigint => (v < 0n ? -v : v);
const pad2 = (v: number | bigint): string => String(v).padStart(2, '0');

function postgresStyle(t: Itm): string {
  let out = '';
  let isZero = true;
  let isBefore = false;
  const part = (value: number, unit: string): void => {
    if (value === 0) return;
    out += `${isZero ? '' : ' '}${isBefore && value > 0 ? '+' : ''}${value} ${unit}${value !== 1 ? 's' : ''}`;
    isBefore = value < 0;
    isZero = false;
  };
  part(t.year, 'year');
  part(t.mon, 'mon');
  part(t.mday, 'day');
  if (isZero || t.hour !== 0n || t.min !== 0 || t.sec !== 0 || t.usec !== 0) {
    const minus = t.hour < 0n || t.min < 0 || t.sec < 0 || t.usec < 0;
    out += `${isZero ? '' : ' '}${minus ? '-' : isBefore ? '+' : ''}${pad2(babs(t.hour))}:${pad2(Math.abs(t.min))}:`;
    out += seconds(t.sec, t.usec, true);
  }
  return out;
}

function verboseStyle(t: Itm): string {
  let out = '@';
  let isZero = true;
  let isBefore = false;
  const part = (v: number | bigint, unit: string): void => {
    let value = BigInt(v);
    if (value === 0n) return;
    if (isZero) {
      isBefore = value < 0n;
      value = babs(value);
    } else if (isBefore) {
      value = -value;
    }
    out += ` ${value} ${unit}${value === 1n ? '' : 's'}`;
    isZero = false;
  };
  part(t.year, 'year');
  part(t.mon, 'mon');
  part(t.mday, 'day');
  part(t.hour, 'hour');
  part(t.min, 'min');
  if (t.sec !== 0 || t.usec !== 0) {
    out += ' ';
    if (t.sec < 0 || (t.sec === 0 && t.usec < 0)) {
      if (isZero) isBefore = true;
      else if (!isBefore) out += '-';
    } else if (isBefore) {
      out += '-';
    }
    out += `${seconds(t.sec, t.usec, false)} sec${Math.abs(t.sec) !== 1 || t.usec !== 0 ? 's' : ''}`;
    isZero = false;
  }
  if (isZero) out += ' 0';
  if (isBefore) out += ' ago';
  return out;
}

function sqlStandardStyle(t0: Itm): string {
  const t = { ...t0 };
  const neg = t.year < 0 || t.mon < 0 || t.mday < 0 || t.hour < 0n || t.min < 0 || t.sec < 0 || t.usec < 0;
  const pos = t.year > 0 || t.mon > 0 || t.mday > 0 || t.hour > 0n || t.min > 0 || t.sec > 0 || t.usec > 0;
  const hasYm = t.year !== 0 || t.mon !== 0;
  const hasDt = t.mday !== 0 || t.hour !== 0n || t.min !== 0 || t.sec !== 0 || t.usec !== 0;
  const standard = !(neg && pos) && !(hasYm && hasDt);
  let out = '';
  if (neg && standard) {
    out = '-';
    t.year = -t.year; t.mon = -t.mon; t.mday = -t.mday; t.hour = -t.hour; t.min = -t.min; t.sec = -t.sec; t.usec = -t.usec;
  }
  if (!neg && !pos) return '0';
  if (!standard) {
    const ys = t.year < 0 || t.mon < 0 ? '-' : '+';
    const ds = t.mday < 0 ? '-' : '+';
    const ss = t.hour < 0n || t.min < 0 || t.sec < 0 || t.usec < 0 ? '-' : '+';
    return `${out}${ys}${Math.abs(t.year)}-${Math.abs(t.mon)} ${ds}${Math.abs(t.mday)} ${ss}${babs(t.hour)}:${pad2(Math.abs(t.min))}:${seconds(t.sec, t.usec, true)}`;
  }
  if (hasYm) return `${out}${t.year}-${t.mon}`;
  if (t.mday !== 0) return `${out}${t.mday} ${t.hour}:${pad2(t.min)}:${seconds(t.sec, t.usec, true)}`;
  return `${out}${t.hour}:${pad2(t.min)}:${seconds(t.sec, t.usec, true)}`;
}

function isoStyle(t: Itm): string {
  if (t.year === 0 && t.mon === 0 && t.mday === 0 && t.hour === 0n && t.min === 0 && t.sec === 0 && t.usec === 0) return 'PT0S';
  let out = 'P';
  const part = (v: number | bigint, u: string): void => {
    if (v !== 0 && v !== 0n) out += `${v}${u}`;
  };
  part(t.year, 'Y');
  part(t.mon, 'M');
  part(t.mday, 'D');
  if (t.hour !== 0n || t.min !== 0 || t.sec !== 0 || t.usec !== 0) out += 'T';
  part(t.hour, 'H');
  part(t.min, 'M');
  if (t.sec !== 0 || t.usec !== 0) out += `${t.sec < 0 || t.usec < 0 ? '-' : ''}${seconds(t.sec, t.usec, false)}S`;
  return out;
}

/** interval_out in the given IntervalStyle. */
export function formatInterval(v: Interval, style: IntervalStyle = 'postgres'): string {
  const t = toItm(v);
  switch (style) {
    case 'postgres_verbose':
      return verboseStyle(t);
    case 'sql_standard':
      return sqlStandardStyle(t);
    case 'iso_8601':
      return isoStyle(t);
    default:
      return postgresStyle(t);
  }
}
