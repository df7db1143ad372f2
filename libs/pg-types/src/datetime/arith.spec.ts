// Expected values are PostgreSQL 15.18's answers with TimeZone 'America/New_York'.
import { parseDate } from '../codecs/date';
import { parseInterval } from '../codecs/interval';
import { parseTimestamp, parseTimestamptz } from '../codecs/timestamp';
import { pgResult } from '../testing/pg-result';
import {
  addIntervals, compareIntervals, datePlusDays, dateToTimestamptz, divideInterval, multiplyInterval, subtractDates,
  subtractTimestamps, timestampPlusInterval, timestampToDate, timestampToTimestamptz, timestamptzPlusInterval,
  timestamptzToTimestamp,
} from './arith';
import { formatDate, formatTimestamp, formatTimestamptz } from './format';
import { formatInterval } from './format-interval';
import { createTimeZone } from './time-zone';

const NY = createTimeZone('America/New_York')!;
const ctx = { timeZone: NY };
const tz = (s: string): bigint => parseTimestamptz(s, ctx);

const OPS: Record<string, (a: string, b: string) => string> = {
  'ts+iv': (a, b) => formatTimestamp(timestampPlusInterval(parseTimestamp(a), parseInterval(b))),
  'tz+iv': (a, b) => formatTimestamptz(timestamptzPlusInterval(tz(a), parseInterval(b), NY), NY),
  'ts-ts': (a, b) => formatInterval(subtractTimestamps(parseTimestamp(a), parseTimestamp(b))),
  'iv*f': (a, b) => formatInterval(multiplyInterval(parseInterval(a), Number(b))),
  'iv/f': (a, b) => formatInterval(divideInterval(parseInterval(a), Number(b))),
  'iv+iv': (a, b) => formatInterval(addIntervals(parseInterval(a), parseInterval(b))),
  'd+i': (a, b) => formatDate(datePlusDays(parseDate(a), Number(b))),
  'd-d': (a, b) => String(subtractDates(parseDate(a), parseDate(b))),
  d2tz: (a) => formatTimestamptz(dateToTimestamptz(parseDate(a), NY), NY),
  tz2ts: (a) => formatTimestamp(timestamptzToTimestamp(tz(a), NY)),
  ts2tz: (a) => formatTimestamptz(timestampToTimestamptz(parseTimestamp(a), NY), NY),
  ts2d: (a) => formatDate(timestampToDate(parseTimestamp(a))),
};

const CASES: ReadonlyArray<readonly [string, string, string, string]> = [
  ["ts+iv", "2024-01-31 10:00", "1 mon", "2024-02-29 10:00:00"],
  ["ts+iv", "2024-01-31 10:00", "1 mon 1 day", "2024-03-01 10:00:00"],
  ["ts+iv", "2023-02-28 23:00", "1 year 1 day 02:00", "2024-03-01 01:00:00"],
  ["ts+iv", "2024-02-29", "-1 year", "2023-02-28 00:00:00"],
  ["ts+iv", "2024-03-31", "-1 mon", "2024-02-29 00:00:00"],
  ["ts+iv", "2024-01-01", "-13 mons -1 day -00:00:01", "2022-11-29 23:59:59"],
  ["ts+iv", "infinity", "1 day", "infinity"],
  ["ts+iv", "294276-12-31", "1 day", "ERR 22008 timestamp out of range"],
  ["tz+iv", "2024-03-09 12:00-05", "1 day", "2024-03-10 12:00:00-04"],
  ["tz+iv", "2024-03-09 12:00-05", "24 hours", "2024-03-10 13:00:00-04"],
  ["tz+iv", "2024-11-02 01:30-04", "1 day", "2024-11-03 01:30:00-05"],
  ["tz+iv", "2024-01-31 12:00+00", "1 mon", "2024-02-29 07:00:00-05"],
  ["tz+iv", "2024-03-10 02:30-05", "-1 day", "2024-03-09 03:30:00-05"],
  ["ts-ts", "2024-03-01", "2024-01-01 12:00", "59 days 12:00:00"],
  ["ts-ts", "2024-01-01", "2024-03-01 12:00", "-60 days -12:00:00"],
  ["ts-ts", "2024-01-01 00:00:00.5", "2024-01-01", "00:00:00.5"],
  ["ts-ts", "2024-01-02 01:00", "2024-01-01 02:00", "23:00:00"],
  ["ts-ts", "infinity", "2024-01-01", "ERR 22008 cannot subtract infinite timestamps"],
  ["iv*f", "1 mon", "0.5", "15 days"],
  ["iv*f", "1 mon 1 day", "1.5", "1 mon 16 days 12:00:00"],
  ["iv*f", "1 day", "0.3333", "07:59:57.12"],
  ["iv*f", "01:00:00", "2.5", "02:30:00"],
  ["iv*f", "1 year 2 mons 3 days 04:05:06", "-0.7", "-9 mons -26 days -05:15:34.2"],
  ["iv*f", "1 mon", "3.14159", "3 mons 4 days 05:56:41.28"],
  ["iv/f", "1 mon", "3", "10 days"],
  ["iv/f", "1 day", "7", "03:25:42.857143"],
  ["iv/f", "1 year", "0", "ERR 22012 division by zero"],
  ["iv/f", "10:00", "3", "03:20:00"],
  ["iv+iv", "1 mon 2 days", "-3 days 04:00", "1 mon -1 days +04:00:00"],
  ["d+i", "2024-02-28", "2", "2024-03-01"],
  ["d-d", "2024-03-01", "2024-02-01", "29"],
  ["d-d", "infinity", "2024-02-01", "ERR 22008 cannot subtract infinite dates"],
  ["d2tz", "2024-07-01", "", "2024-07-01 00:00:00-04"],
  ["tz2ts", "2024-07-01 12:00+00", "", "2024-07-01 08:00:00"],
  ["ts2tz", "2024-03-10 02:30", "", "2024-03-10 03:30:00-04"],
  ["ts2d", "1999-12-31 23:59:59.999", "", "1999-12-31"],
];

describe('date/time arithmetic matches PostgreSQL', () => {
  it.each(CASES)('%s %j %j -> %s', (op, a, b, expected) => {
    expect(pgResult(() => OPS[op]!(a, b))).toBe(expected);
  });

  it('orders intervals by their 30-day-month length', () => {
    expect(compareIntervals(parseInterval('1 mon'), parseInterval('30 days'))).toBe(0);
    expect(compareIntervals(parseInterval('1 day'), parseInterval('23:59:59'))).toBe(1);
    expect(compareIntervals(parseInterval('-1 year'), parseInterval('1 sec'))).toBe(-1);
  });
});
