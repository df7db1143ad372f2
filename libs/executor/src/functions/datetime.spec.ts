// Expected values are PostgreSQL 15.18's psql output for the same expressions (TimeZone UTC
// unless a case says America/New_York).
import { createTimeZone } from '@vecgres/pg-types';
import { callFn, callRaw, errorOf, show } from '../testing/function-call';
import { DATETIME_FUNCTIONS as T, DATETIME_SRFS } from './datetime';

const NY = createTimeZone('America/New_York')!;
const call = (impl: string, args: string[], type: string) => callFn(T, impl, args, type);
const callNY = (impl: string, args: string[], type: string) => callFn(T, impl, args, type, { timeZone: NY });

describe('date arithmetic', () => {
  it.each([
    ['date_pli', ['date:2024-01-31', 'int4:30'], 'date', '2024-03-01'],
    ['integer_pl_date', ['int4:30', 'date:2024-01-31'], 'date', '2024-03-01'],
    ['date_mii', ['date:2024-03-01', 'int4:1'], 'date', '2024-02-29'],
    ['date_mi', ['date:2024-03-01', 'date:2024-01-01'], 'int4', '60'],
    ['date_pl_interval', ['date:2024-01-31', 'interval:1 month'], 'timestamp', '2024-02-29 00:00:00'],
    ['date_mi_interval', ['date:2024-01-31', 'interval:1 month 1 hour'], 'timestamp', '2023-12-30 23:00:00'],
    ['datetime_timestamp', ['date:2024-01-31', 'time:10:30'], 'timestamp', '2024-01-31 10:30:00'],
    ['date_finite', ['date:infinity'], 'bool', 'f'],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(call(impl, args, type)).toBe(expected);
  });

  it('refuses to subtract infinite dates', () => {
    expect(errorOf(() => call('date_mi', ['date:infinity', 'date:2024-01-01'], 'int4'))).toBe('22008 cannot subtract infinite dates');
  });
});

describe('timestamp and interval arithmetic', () => {
  it.each([
    ['timestamp_pl_interval', ['timestamp:2024-01-31 10:00', 'interval:1 month 2 days 03:00'], 'timestamp', '2024-03-02 13:00:00'],
    ['timestamp_mi_interval', ['timestamp:2024-03-01 00:00', 'interval:1 day'], 'timestamp', '2024-02-29 00:00:00'],
    ['timestamp_mi', ['timestamp:2024-03-01 00:00', 'timestamp:2023-01-01 12:00'], 'interval', '424 days 12:00:00'],
    ['timestamp_pl_interval', ['timestamp:infinity', 'interval:1 day'], 'timestamp', 'infinity'],
    ['interval_mul', ['interval:1 day 2 hours', 'float8:2.5'], 'interval', '2 days 17:00:00'],
    ['mul_d_interval', ['float8:2', 'interval:1 month'], 'interval', '2 mons'],
    ['interval_div', ['interval:1 month', 'float8:3'], 'interval', '10 days'],
    ['interval_um', ['interval:1 year 2 days 00:00:01'], 'interval', '-1 years -2 days -00:00:01'],
    ['interval_pl', ['interval:1 day', 'interval:-25 hours'], 'interval', '1 day -25:00:00'],
    ['interval_mi', ['interval:1 day', 'interval:25 hours'], 'interval', '1 day -25:00:00'],
    ['interval_eq', ['interval:1 month', 'interval:30 days'], 'bool', 't'],
    ['interval_gt', ['interval:1 day', 'interval:23 hours'], 'bool', 't'],
    ['interval_lt', ['interval:1 day', 'interval:23 hours'], 'bool', 'f'],
    ['interval_justify_hours', ['interval:50 hours 10 minutes'], 'interval', '2 days 02:10:00'],
    ['interval_justify_hours', ['interval:-50 hours'], 'interval', '-2 days -02:00:00'],
    ['interval_justify_days', ['interval:65 days'], 'interval', '2 mons 5 days'],
    ['interval_justify_days', ['interval:1 month -65 days'], 'interval', '-1 mons -5 days'],
    ['interval_justify_interval', ['interval:1 mon -1 hour'], 'interval', '29 days 23:00:00'],
    ['interval_justify_interval', ['interval:-1 mon 40 days 25 hours'], 'interval', '11 days 01:00:00'],
    ['time_mi_time', ['time:10:00', 'time:12:30'], 'interval', '-02:30:00'],
    ['time_pl_interval', ['time:23:00', 'interval:2 hours'], 'time', '01:00:00'],
    ['time_mi_interval', ['time:01:00', 'interval:2 hours'], 'time', '23:00:00'],
    ['date_lt_timestamp', ['date:2024-01-01', 'timestamp:2024-01-01 00:00:01'], 'bool', 't'],
    ['date_eq_timestamp', ['date:2024-01-01', 'timestamp:2024-01-01'], 'bool', 't'],
    ['timestamp_gt_date', ['timestamp:2024-01-01 00:00:01', 'date:2024-01-01'], 'bool', 't'],
    ['timestamp_finite', ['timestamp:2024-01-01'], 'bool', 't'],
    ['interval_finite', ['interval:1 day'], 'bool', 't'],
    ['timestamp_age', ['timestamp:2024-03-31', 'timestamp:2024-02-29 12:00'], 'interval', '1 mon 1 day 12:00:00'],
    ['timestamp_age', ['timestamp:2001-04-10', 'timestamp:1957-06-13'], 'interval', '43 years 9 mons 27 days'],
    ['timestamp_age', ['timestamp:1957-06-13', 'timestamp:2001-04-10'], 'interval', '-43 years -9 mons -27 days'],
    ['timestamp_age', ['timestamp:2024-01-01', 'timestamp:2024-01-01'], 'interval', '00:00:00'],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(call(impl, args, type)).toBe(expected);
  });

  it.each([
    ['timestamp_mi', ['timestamp:infinity', 'timestamp:2023-01-01 12:00'], '22008 cannot subtract infinite timestamps'],
    ['interval_div', ['interval:1 day', 'float8:0'], '22012 division by zero'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args, 'interval'))).toBe(expected);
  });
});

describe('date_trunc, date_part and extract', () => {
  it.each([
    ['timestamp_trunc', ['text:month', 'timestamp:2024-02-15 10:11:12.5'], 'timestamp', '2024-02-01 00:00:00'],
    ['timestamp_trunc', ['text:week', 'timestamp:2024-01-03 10:11:12.5'], 'timestamp', '2024-01-01 00:00:00'],
    ['timestamp_trunc', ['text:quarter', 'timestamp:2024-08-15 10:11:12.5'], 'timestamp', '2024-07-01 00:00:00'],
    ['timestamp_trunc', ['text:decade', 'timestamp:2024-08-15 10:11:12.5'], 'timestamp', '2020-01-01 00:00:00'],
    ['timestamp_trunc', ['text:century', 'timestamp:2000-08-15'], 'timestamp', '1901-01-01 00:00:00'],
    ['timestamp_trunc', ['text:millennium', 'timestamp:2024-08-15'], 'timestamp', '2001-01-01 00:00:00'],
    ['timestamp_trunc', ['text:milliseconds', 'timestamp:2024-08-15 10:11:12.345678'], 'timestamp', '2024-08-15 10:11:12.345'],
    ['timestamp_trunc', ['text:HOUR', 'timestamp:infinity'], 'timestamp', 'infinity'],
    ['interval_trunc', ['text:hour', 'interval:2 days 03:45:12'], 'interval', '2 days 03:00:00'],
    ['interval_trunc', ['text:year', 'interval:15 months 3 days'], 'interval', '1 year'],
    ['timestamp_part', ['text:year', 'timestamp:2024-08-15'], 'float8', '2024'],
    ['date_part', ['text:dow', 'date:2024-08-15'], 'float8', '4'],
    ['time_part', ['text:hour', 'time:13:45:10.5'], 'float8', '13'],
    ['time_part', ['text:second', 'time:13:45:10.5'], 'float8', '10.5'],
    ['interval_part', ['text:epoch', 'interval:1 year 2 mons 3 days 04:05:06.5'], 'float8', '37015506.5'],
    ['extract_time', ['text:epoch', 'time:13:45:10.5'], 'numeric', '49510.500000'],
    ['extract_date', ['text:doy', 'date:2024-12-31'], 'numeric', '366'],
    ['extract_date', ['text:epoch', 'date:2024-01-01'], 'numeric', '1704067200'],
    ['extract_date', ['text:dow', 'date:2024-01-07'], 'numeric', '0'],
    ['extract_date', ['text:isodow', 'date:2024-01-07'], 'numeric', '7'],
    ['extract_date', ['text:week', 'date:2024-12-30'], 'numeric', '1'],
    ['extract_date', ['text:isoyear', 'date:2024-12-30'], 'numeric', '2025'],
    ['extract_date', ['text:year', 'date:infinity'], 'numeric', 'Infinity'],
    ['extract_date', ['text:month', 'date:infinity'], 'numeric', null],
    ['extract_timestamp', ['text:epoch', 'timestamp:2024-01-01 00:00:00.5'], 'numeric', '1704067200.500000'],
    ['extract_timestamp', ['text:second', 'timestamp:2024-01-01 00:00:05.25'], 'numeric', '5.250000'],
    ['extract_timestamp', ['text:millisecond', 'timestamp:2024-01-01 00:00:05.25'], 'numeric', '5250.000'],
    ['extract_timestamp', ['text:microseconds', 'timestamp:2024-01-01 00:00:05.25'], 'numeric', '5250000'],
    ['extract_timestamp', ['text:julian', 'timestamp:2024-01-01 12:00'], 'numeric', '2460311.50000000000000000000'],
    ['extract_timestamp', ['text:century', 'timestamp:2000-12-31'], 'numeric', '20'],
    ['extract_timestamp', ['text:millennium', 'timestamp:2001-01-01'], 'numeric', '3'],
    ['extract_timestamp', ['text:century', 'timestamp:0001-01-01 BC'], 'numeric', '-1'],
    ['extract_timestamp', ['text:decade', 'timestamp:0005-01-01 BC'], 'numeric', '-1'],
    ['extract_timestamp', ['text:year', 'timestamp:0005-01-01 BC'], 'numeric', '-5'],
    ['extract_timestamp', ['text:epoch', 'timestamp:infinity'], 'numeric', 'Infinity'],
    ['extract_timestamp', ['text:day', 'timestamp:infinity'], 'numeric', null],
    ['extract_interval', ['text:hour', 'interval:-25 hours 3 min'], 'numeric', '-24'],
    ['extract_interval', ['text:minute', 'interval:-25 hours 3 min'], 'numeric', '-57'],
    ['extract_interval', ['text:year', 'interval:-14 months'], 'numeric', '-1'],
    ['extract_interval', ['text:month', 'interval:-14 months'], 'numeric', '-2'],
    ['extract_interval', ['text:quarter', 'interval:5 mons'], 'numeric', '2'],
    ['extract_interval', ['text:epoch', 'interval:-1 year 1 day'], 'numeric', '-31471200.000000'],
    ['extract_interval', ['text:epoch', 'interval:1 month'], 'numeric', '2592000.000000'],
    ['extract_interval', ['text:millennium', 'interval:2500 years'], 'numeric', '2'],
    ['extract_timetz', ['text:timezone_hour', 'timetz:10:30:00+05:30'], 'numeric', '5'],
    ['extract_timetz', ['text:timezone_minute', 'timetz:10:30:00-05:30'], 'numeric', '-30'],
    ['extract_timetz', ['text:epoch', 'timetz:10:30:00+05:30'], 'numeric', '18000.000000'],
    ['timetz_part', ['text:timezone', 'timetz:10:30:00+05:30'], 'float8', '19800'],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(call(impl, args, type)).toBe(expected);
  });

  it.each([
    ['timestamp_trunc', ['text:foo', 'timestamp:2024-01-01'], '22023 unit "foo" not recognized for type timestamp without time zone'],
    ['timestamp_trunc', ['text:dow', 'timestamp:2024-01-01'], '22023 unit "dow" not recognized for type timestamp without time zone'],
    ['interval_trunc', ['text:week', 'interval:1 day'], '0A000 unit "week" not supported for type interval'],
    ['extract_date', ['text:hour', 'date:2024-01-01'], '0A000 unit "hour" not supported for type date'],
    ['extract_time', ['text:day', 'time:13:45'], '0A000 unit "day" not supported for type time without time zone'],
    ['extract_interval', ['text:dow', 'interval:1 day'], '0A000 unit "dow" not supported for type interval'],
    ['extract_timestamp', ['text:timezone', 'timestamp:2024-01-01'], '0A000 unit "timezone" not supported for type timestamp without time zone'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args, 'numeric'))).toBe(expected);
  });

  it('date_part(text, date) on a date has the timestamp semantics of PostgreSQL 15', () => {
    expect(call('date_part', ['text:hour', 'date:2024-01-01'], 'float8')).toBe('0');
  });

  it('explains why intervals have no week unit', () => {
    try {
      call('interval_trunc', ['text:week', 'interval:1 day'], 'interval');
      throw new Error('no error');
    } catch (e) {
      expect((e as { detail?: string }).detail).toBe('Months usually have fractional weeks.');
    }
  });
});

describe('timestamptz in the session zone (America/New_York)', () => {
  it.each([
    ['timestamptz_pl_interval', ['timestamptz:2024-03-09 12:00-05', 'interval:1 day'], 'timestamptz', '2024-03-10 12:00:00-04'],
    ['timestamptz_pl_interval', ['timestamptz:2024-03-09 12:00-05', 'interval:24 hours'], 'timestamptz', '2024-03-10 13:00:00-04'],
    ['timestamptz_mi_interval', ['timestamptz:2024-03-10 12:00-04', 'interval:1 day'], 'timestamptz', '2024-03-09 12:00:00-05'],
    ['timestamptz_trunc', ['text:day', 'timestamptz:2024-03-10 12:00-04'], 'timestamptz', '2024-03-10 00:00:00-05'],
    ['timestamptz_trunc', ['text:hour', 'timestamptz:2024-03-10 12:30-04'], 'timestamptz', '2024-03-10 12:00:00-04'],
    ['timestamptz_trunc_zone', ['text:day', 'timestamptz:2024-07-01 02:00+00', 'text:Asia/Tokyo'], 'timestamptz', '2024-06-30 11:00:00-04'],
    ['timestamptz_part', ['text:hour', 'timestamptz:2024-07-01 02:00+00'], 'float8', '22'],
    ['timestamptz_part', ['text:timezone_hour', 'timestamptz:2024-06-01 12:00'], 'float8', '-4'],
    ['extract_timestamptz', ['text:timezone', 'timestamptz:2024-07-01 02:00+00'], 'numeric', '-14400'],
    ['extract_timestamptz', ['text:epoch', 'timestamptz:2024-07-01 02:00+00'], 'numeric', '1719799200.000000'],
    ['timestamptz_date', ['timestamptz:2024-07-01 02:00+00'], 'date', '2024-06-30'],
    ['timestamptz_timestamp', ['timestamptz:2024-07-01 02:00+00'], 'timestamp', '2024-06-30 22:00:00'],
    ['timestamp_timestamptz', ['timestamp:2024-07-01 02:00'], 'timestamptz', '2024-07-01 02:00:00-04'],
    ['date_timestamptz', ['date:2024-07-01'], 'timestamptz', '2024-07-01 00:00:00-04'],
    ['date_eq_timestamptz', ['date:2024-07-01', 'timestamptz:2024-07-01 04:00+00'], 'bool', 't'],
    ['timestamp_lt_timestamptz', ['timestamp:2024-07-01 00:00', 'timestamptz:2024-07-01 03:59+00'], 'bool', 'f'],
    ['timestamptz_time', ['timestamptz:2024-07-01 02:00+00'], 'time', '22:00:00'],
    ['timestamptz_age', ['timestamptz:2024-03-31 00:00', 'timestamptz:2024-02-29 12:00'], 'interval', '1 mon 1 day 12:00:00'],
    ['make_timestamptz', ['int4:2024', 'int4:7', 'int4:1', 'int4:12', 'int4:0', 'float8:0'], 'timestamptz', '2024-07-01 12:00:00-04'],
    ['make_timestamptz_at_timezone', ['int4:2024', 'int4:7', 'int4:1', 'int4:12', 'int4:0', 'float8:0', 'text:Europe/Paris'], 'timestamptz', '2024-07-01 06:00:00-04'],
    ['timestamptz_to_char', ['timestamptz:2024-07-01 02:05:09.123456+00', 'text:YYYY-MM-DD HH24:MI:SS.MS.US TZ OF'], 'text', '2024-06-30 22:05:09.123.123456 EDT -04'],
    ['timestamptz_to_char', ['timestamptz:2024-01-01 02:05:09+00', 'text:Day, DD Month YYYY HH12:MI AM tz TZH:TZM'], 'text', 'Sunday   , 31 December  2023 09:05 PM est -05:00'],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(callNY(impl, args, type)).toBe(expected);
  });

  it('generate_series over timestamptz steps days on the local clock', () => {
    const rows = callRaw(DATETIME_SRFS, 'generate_series_timestamptz',
      ['timestamptz:2024-03-09 12:00-05', 'timestamptz:2024-03-11 12:00-04', 'interval:1 day'], { timeZone: NY }) as bigint[];
    expect(rows.map((r) => show('timestamptz', r, NY))).toEqual(['2024-03-09 12:00:00-05', '2024-03-10 12:00:00-04', '2024-03-11 12:00:00-04']);
  });
});

describe('constructors, zones and precision', () => {
  it.each([
    ['make_date', ['int4:2024', 'int4:2', 'int4:29'], 'date', '2024-02-29'],
    ['make_date', ['int4:-44', 'int4:3', 'int4:15'], 'date', '0044-03-15 BC'],
    ['make_timestamp', ['int4:2024', 'int4:2', 'int4:29', 'int4:23', 'int4:59', 'float8:59.999999'], 'timestamp', '2024-02-29 23:59:59.999999'],
    ['make_timestamp', ['int4:2024', 'int4:2', 'int4:29', 'int4:24', 'int4:0', 'float8:0'], 'timestamp', '2024-03-01 00:00:00'],
    ['make_timestamp', ['int4:-5', 'int4:1', 'int4:1', 'int4:0', 'int4:0', 'float8:0'], 'timestamp', '0005-01-01 00:00:00 BC'],
    ['make_time', ['int4:24', 'int4:0', 'float8:0'], 'time', '24:00:00'],
    ['make_interval', ['int4:1', 'int4:0', 'int4:0', 'int4:3', 'int4:0', 'int4:0', 'float8:1.25'], 'interval', '1 year 3 days 00:00:01.25'],
    ['make_interval', ['int4:0', 'int4:0', 'int4:-2', 'int4:0', 'int4:0', 'int4:0', 'float8:0'], 'interval', '-14 days'],
    ['float8_timestamptz', ['float8:0'], 'timestamptz', '1970-01-01 00:00:00+00'],
    ['float8_timestamptz', ['float8:1704067200.5'], 'timestamptz', '2024-01-01 00:00:00.5+00'],
    ['float8_timestamptz', ['float8:1.0000005'], 'timestamptz', '1970-01-01 00:00:01+00'],
    ['float8_timestamptz', ['float8:-infinity'], 'timestamptz', '-infinity'],
    ['timestamp_bin', ['interval:15 minutes', 'timestamp:2020-02-11 15:44:17', 'timestamp:2001-01-01'], 'timestamp', '2020-02-11 15:30:00'],
    ['timestamp_bin', ['interval:15 minutes', 'timestamp:2020-02-11 15:44:17', 'timestamp:2030-01-01 00:02'], 'timestamp', '2020-02-11 15:32:00'],
    ['timestamp_zone', ['text:America/New_York', 'timestamp:2024-01-01 10:00'], 'timestamptz', '2024-01-01 15:00:00+00'],
    ['timestamptz_zone', ['text:America/New_York', 'timestamptz:2024-07-01 10:00+00'], 'timestamp', '2024-07-01 06:00:00'],
    ['timestamptz_zone', ['text:EST', 'timestamptz:2024-07-01 10:00+00'], 'timestamp', '2024-07-01 05:00:00'],
    ['timestamptz_izone', ['interval:05:30', 'timestamptz:2024-07-01 10:00+00'], 'timestamp', '2024-07-01 15:30:00'],
    ['timestamp_izone', ['interval:05:30', 'timestamp:2024-07-01 10:00'], 'timestamptz', '2024-07-01 04:30:00+00'],
    ['timestamp_scale', ['timestamp:2024-01-01 12:34:56.789', 'int4:1'], 'timestamp', '2024-01-01 12:34:56.8'],
    ['timestamp_scale', ['timestamp:2024-01-01 12:34:56.789', 'int4:0'], 'timestamp', '2024-01-01 12:34:57'],
    ['interval_scale', ['interval:1 year 2 months 3 days 04:05:06.789', `int4:${(0x7fff << 16) | 1}`], 'interval', '1 year 2 mons 3 days 04:05:06.8'],
    ['interval_scale', ['interval:1 year 2 months 3 days 04:05:06.789', `int4:${(((1 << 3) | (1 << 10)) << 16) | 0xffff}`], 'interval', '1 year 2 mons 3 days 04:00:00'],
    ['interval_scale', ['interval:1 year 2 months 3 days 04:05:06.789', `int4:${((1 << 2) << 16) | 0xffff}`], 'interval', '1 year'],
    ['interval_scale', ['interval:1 year 2 months 3 days 04:05:06.789', `int4:${(((1 << 11) | (1 << 12)) << 16) | 0}`], 'interval', '1 year 2 mons 3 days 04:05:07'],
    ['timestamp_date', ['timestamp:2024-07-01 23:59'], 'date', '2024-07-01'],
    ['timestamp_to_char', ['timestamp:2024-07-04 15:05:09', 'text:FMDay, FMDD FMMonth YYYY "week" IW Q DDD D ID'], 'text', 'Thursday, 4 July 2024 week 27 3 186 5 4'],
    ['timestamp_to_char', ['timestamp:2024-07-04 15:05:09', 'text:DY Dy dy MON Mon mon MONTH month'], 'text', 'THU Thu thu JUL Jul jul JULY      july     '],
    ['timestamp_to_char', ['timestamp:2024-07-04 15:05:09', 'text:DDth DDTH FMDDth HH24th Y,YYY YYY YY Y CC J RM rm WW W SSSS'], 'text', '04th 04TH 4th 15th 2,024 024 24 4 21 2460496 VII  vii  27 1 54309'],
    ['timestamp_to_char', ['timestamp:0044-03-15 10:00:00 BC', 'text:YYYY BC AD B.C. a.d. CC'], 'text', '0044 BC BC B.C. b.c. -01'],
    ['timestamp_to_char', ['timestamp:2024-07-04 15:05:09', 'text:TZ OF "text \\" q" \\\\HH'], 'text', ' +00 text " q \\\\03'],
    ['timestamp_to_char', ['timestamp:2021-01-01 00:00', 'text:IYYY-IW-ID IDDD'], 'text', '2020-53-5 369'],
    ['timestamp_to_char', ['timestamp:2024-07-04 15:05:09.5', 'text:FF1 FF3 FF6 SSSSS HH12 PM p.m.'], 'text', '5 500 500000 54309 03 PM p.m.'],
    ['timestamp_to_char', ['timestamp:infinity', 'text:YYYY'], 'text', null],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(call(impl, args, type)).toBe(expected);
  });

  it.each([
    ['make_date', ['int4:2023', 'int4:2', 'int4:29'], '22008 date field value out of range: 2023-02-29'],
    ['make_date', ['int4:0', 'int4:2', 'int4:2'], '22008 date field value out of range: 0-02-02'],
    ['make_time', ['int4:25', 'int4:0', 'float8:0'], '22008 time field value out of range: 25:00:00'],
    ['make_time', ['int4:1', 'int4:2', 'float8:60.5'], '22008 time field value out of range: 1:02:60.5'],
    ['make_timestamp', ['int4:2024', 'int4:13', 'int4:1', 'int4:1', 'int4:2', 'float8:5.5'], '22008 date field value out of range: 2024-13-01'],
    ['make_timestamp', ['int4:2024', 'int4:2', 'int4:29', 'int4:24', 'int4:0', 'float8:1'], '22008 time field value out of range: 24:00:01'],
    ['make_interval', ['int4:0', 'int4:0', 'int4:0', 'int4:0', 'int4:0', 'int4:0', 'float8:NaN'], '22008 interval out of range'],
    ['float8_timestamptz', ['float8:NaN'], '22008 timestamp cannot be NaN'],
    ['float8_timestamptz', ['float8:1e20'], '22008 timestamp out of range: "1e+20"'],
    ['timestamp_bin', ['interval:1 month', 'timestamp:2020-02-11 15:44:17', 'timestamp:2001-01-01'], '0A000 timestamps cannot be binned into intervals containing months or years'],
    ['timestamp_bin', ['interval:0 minutes', 'timestamp:2020-02-11 15:44:17', 'timestamp:2001-01-01'], '22008 stride must be greater than zero'],
    ['timestamptz_zone', ['text:Mars/Olympus', 'timestamptz:2024-07-01 10:00+00'], '22023 time zone "Mars/Olympus" not recognized'],
    ['timestamptz_izone', ['interval:1 day', 'timestamptz:2024-07-01 10:00+00'], '22023 interval time zone "1 day" must not include months or days'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args, 'text'))).toBe(expected);
  });

  it('generate_series over timestamps accumulates month steps and rejects a zero step', () => {
    const rows = callRaw(DATETIME_SRFS, 'generate_series_timestamp',
      ['timestamp:2024-01-31', 'timestamp:2024-05-01', 'interval:1 month']) as bigint[];
    expect(rows.map((r) => show('timestamp', r))).toEqual(['2024-01-31 00:00:00', '2024-02-29 00:00:00', '2024-03-29 00:00:00', '2024-04-29 00:00:00']);
    const down = callRaw(DATETIME_SRFS, 'generate_series_timestamp', ['timestamp:2024-01-03', 'timestamp:2024-01-01', 'interval:-1 day']) as bigint[];
    expect(down.map((r) => show('timestamp', r))).toEqual(['2024-01-03 00:00:00', '2024-01-02 00:00:00', '2024-01-01 00:00:00']);
    expect(errorOf(() => callRaw(DATETIME_SRFS, 'generate_series_timestamp', ['timestamp:2024-01-03', 'timestamp:2024-01-01', 'interval:0 day'])))
      .toBe('22023 step size cannot equal zero');
  });
});

describe('the transaction clock', () => {
  const start = 777_000_000_000_000n; // 2024-08-15 01:20:00 UTC
  it('now(), statement_timestamp() and clock_timestamp() read the context', () => {
    const opts = { transactionStart: start, statementStart: start + 5n, clock: () => start + 9n };
    expect(callRaw(T, 'now', [], opts)).toBe(start);
    expect(callRaw(T, 'statement_timestamp', [], opts)).toBe(start + 5n);
    expect(callRaw(T, 'clock_timestamp', [], opts)).toBe(start + 9n);
    expect(show('timestamptz', callRaw(T, 'now', [], opts))).toBe('2024-08-15 01:20:00+00');
  });

  it('timeofday() prints the clock like PostgreSQL', () => {
    expect(callRaw(T, 'timeofday', [], { clock: () => 848_587_508_965_944n })).toBe('Sat Nov 21 14:45:08.965944 2026 UTC');
  });

  it('age(x) counts from midnight of the transaction day', () => {
    const r = callRaw(T, 'age', ['timestamp:2024-08-01 12:00'], { transactionStart: start });
    expect(show('interval', r)).toBe('13 days 12:00:00');
  });
});
