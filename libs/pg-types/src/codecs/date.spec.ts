import { DATETIME_INPUT_CASES } from '../testing/fixtures/datetime-cases';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgResult } from '../testing/pg-result';
import { dateCodec, decodeDateBinary, encodeDateBinary, parseDate } from './date';

const NY = { timeZone: 'America/New_York' };

describe('date text I/O matches PostgreSQL', () => {
  it.each(DATETIME_INPUT_CASES.map((c) => [c[0], c[1]]))('%j -> %s', (input, expected) => {
    expect(pgResult(() => dateCodec.toText(dateCodec.fromText(input, NY)))).toBe(expected);
  });

  it.each(DATETIME_INPUT_CASES.map((c) => [c[0], c[4]]))('DMY: %j -> %s', (input, expected) => {
    expect(pgResult(() => dateCodec.toText(dateCodec.fromText(input, { ...NY, dateOrder: 'DMY' })))).toBe(expected);
  });

  it.each(DATETIME_INPUT_CASES.map((c) => [c[0], c[5]]))('YMD: %j -> %s', (input, expected) => {
    expect(pgResult(() => dateCodec.toText(dateCodec.fromText(input, { ...NY, dateOrder: 'YMD' })))).toBe(expected);
  });
});

describe('date value model', () => {
  it('counts days from 2000-01-01 and uses ±Infinity', () => {
    expect(parseDate('2000-01-01')).toBe(0);
    expect(parseDate('2000-01-02')).toBe(1);
    expect(parseDate('1999-12-31')).toBe(-1);
    expect(parseDate('epoch')).toBe(-10957);
    expect(parseDate('infinity')).toBe(Infinity);
    expect(parseDate('-infinity')).toBe(-Infinity);
  });

  it('reads today / tomorrow / yesterday from the transaction time in the session zone', () => {
    // 2024-03-10 03:00 UTC is still March 9th in New York.
    const now = (BigInt(parseDate('2024-03-10')) * 86400n + 3n * 3600n) * 1_000_000n;
    expect(dateCodec.toText(parseDate('today', { now }))).toBe('2024-03-10');
    expect(dateCodec.toText(parseDate('today', { now, timeZone: 'America/New_York' }))).toBe('2024-03-09');
    expect(dateCodec.toText(parseDate('tomorrow', { now }))).toBe('2024-03-11');
    expect(dateCodec.toText(parseDate('yesterday', { now }))).toBe('2024-03-09');
  });

  it('rejects unknown zone names with 22023', () => {
    expectSqlError(() => parseDate('2024-01-01 Mars/Olympus'), '22023', 'time zone "mars/olympus" not recognized');
  });
});

describe('date binary (date_send / date_recv)', () => {
  it.each([
    ['2024-01-02', '0000223f'],
    ['1970-01-01', 'ffffd533'],
    ['infinity', '7fffffff'],
    ['-infinity', '80000000'],
  ])('%s <-> %s', (text, hex) => {
    const days = parseDate(text);
    expect(encodeDateBinary(days).toString('hex')).toBe(hex);
    expect(decodeDateBinary(Buffer.from(hex, 'hex'))).toBe(days);
  });

  it('rejects out-of-range and short values', () => {
    const big = Buffer.alloc(4);
    big.writeInt32BE(2147483000);
    expectSqlError(() => decodeDateBinary(big), '22008', 'date out of range');
    expectSqlError(() => decodeDateBinary(Buffer.alloc(3)), '22P03', 'incorrect binary data format');
  });
});
