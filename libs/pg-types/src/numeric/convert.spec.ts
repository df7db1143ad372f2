import { expectSqlError } from '../testing/expect-sql-error';
import {
  numericFromFloat4, numericFromFloat8, numericFromInt, numericToFloat4, numericToFloat8, numericToInt2, numericToInt4,
  numericToInt8,
} from './convert';
import { applyNumericTypmod } from './typmod';

describe('numeric casts (outputs taken from PostgreSQL 15)', () => {
  it('float -> numeric goes through %.15g / %.6g', () => {
    expect(numericFromFloat8(0.1)).toBe('0.1');
    expect(numericFromFloat8(1 / 3)).toBe('0.333333333333333');
    expect(numericFromFloat8(1e20)).toBe('100000000000000000000');
    expect(numericFromFloat8(123456789012345678)).toBe('123456789012346000');
    expect(numericFromFloat8(1.5e-7)).toBe('0.00000015');
    expect(numericFromFloat8(100)).toBe('100');
    expect(numericFromFloat8(NaN)).toBe('NaN');
    expect(numericFromFloat8(-Infinity)).toBe('-Infinity');
    expect(numericFromFloat4(0.1)).toBe('0.1');
    expect(numericFromInt(-42n)).toBe('-42');
  });

  it('numeric -> integer rounds half away from zero and range-checks', () => {
    expect(numericToInt4('2.5')).toBe(3);
    expect(numericToInt4('-2.5')).toBe(-3);
    expect(numericToInt8('9223372036854775807')).toBe(9223372036854775807n);
    expectSqlError(() => numericToInt2('32767.5'), '22003', 'smallint out of range');
    expectSqlError(() => numericToInt4('NaN'), '0A000', 'cannot convert NaN to integer');
    expectSqlError(() => numericToInt8('Infinity'), '0A000', 'cannot convert infinity to bigint');
  });

  it('numeric -> float rejects overflow and underflow like float8in', () => {
    expect(numericToFloat8('0.1')).toBe(0.1);
    expect(numericToFloat4('0.1')).toBe(Math.fround(0.1));
    expect(numericToFloat8('-Infinity')).toBe(-Infinity);
    expectSqlError(() => numericToFloat8('1e400'), '22003', `"1${'0'.repeat(400)}" is out of range for type double precision`);
    expectSqlError(() => numericToFloat8('1e-400'), '22003', `"0.${'0'.repeat(399)}1" is out of range for type double precision`);
  });
});

describe('numeric(p, s) typmod', () => {
  it.each([
    ['123.456', 5, 2, '123.46'],
    ['123.455', 5, 2, '123.46'],
    ['12345', 3, -2, '12300'],
    ['0.05', 2, 3, '0.050'],
    ['NaN', 3, 1, 'NaN'],
    ['-0.004', 3, 2, '0.00'],
  ])('%s::numeric(%d,%d) = %s', (v, p, s, out) => {
    expect(applyNumericTypmod(v, p, s)).toBe(out);
  });

  it('overflows with PostgreSQL\'s detail', () => {
    const err = (v: string, p: number, s: number): unknown => {
      try {
        applyNumericTypmod(v, p, s);
      } catch (e) {
        return { code: (e as { sqlstate: string }).sqlstate, msg: (e as Error).message, detail: (e as { detail: string }).detail };
      }
      return undefined;
    };
    const at = (d: string) => ({ code: '22003', msg: 'numeric field overflow', detail: d });
    expect(err('999.995', 5, 2)).toEqual(at('A field with precision 5, scale 2 must round to an absolute value less than 10^3.'));
    expect(err('Infinity', 5, 2)).toEqual(at('A field with precision 5, scale 2 cannot hold an infinite value.'));
    expect(err('123456', 3, -2)).toEqual(at('A field with precision 3, scale -2 must round to an absolute value less than 10^5.'));
    expect(err('0.15', 2, 3)).toEqual(at('A field with precision 2, scale 3 must round to an absolute value less than 10^-1.'));
    expect(err('0.9995', 3, 3)).toEqual(at('A field with precision 3, scale 3 must round to an absolute value less than 1.'));
  });
});
