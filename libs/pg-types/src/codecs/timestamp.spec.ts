import { DATETIME_INPUT_CASES } from '../testing/fixtures/datetime-cases';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgBinaryParse } from '../testing/pg-types-oracle';
import { pgResult } from '../testing/pg-result';
import { createTimeZone } from '../datetime/time-zone';
import {
  decodeTimestampBinary, encodeTimestampBinary, parseTimestamp, parseTimestamptz, roundTimestampPrecision,
  timestampCodec, timestamptzCodec,
} from './timestamp';

const NY = { timeZone: createTimeZone('America/New_York')! };

describe('timestamp text I/O matches PostgreSQL', () => {
  it.each(DATETIME_INPUT_CASES.map((c) => [c[0], c[2]]))('%j -> %s', (input, expected) => {
    expect(pgResult(() => timestampCodec.toText(timestampCodec.fromText(input, NY)))).toBe(expected);
  });
});

describe('timestamptz text I/O matches PostgreSQL (TimeZone America/New_York)', () => {
  it.each(DATETIME_INPUT_CASES.map((c) => [c[0], c[3]]))('%j -> %s', (input, expected) => {
    expect(pgResult(() => timestamptzCodec.toText(timestamptzCodec.fromText(input, NY), NY))).toBe(expected);
  });

  it('prints in the session zone, including LMT offsets with seconds', () => {
    const ts = parseTimestamptz('2024-07-01 12:00:00+00');
    expect(timestamptzCodec.toText(ts)).toBe('2024-07-01 12:00:00+00');
    expect(timestamptzCodec.toText(ts, { timeZone: 'Asia/Kolkata' })).toBe('2024-07-01 17:30:00+05:30');
    expect(timestamptzCodec.toText(ts, NY)).toBe('2024-07-01 08:00:00-04');
    expect(timestamptzCodec.toText(parseTimestamptz('1900-01-01 00:00:00+00'), { timeZone: 'Europe/Paris' }))
      .toBe('1900-01-01 00:09:21+00:09:21');
  });
});

describe('timestamp value model', () => {
  it('is microseconds since 2000-01-01 with INT64 infinities', () => {
    expect(parseTimestamp('2000-01-01 00:00:00')).toBe(0n);
    expect(parseTimestamp('2000-01-01 00:00:01.5')).toBe(1_500_000n);
    expect(parseTimestamp('1999-12-31 23:59:59')).toBe(-1_000_000n);
    expect(parseTimestamp('epoch')).toBe(-946684800000000n);
    expect(parseTimestamp('infinity')).toBe(9223372036854775807n);
    expect(parseTimestamp('-infinity')).toBe(-9223372036854775808n);
    expect(parseTimestamptz('2000-01-01 00:00:00+01')).toBe(-3_600_000_000n);
  });

  it("reads 'now' as the transaction start and 'today' as local midnight", () => {
    const now = parseTimestamptz('2024-03-10 03:04:05.5+00');
    expect(parseTimestamptz('now', { now })).toBe(now);
    expect(timestampCodec.toText(parseTimestamp('now', { now, ...NY }))).toBe('2024-03-09 22:04:05.5');
    expect(timestamptzCodec.toText(parseTimestamptz('today', { now, ...NY }), NY)).toBe('2024-03-09 00:00:00-05');
    expect(timestamptzCodec.toText(parseTimestamptz('tomorrow', { now }))).toBe('2024-03-11 00:00:00+00');
  });

  it('rounds to a typmod precision half away from zero', () => {
    expect(roundTimestampPrecision(1_234_567n, 3)).toBe(1_235_000n);
    expect(roundTimestampPrecision(-1_234_500n, 3)).toBe(-1_235_000n);
    expect(roundTimestampPrecision(1_499_999n, 0)).toBe(1_000_000n);
    expect(roundTimestampPrecision(9223372036854775807n, 0)).toBe(9223372036854775807n);
  });
});

describe('timestamp binary (timestamp_send / timestamp_recv)', () => {
  it('is the int64 itself', () => {
    const ts = parseTimestamp('2024-01-02 03:04:05.123456');
    const b = encodeTimestampBinary(ts);
    expect(b.toString('hex')).toBe('0002b0ec8517d580');
    expect(decodeTimestampBinary(b)).toBe(ts);
    expect(encodeTimestampBinary(parseTimestamp('infinity')).toString('hex')).toBe('7fffffffffffffff');
  });

  it('is what node-postgres decodes as the same instant', () => {
    const ts = parseTimestamptz('2024-01-02 03:04:05.123+00');
    expect((pgBinaryParse(1184, encodeTimestampBinary(ts)) as Date).toISOString()).toBe('2024-01-02T03:04:05.123Z');
  });

  it('rejects values outside the timestamp range', () => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(9223372036854775000n);
    expectSqlError(() => decodeTimestampBinary(b), '22008', 'timestamp out of range');
  });
});

describe('less common input forms (outputs from PostgreSQL 15)', () => {
  it.each([
    ['y2001m02d04', '2001-02-04 00:00:00'],
    ['y2001m02d04 h10mm30s5.5', '2001-02-04 10:30:05.5'],
    ['2001-02-04 h10 m30', '2001-02-04 10:30:00'],
    ['J2451187.5', '1999-01-08 12:00:00'],
    ['sept.00004y1', '0004-09-01 00:00:00'],
    ['324epoch', '1970-01-01 00:00:00'],
    ['2024-01-03 weds', '2024-01-03 00:00:00'],
    ['2024-01-01 1999', '2024-01-01 20:39:00'],
  ])('timestamp %j -> %s', (input, expected) => {
    expect(timestampCodec.toText(parseTimestamp(input))).toBe(expected);
  });

  it('reads POSIX-style zones ("abc+3" is three hours WEST)', () => {
    expect(timestamptzCodec.toText(parseTimestamptz('2021-10-04 08:52 abc+3'))).toBe('2021-10-04 11:52:00+00');
    expect(timestamptzCodec.toText(parseTimestamptz('2021-10-04 08:52 xy-16'))).toBe('2021-10-03 16:52:00+00');
  });

  it('rejects a day-of-week word in front of a dash date, as PostgreSQL does', () => {
    expectSqlError(() => parseTimestamp('wed 2024-01-03'), '22007', 'invalid input syntax for type timestamp: "wed 2024-01-03"');
  });
});
