// Time zones for timestamptz: UTC offsets of IANA zones come from Node's Intl (full ICU), so
// we ship no tz database. A TimeZone is built once per session setting (createTimeZone) and
// carried in the codec context; building one costs a DateTimeFormat, reading an offset ~7 µs.
// ICU's data can differ from PostgreSQL's system tzdata for some pre-1970 dates where the IANA
// database merged zones (e.g. Europe/Amsterdam before 1940); modern dates agree.
import { USECS_PER_SEC, UNIX_TO_PG_EPOCH_DAYS } from './calendar';

export interface TimeZone {
  /** The name as given (what SHOW TimeZone prints). */
  readonly name: string;
  /** UTC offset in seconds EAST of Greenwich in effect at this instant (µs since 2000-01-01 UTC). */
  offsetAtUtc(utc: bigint): number;
}

/** Seconds between 1970-01-01 and 2000-01-01. */
const PG_EPOCH_UNIX_SECONDS = UNIX_TO_PG_EPOCH_DAYS * 86400;
/** JS Dates stop at ±8.64e15 ms; beyond that, shift by whole 400-year Gregorian cycles. */
const JS_DATE_LIMIT_SECONDS = 8.64e12 - 86400 * 2;
const CYCLE_400Y_SECONDS = 146097 * 86400;
const LONG_OFFSET = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

/** A zone with a constant offset (UTC, or a numeric offset). */
export function fixedOffsetZone(name: string, offsetSeconds: number): TimeZone {
  return { name, offsetAtUtc: () => offsetSeconds };
}

export const UTC_ZONE: TimeZone = Object.freeze(fixedOffsetZone('UTC', 0));

function intlZone(name: string): TimeZone | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  } catch {
    return undefined;
  }
  return {
    name,
    offsetAtUtc(utc: bigint): number {
      let seconds = Number(utc / USECS_PER_SEC) + PG_EPOCH_UNIX_SECONDS;
      if (utc < 0n && utc % USECS_PER_SEC !== 0n) seconds -= 1;
      while (seconds > JS_DATE_LIMIT_SECONDS) seconds -= CYCLE_400Y_SECONDS;
      while (seconds < -JS_DATE_LIMIT_SECONDS) seconds += CYCLE_400Y_SECONDS;
      const part = format.formatToParts(seconds * 1000).find((p) => p.type === 'timeZoneName');
      const m = LONG_OFFSET.exec(part?.value ?? '');
      if (!m) throw new Error(`unexpected ICU offset "${part?.value}" for ${name}`);
      if (!m[1]) return 0;
      const abs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
      return m[1] === '-' ? -abs : abs;
    },
  };
}

/**
 * Resolves a TimeZone setting or zone name: IANA names (case-insensitive, as PostgreSQL's
 * pg_tzset), `UTC`/`GMT`/`Z`. Returns undefined for an unknown name.
 */
export function createTimeZone(name: string): TimeZone | undefined {
  const lower = name.toLowerCase();
  if (lower === 'utc' || lower === 'gmt' || lower === 'z' || lower === 'zulu' || lower === 'etc/utc') {
    return fixedOffsetZone(name, 0);
  }
  // A POSIX zone without DST rules, "xyz-3" / "abc+05:30": hours WEST of UTC for '+' or no sign.
  const posix = /^[A-Za-z]+([+-]?)(\d+)(?::(\d{2}))?(?::(\d{2}))?$/.exec(name);
  if (posix && Number(posix[2]) <= 167) {
    const west = Number(posix[2]) * 3600 + Number(posix[3] ?? 0) * 60 + Number(posix[4] ?? 0);
    return fixedOffsetZone(name, posix[1] === '-' ? west : -west);
  }
  // Intl accepts some non-zone spellings (offsets like "+05:00"); PostgreSQL would read those
  // as POSIX zones with the opposite sign, so only letters, '/', '_', '-', '+' digits after a
  // letter are passed through.
  if (!/^[A-Za-z][A-Za-z0-9/_+-]*$/.test(name)) return undefined;
  return intlZone(name);
}

/**
 * DetermineTimeZoneOffset: the offset (seconds east) that applies to a local wall-clock time.
 * In a spring-forward gap PostgreSQL uses the offset from before the transition, and for an
 * ambiguous fall-back time the one from after it; both are the smaller (more western) offset.
 * `local` is microseconds since 2000-01-01 on the local clock.
 */
export function localOffset(zone: TimeZone, local: bigint): number {
  const day = 86400n * USECS_PER_SEC;
  const before = zone.offsetAtUtc(local - day);
  const after = zone.offsetAtUtc(local + day);
  const valid = [before, after].filter((o) => zone.offsetAtUtc(local - BigInt(o) * USECS_PER_SEC) === o);
  if (valid.length === 0) {
    // Offsets can change more than once in two days only in odd historical cases: fall back to
    // whatever offset applies at the local time read as UTC.
    const guess = zone.offsetAtUtc(local);
    const real = zone.offsetAtUtc(local - BigInt(guess) * USECS_PER_SEC);
    return real === guess ? guess : Math.min(before, after);
  }
  return Math.min(...valid);
}

/** Converts a local wall-clock time to UTC (µs since 2000-01-01). */
export function localToUtc(zone: TimeZone, local: bigint): bigint {
  return local - BigInt(localOffset(zone, local)) * USECS_PER_SEC;
}

/** Converts UTC to local wall-clock time in the zone, returning the offset used too. */
export function utcToLocal(zone: TimeZone, utc: bigint): { local: bigint; offset: number } {
  const offset = zone.offsetAtUtc(utc);
  return { local: utc + BigInt(offset) * USECS_PER_SEC, offset };
}
