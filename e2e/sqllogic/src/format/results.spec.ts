import { compareResults, formatValue, hashLine, normalize, resultLines, typeLettersOf } from './results';

describe('result text', () => {
  it('formats NULL, empty strings and control characters', () => {
    expect([null, '', 'a\tb', 'x\ny\r', 'back\\slash', ' '].map(formatValue)).toEqual([
      'NULL',
      '(empty)',
      'a\\tb',
      'x\\ny\\r',
      'back\\\\slash',
      ' ',
    ]);
  });

  it('maps type OIDs to letters', () => {
    expect(typeLettersOf([23, 20, 21, 26, 700, 701, 1700, 16, 25, 1043, 3802, 1082])).toBe('IIIIRRRBTTTT');
  });

  it('sorts rows or values by code unit, not locale', () => {
    expect(normalize(['b\t1', 'B\t2', 'a\t3'], 'rowsort')).toEqual(['B\t2', 'a\t3', 'b\t1']);
    expect(normalize(['b\t1', 'a\t3'], 'valuesort')).toEqual(['1', '3', 'a', 'b']);
    expect(normalize(['z', 'a'], 'nosort')).toEqual(['z', 'a']);
  });

  it('hashes like sqllogictest: md5 of each value plus a newline', () => {
    // printf '1\n2\n' | md5sum
    expect(hashLine(['1', '2'], 'nosort')).toBe('2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0');
    expect(hashLine(['1\t2'], 'rowsort')).toBe('2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0');
    expect(hashLine(['1', '2'], 'valuesort')).toBe('2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0');
  });

  describe('compareResults', () => {
    const rows = [['2', 'b'], ['1', null]];

    it('accepts equal results after the sort mode', () => {
      expect(compareResults(['1\tNULL', '2\tb'], rows, 'rowsort', 'IT', 'IT').ok).toBe(true);
      expect(compareResults(['2\tb', '1\tNULL'], rows, 'nosort', 'IT', 'IT').ok).toBe(true);
      expect(compareResults(['1\t2', 'NULL\tb'], rows, 'valuesort', 'IT', 'IT').ok).toBe(true);
    });

    it('rejects a different order under nosort', () => {
      const cmp = compareResults(['1\tNULL', '2\tb'], rows, 'nosort', 'IT', 'IT');
      expect(cmp).toMatchObject({ ok: false, reason: 'first difference at line 1' });
    });

    it('rejects a different value, a missing row and other column types', () => {
      expect(compareResults(['1\tNULL', '2\tc'], rows, 'rowsort', 'IT', 'IT').ok).toBe(false);
      expect(compareResults(['1\tNULL'], rows, 'rowsort', 'IT', 'IT').reason).toBe('expected 1 lines, got 2');
      expect(compareResults(['1\tNULL', '2\tb'], rows, 'rowsort', 'II', 'IT').reason).toMatch(/declares II, server returned IT/);
      expect(compareResults(['1', '2\tb'], rows, 'rowsort', 'IT', 'IT').reason).toBe('expected row 1 has 1 values for 2 columns');
    });

    it('does not confuse NULL with the empty string', () => {
      expect(compareResults(['(empty)'], [[null]], 'nosort', 'T', 'T').ok).toBe(false);
      expect(compareResults(['NULL'], [['']], 'nosort', 'T', 'T').ok).toBe(false);
      expect(compareResults(['(empty)'], [['']], 'nosort', 'T', 'T').ok).toBe(true);
    });

    it('compares against a hash line', () => {
      const line = resultLines(rows, 'rowsort', 2, true);
      expect(line).toHaveLength(1);
      expect(compareResults(line, rows, 'rowsort', 'IT', 'IT').ok).toBe(true);
      expect(compareResults(line, [['2', 'b'], ['1', 'x']], 'rowsort', 'IT', 'IT').ok).toBe(false);
    });
  });

  it('writes valuesort results regrouped per row', () => {
    expect(resultLines([['b', 'a'], ['d', 'c']], 'valuesort', 2, false)).toEqual(['a\tb', 'c\td']);
    expect(resultLines([['b', 'a'], ['d', 'c']], 'rowsort', 2, false)).toEqual(['b\ta', 'd\tc']);
  });
});
