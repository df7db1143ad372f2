// The session settings that change date/time text I/O, carried by the codec options object
// (the Session owns one and passes it to every toText/fromText call). Defaults are
// PostgreSQL's: DateStyle 'ISO, MDY', IntervalStyle 'postgres', TimeZone UTC.
import { UNIX_TO_PG_EPOCH_DAYS } from './calendar';
import { UTC_ZONE, createTimeZone, type TimeZone } from './time-zone';

/** Field order for ambiguous numeric dates (the second part of DateStyle). */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';
export type IntervalStyle = 'postgres' | 'postgres_verbose' | 'sql_standard' | 'iso_8601';
/** DateStyle's output style (its first part). */
export type DateOutputStyle = 'ISO' | 'SQL' | 'Postgres' | 'German';

export interface DateTimeSettings {
  /** Session TimeZone: a TimeZone built once with createTimeZone (preferred), or a zone name. */
  timeZone?: TimeZone | string;
  /** DateStyle's field order: input of ambiguous dates, and SQL/Postgres date output. Default MDY. */
  dateOrder?: DateOrder;
  /**
   * DateStyle's output style for dates. Default ISO. Timestamps are printed in ISO whatever
   * the style (the non-ISO timestamp styles need zone abbreviations; not supported yet).
   */
  dateStyle?: DateOutputStyle;
  /** IntervalStyle for interval output. Default 'postgres'. */
  intervalStyle?: IntervalStyle;
  /**
   * The transaction start time (µs since 2000-01-01 UTC) that 'now', 'today', 'tomorrow' and
   * 'yesterday' read, as PostgreSQL's GetCurrentTransactionStartTimestamp. Default: the clock.
   */
  now?: bigint;
}

/** The session zone; an unknown zone name falls back to UTC (the SET command validates names). */
export function sessionZone(settings: DateTimeSettings | undefined): TimeZone {
  const tz = settings?.timeZone;
  if (tz === undefined) return UTC_ZONE;
  if (typeof tz !== 'string') return tz;
  return createTimeZone(tz) ?? UTC_ZONE;
}

/** The current timestamp in µs since 2000-01-01 UTC. */
export function currentTimestamp(settings: DateTimeSettings | undefined): bigint {
  if (settings?.now !== undefined) return settings.now;
  const unixMs = BigInt(Date.now());
  return unixMs * 1000n - BigInt(UNIX_TO_PG_EPOCH_DAYS) * 86_400_000_000n;
}
