import { INTERVAL_CASES } from '../testing/fixtures/interval-cases';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgResult } from '../testing/pg-result';
import type { IntervalStyle } from '../datetime/settings';
import { decodeIntervalBinary, encodeIntervalBinary, intervalCodec, parseInterval } from './interval';

const STYLES: IntervalStyle[] = ['postgres', 'postgres_verbose', 'sql_standard', 'iso_8601'];

describe.each(STYLES.map((s, i) => [s, i + 1] as const))('interval text I/O in IntervalStyle %s', (style, col) => {
  it.each(INTERVAL_CASES.map((c) => [c[0], c[col]]))('%j -> %s', (input, expected) => {
    const o = { intervalStyle: style };
    expect(pgResult(() => intervalCodec.toText(intervalCodec.fromText(input!, o), o))).toBe(expected);
  });
});

describe('interval value model', () => {
  it('keeps months, days and microseconds apart', () => {
    expect(parseInterval('1 year 2 mons 3 days 04:05:06.5')).toEqual({ months: 14, days: 3, micros: 14_706_500_000n });
    expect(parseInterval('-1 days +02:00:00')).toEqual({ months: 0, days: -1, micros: 7_200_000_000n });
    expect(parseInterval('@ 1 hour ago')).toEqual({ months: 0, days: 0, micros: -3_600_000_000n });
    expect(parseInterval('1.5 months')).toEqual({ months: 1, days: 15, micros: 0n });
  });

  it('reports total-month overflow as interval out of range', () => {
    expectSqlError(() => parseInterval('2147483647 years'), '22008', 'interval out of range');
  });
});

describe('interval binary (interval_send / interval_recv)', () => {
  it('is int64 micros, int32 days, int32 months', () => {
    const v = parseInterval('1 year 2 mons 3 days 04:05:06.5');
    const b = encodeIntervalBinary(v);
    expect(b.toString('hex')).toBe('000000036c9361a0000000030000000e');
    expect(decodeIntervalBinary(b)).toEqual(v);
  });

  it('rejects a wrong length', () => {
    expectSqlError(() => decodeIntervalBinary(Buffer.alloc(12)), '22P03', 'incorrect binary data format');
  });
});
