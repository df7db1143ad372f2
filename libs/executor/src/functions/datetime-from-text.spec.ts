// to_date / to_timestamp / to_number against PostgreSQL 15 results (same calls run there).
import { fixedOffsetZone } from '@vecgres/pg-types';
import { callFn as call, callRaw } from '../testing/function-call';
import { DATETIME_FROM_TEXT_FUNCTIONS as F } from './datetime-from-text';

describe('to_date', () => {
  it.each([
    ['07/05/2024', 'DD/MM/YYYY', '2024-05-07'],
    ['2024-Mar-5', 'YYYY-Mon-DD', '2024-03-05'],
    ['05 March 2024', 'DD Month YYYY', '2024-03-05'],
    ['24-1-2', 'YY-MM-DD', '2024-01-02'],
    ['20240315', 'YYYYMMDD', '2024-03-15'],
  ])('to_date(%s, %s) = %s', (input, template, expected) => {
    expect(call(F, 'to_date', [`text:${input}`, `text:${template}`], 'date')).toBe(expected);
  });

  it('rejects impossible fields with 22008', () => {
    expect(() => callRaw(F, 'to_date', ['text:2024-13-01', 'text:YYYY-MM-DD'])).toThrow(expect.objectContaining({ sqlstate: '22008', message: 'date/time field value out of range: "2024-13-01"' }));
  });
});

describe('to_timestamp', () => {
  it('reads 12-hour clocks, fractions and zone offsets', () => {
    expect(call(F, 'to_timestamp', ['text:2024-01-15 01:45:30 PM', 'text:YYYY-MM-DD HH:MI:SS AM'], 'timestamptz')).toBe('2024-01-15 13:45:30+00');
    expect(call(F, 'to_timestamp', ['text:2024-01-15 13:45:30.25', 'text:YYYY-MM-DD HH24:MI:SS.MS'], 'timestamptz')).toBe('2024-01-15 13:45:30.25+00');
    expect(call(F, 'to_timestamp', ['text:2024-01-15 13:45 +02', 'text:YYYY-MM-DD HH24:MI TZH'], 'timestamptz')).toBe('2024-01-15 11:45:00+00');
  });

  it('reads local fields in the session zone', () => {
    const zone = fixedOffsetZone('+03', 3 * 3600);
    expect(call(F, 'to_timestamp', ['text:2024-01-15 13:00', 'text:YYYY-MM-DD HH24:MI'], 'timestamptz', { timeZone: zone })).toBe('2024-01-15 13:00:00+03');
  });

  it('rejects hour 13 on the 12-hour clock', () => {
    expect(() => callRaw(F, 'to_timestamp', ['text:13:00 PM', 'text:HH:MI AM'])).toThrow(expect.objectContaining({ sqlstate: '22007', message: 'hour "13" is invalid for the 12-hour clock' }));
  });
});

describe('to_number', () => {
  it.each([
    ['1,234.50', '9,999.99', '1234.50'],
    ['-12.3456', '99.99', '-12.34'],
    ['12,454.8-', '99G999D9S', '-12454.8'],
    ['  42', '999', '42'],
  ])('to_number(%s, %s) = %s', (input, template, expected) => {
    expect(callRaw(F, 'numeric_to_number', [`text:${input}`, `text:${template}`])).toBe(expected);
  });
});
