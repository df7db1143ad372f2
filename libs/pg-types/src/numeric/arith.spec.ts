import { NUMERIC_ARITH_CASES } from '../testing/fixtures/numeric-cases';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgResult } from '../testing/pg-result';
import { numericAdd, numericCompare, numericDiv, numericDivTrunc, numericMod, numericMul, numericSub } from './arith';

describe('numeric + - * / % match PostgreSQL (values and display scales)', () => {
  it.each(NUMERIC_ARITH_CASES)('%s op %s', (a, b, add, sub, mul, div, mod) => {
    expect(pgResult(() => numericAdd(a, b))).toBe(add);
    expect(pgResult(() => numericSub(a, b))).toBe(sub);
    expect(pgResult(() => numericMul(a, b))).toBe(mul);
    expect(pgResult(() => numericDiv(a, b))).toBe(div);
    expect(pgResult(() => numericMod(a, b))).toBe(mod);
  });

  it('keeps the operands\' display scale', () => {
    expect(numericAdd('1.50', '1')).toBe('2.50');
    expect(numericMul('1.50', '2.0')).toBe('3.000');
    expect(numericDiv('1', '3')).toBe('0.33333333333333333333');
    expect(numericDiv('10', '4')).toBe('2.5000000000000000');
    expect(numericDivTrunc('-7', '2')).toBe('-3');
  });

  it('raises 22012 for division by zero', () => {
    expectSqlError(() => numericDiv('1', '0'), '22012', 'division by zero');
    expectSqlError(() => numericMod('1', '0.0'), '22012', 'division by zero');
  });

  it('orders NaN above Infinity and equal to itself', () => {
    const sorted = ['NaN', '1', '-Infinity', '1.0', 'Infinity', '-2'].sort(numericCompare);
    expect(sorted).toEqual(['-Infinity', '-2', '1', '1.0', 'Infinity', 'NaN']);
    expect(numericCompare('1.0', '1')).toBe(0);
    expect(numericCompare('NaN', 'NaN')).toBe(0);
  });
});
