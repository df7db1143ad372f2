// GROUPING() over GROUP BY / ROLLUP / CUBE / GROUPING SETS. Expected values as PostgreSQL 15
// gives them for the same SQL.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from '../session/session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE g (a int, b int, c int)');
  await run(s, 'INSERT INTO g VALUES (1, 1, 1), (1, 2, 1), (2, 1, 2)');
});
afterAll(async () => { await h.close(); });

describe('GROUPING()', () => {
  it('sets one bit per argument, leftmost argument most significant', async () => {
    expect(await rows(s, 'SELECT a, grouping(a, b, c), grouping(c, a), grouping(b) FROM g GROUP BY cube(a, b), c ORDER BY 1, 2, 3, 4')).toEqual([
      [1, 0, 0, 0], [1, 0, 0, 0], [1, 2, 0, 1], [2, 0, 0, 0], [2, 2, 0, 1],
      [null, 4, 1, 0], [null, 4, 1, 0], [null, 4, 1, 0], [null, 6, 1, 1], [null, 6, 1, 1],
    ]);
  });

  it('works in HAVING and ORDER BY and is 0 under a plain GROUP BY', async () => {
    expect(await rows(s, 'SELECT a, b, grouping(a, b) g FROM g GROUP BY GROUPING SETS ((a), (b), ()) HAVING grouping(a, b) > 0 ORDER BY 3, 1, 2'))
      .toEqual([[1, null, 1], [2, null, 1], [null, 1, 2], [null, 2, 2], [null, null, 3]]);
    expect(await rows(s, 'SELECT a, grouping(a) FROM g GROUP BY a ORDER BY grouping(a), a')).toEqual([[1, 0], [2, 0]]);
    const r = await run(s, 'SELECT grouping(a) FROM g GROUP BY a LIMIT 1');
    expect(r.columns).toEqual(['grouping']);
  });

  it('tells a NULL group key from a rolled-up one', async () => {
    await run(s, 'CREATE TABLE gn (k int)');
    await run(s, 'INSERT INTO gn VALUES (NULL), (1)');
    expect(await rows(s, 'SELECT k, grouping(k), count(*) FROM gn GROUP BY ROLLUP (k) ORDER BY 2, 1')).toEqual([[1, 0, 1n], [null, 0, 1n], [null, 1, 2n]]);
  });

  it('rejects arguments that are not GROUP BY expressions (42803 at the argument)', async () => {
    expect(await failure(s, 'SELECT grouping(a) FROM g')).toEqual({
      sqlstate: '42803', message: 'arguments to GROUPING must be grouping expressions of the associated query level', position: 17,
    });
    expect((await failure(s, 'SELECT a, grouping(a + 1) FROM g GROUP BY rollup(a)')).position).toBe(20);
  });

  it('is not allowed in WHERE or inside an aggregate', async () => {
    expect(await failure(s, 'SELECT a FROM g WHERE grouping(a) = 0 GROUP BY a')).toEqual({
      sqlstate: '42803', message: 'grouping operations are not allowed in WHERE', position: 23,
    });
    expect(await failure(s, 'SELECT sum(grouping(a)) FROM g GROUP BY rollup(a)')).toEqual({
      sqlstate: '42803', message: 'aggregate function calls cannot be nested', position: 12,
    });
  });
});
