import { expectSqlError } from '../testing/expect-sql-error';
import { applyBpcharTypmod, applyVarcharTypmod, bpcharLength, bpcharToText, compareBpchar } from './char';

describe('character(n) and character varying(n)', () => {
  it('pads char(n) and truncates trailing spaces silently', () => {
    expect(applyBpcharTypmod('ab', 4)).toBe('ab  ');
    expect(applyBpcharTypmod('ab   ', 3)).toBe('ab ');
    expect(applyBpcharTypmod('ééé', 2, true)).toBe('éé');
    expect(applyBpcharTypmod('', 2)).toBe('  ');
  });

  it('rejects too-long values unless the cast is explicit', () => {
    expectSqlError(() => applyBpcharTypmod('abcd', 3), '22001', 'value too long for type character(3)');
    expect(applyBpcharTypmod('abcd', 2, true)).toBe('ab');
    expectSqlError(() => applyVarcharTypmod('abcd', 3), '22001', 'value too long for type character varying(3)');
    expect(applyVarcharTypmod('abc    ', 3)).toBe('abc');
    expect(applyVarcharTypmod('ab', 3)).toBe('ab');
  });

  it('ignores trailing spaces of bpchar when converting, measuring and comparing', () => {
    expect(bpcharToText('ab  ')).toBe('ab');
    expect(bpcharLength('ab  ')).toBe(2);
    expect(compareBpchar('ab  ', 'ab')).toBe(0);
    expect(compareBpchar('a', 'b')).toBeLessThan(0);
  });
});
