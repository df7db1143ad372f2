// to_char(number, text) against PostgreSQL 15 results (same calls run there).
import { numberToChar } from './number-to-char';

describe('to_char(numeric, text)', () => {
  it.each([
    ['1234567.891', '9,999,999.99', ' 1,234,567.89'],
    ['5', '000', ' 005'],
    ['-5', '999', '  -5'],
    ['0.5', '9.99', '  .50'],
    ['1.5', 'FM9.99', '1.5'],
    ['1', 'FM9.99', '1.'],
    ['12345', '999', ' ###'],
    ['-0.5', '0.9', '-0.5'],
    ['42', 'S999', ' +42'],
    ['-42', '999MI', ' 42-'],
    ['1234.5', '99G999D99', '  1,234.50'],
    ['-1234', 'FM9,999', '-1,234'],
    ['7', '099', ' 007'],
    ['12', '9990.00', '   12.00'],
    ['0', '999', '   0'],
  ])('to_char(%s, %s) = [%s]', (value, fmt, expected) => {
    expect(numberToChar(value, fmt)).toBe(expected);
  });
});
