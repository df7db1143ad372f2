import { parseSelect, setupParser } from '../testing/parse-helpers';

beforeAll(setupParser);

const groupOf = (sql: string) => {
  const q = parseSelect(sql);
  return { n: q.groupBy.length, sets: q.groupingSets };
};

describe('GROUP BY grouping sets', () => {
  it('expands ROLLUP, CUBE and GROUPING SETS into index lists', () => {
    expect(groupOf('SELECT 1 FROM t GROUP BY ROLLUP (a, b)')).toEqual({ n: 2, sets: [[0, 1], [0], []] });
    expect(groupOf('SELECT 1 FROM t GROUP BY CUBE (a, b)')).toEqual({ n: 2, sets: [[0, 1], [0], [1], []] });
    expect(groupOf('SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), (c), ())')).toEqual({ n: 3, sets: [[0, 1], [2], []] });
  });

  it('crosses plain items with grouping sets and leaves plain GROUP BY alone', () => {
    expect(groupOf('SELECT 1 FROM t GROUP BY a, ROLLUP (b)')).toEqual({ n: 2, sets: [[0, 1], [0]] });
    expect(groupOf('SELECT 1 FROM t GROUP BY a, b')).toEqual({ n: 2, sets: undefined });
  });
});
