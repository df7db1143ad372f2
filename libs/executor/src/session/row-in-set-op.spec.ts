// Row-valued IN / NOT IN over a subquery, untyped literals in UNION leaves, ORDER BY of a set
// operation naming a table, and `text || bool`. Expectations are PostgreSQL 15's.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE o (id int, customer text)');
  await run(s, "INSERT INTO o VALUES (1, 'ann'), (2, 'ann'), (3, NULL)");
});
afterAll(async () => { await h.close(); });

describe('(a, b) IN (SELECT x, y ...)', () => {
  it('is true on a matching row, false on none or an empty subquery', async () => {
    expect(await rows(s, "SELECT (1, 'ann') IN (SELECT id, customer FROM o)")).toEqual([[true]]);
    expect(await rows(s, "SELECT (2, 'bob') IN (SELECT id, customer FROM o WHERE id < 3)")).toEqual([[false]]);
    expect(await rows(s, "SELECT (1, 'ann') IN (SELECT id, customer FROM o WHERE false)")).toEqual([[false]]);
  });

  it('is NULL when no row matches but a comparison is NULL', async () => {
    expect(await rows(s, "SELECT (3, 'x') IN (SELECT id, customer FROM o)")).toEqual([[null]]);
    expect(await rows(s, "SELECT (4, 'x') IN (SELECT id, customer FROM o)")).toEqual([[false]]);
  });

  it('needs as many subquery columns as row values (42601)', async () => {
    expect(await failure(s, 'SELECT (1, 2) IN (SELECT 1)')).toMatchObject({ sqlstate: '42601', message: 'subquery has too few columns' });
    expect(await failure(s, 'SELECT (1, 2) IN (SELECT 1, 2, 3)')).toMatchObject({ sqlstate: '42601', message: 'subquery has too many columns' });
  });

  it('negates for NOT IN and reads outer columns', async () => {
    expect(await rows(s, "SELECT (1, 'bob') NOT IN (SELECT id, customer FROM o WHERE id < 3)")).toEqual([[true]]);
    expect(await rows(s, 'SELECT id FROM o WHERE (id, customer) IN (SELECT id, customer FROM o WHERE id > 1) ORDER BY id')).toEqual([[2]]);
  });
});

describe('set operations', () => {
  it('resolves an untyped literal leaf to the other side type', async () => {
    expect(await rows(s, "SELECT 1 UNION SELECT '2' ORDER BY 1")).toEqual([[1], [2]]);
    expect((await failure(s, "SELECT 1 UNION SELECT 'a'")).sqlstate).toBe('22P02');
    expect((await failure(s, "SELECT 1 UNION SELECT 'a'::text")).sqlstate).toBe('42804');
  });

  it('refuses ORDER BY naming a table (42P01)', async () => {
    expect(await failure(s, 'SELECT id FROM o UNION SELECT id FROM o ORDER BY o.id')).toMatchObject({
      sqlstate: '42P01', message: 'missing FROM-clause entry for table "o"',
    });
  });
});

it('text || bool casts the boolean to text (true, not t)', async () => {
  expect(await rows(s, "SELECT 'a' || 1 || true, false || 'b'")).toEqual([['a1true', 'falseb']]);
});
