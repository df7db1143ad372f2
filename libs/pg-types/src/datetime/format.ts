// Text output of dates, times and timestamps in DateStyle ISO (EncodeDateOnly, EncodeTimeOnly,
// EncodeDateTime, EncodeTimezone from datetime.c): `2024-01-02`, `03:04:05.25`,
// `2024-01-02 03:04:05+05:30`, years <= 0 printed as `0044-03-15 BC`.
import {
  TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY, daysToDate, splitTimestamp, timeToFields,
  type DateFields, type TimeFields,
} from './calendar';
import type { DateOrder, DateOutputStyle } from './settings';
import type { TimeZone } from './time-zone';
import { utcToLocal } from './time-zone';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The year as printed (1 BC is year 0 internally) and whether to append " BC". */
function displayYear(year: number): { text: string; bc: boolean } {
  const bc = year <= 0;
  return { text: String(bc ? 1 - year : year).padStart(4, '0'), bc };
}

/** `YYYY-MM-DD` without the BC suffix. */
function isoDate(d: DateFields): { text: string; bc: boolean } {
  const y = displayYear(d.year);
  return { text: `${y.text}-${pad2(d.month)}-${pad2(d.day)}`, bc: y.bc };
}

/** AppendSeconds: seconds with the fraction's trailing zeros trimmed. */
export function formatSeconds(second: number, micro: number): string {
  if (micro === 0) return pad2(second);
  return `${pad2(second)}.${String(micro).padStart(6, '0').replace(/0+$/, '')}`;
}

/** `HH:MM:SS[.ffffff]`. */
export function formatTimeFields(t: TimeFields): string {
  return `${pad2(t.hour)}:${pad2(t.minute)}:${formatSeconds(t.second, t.micro)}`;
}

/** EncodeTimezone: `+05`, `-03:30`, `+00:19:32` (seconds east of UTC). */
export function formatTzOffset(offsetSeconds: number): string {
  const abs = Math.abs(offsetSeconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor(abs / 60) % 60;
  const s = abs % 60;
  const sign = offsetSeconds >= 0 ? '+' : '-';
  if (s !== 0) return `${sign}${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  if (m !== 0) return `${sign}${pad2(h)}:${pad2(m)}`;
  return `${sign}${pad2(h)}`;
}

/**
 * date_out (EncodeDateOnly): days since 2000-01-01, or ±Infinity, in DateStyle's output style:
 * ISO `2024-03-09`, SQL `03/09/2024` (`09/03/2024` with DMY), Postgres `03-09-2024`
 * (`09-03-2024` with DMY), German `09.03.2024`; years <= 0 get ` BC`.
 */
export function formatDate(days: number, style: DateOutputStyle = 'ISO', order: DateOrder = 'MDY'): string {
  if (days === Infinity) return 'infinity';
  if (days === -Infinity) return '-infinity';
  const f = daysToDate(days);
  const y = displayYear(f.year);
  const dm = order === 'DMY';
  let text: string;
  if (style === 'SQL') text = dm ? `${pad2(f.day)}/${pad2(f.month)}/${y.text}` : `${pad2(f.month)}/${pad2(f.day)}/${y.text}`;
  else if (style === 'German') text = `${pad2(f.day)}.${pad2(f.month)}.${y.text}`;
  else if (style === 'Postgres') text = dm ? `${pad2(f.day)}-${pad2(f.month)}-${y.text}` : `${pad2(f.month)}-${pad2(f.day)}-${y.text}`;
  else text = isoDate(f).text;
  return y.bc ? `${text} BC` : text;
}

/** time_out: microseconds since midnight (0 .. 24:00:00 inclusive). */
export function formatTime(micros: bigint): string {
  return formatTimeFields(timeToFields(micros));
}

function formatLocal(local: bigint, offset: number | undefined): string {
  const { days, timeOfDay } = splitTimestamp(local);
  const d = isoDate(daysToDate(days));
  const zone = offset === undefined ? '' : formatTzOffset(offset);
  return `${d.text} ${formatTime(timeOfDay)}${zone}${d.bc ? ' BC' : ''}`;
}

/** timestamp_out: µs since 2000-01-01 (no zone). */
export function formatTimestamp(ts: bigint): string {
  if (ts === TIMESTAMP_INFINITY) return 'infinity';
  if (ts === TIMESTAMP_MINUS_INFINITY) return '-infinity';
  return formatLocal(ts, undefined);
}

/** timestamptz_out: µs since 2000-01-01 UTC, printed in the session zone with its offset. */
export function formatTimestamptz(ts: bigint, zone: TimeZone): string {
  if (ts === TIMESTAMP_INFINITY) return 'infinity';
  if (ts === TIMESTAMP_MINUS_INFINITY) return '-infinity';
  const { local, offset } = utcToLocal(zone, ts);
  return formatLocal(local, offset);
}
