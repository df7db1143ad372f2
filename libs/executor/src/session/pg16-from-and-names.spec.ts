// Two PostgreSQL 16 behaviours pgvector's README relies on: a FROM subquery without an alias
// (its re-ranking queries) and result column names of chained casts (`x::vector::real[]` is
// `float4`: FigureColname ranks a cast's type name weak, so the outer cast names it).
import { openHarness, failure, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;

beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE t (id int, x int)');
  await run(s, 'INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)');
});
afterAll(async () => { await h.close(); });

describe('FROM subquery without an alias', () => {
  it('runs, also twice in one FROM and as LATERAL', async () => {
    expect((await run(s, 'SELECT * FROM (SELECT id FROM t ORDER BY id DESC LIMIT 2) ORDER BY id')).rows).toEqual([[2], [3]]);
    expect((await run(s, 'SELECT count(*) FROM (SELECT 1 AS a), (SELECT 2 AS b)')).rows).toEqual([[1n]]);
    expect((await run(s, 'SELECT t.id, y FROM t, LATERAL (SELECT t.x + 1 AS y) ORDER BY t.id')).rows).toEqual([[1, 11], [2, 21], [3, 31]]);
  });

  it('cannot be referenced by any name', async () => {
    expect(await failure(s, 'SELECT unnamed_subquery.id FROM (SELECT id FROM t)')).toMatchObject({
      sqlstate: '42P01', message: 'missing FROM-clause entry for table "unnamed_subquery"',
    });
  });
});

describe('column names of casts', () => {
  it('an outer cast names a cast or a constant; a column or function name wins', async () => {
    const r = await run(s, "SELECT '1'::int::text, 1::int8, x::text, (x::int8)::text, count(*)::int, '{1}'::int[]::real[], CASE WHEN true THEN 1 END::text FROM t GROUP BY x LIMIT 1");
    expect(r.columns).toEqual(['text', 'int8', 'x', 'x', 'count', 'float4', 'text']);
  });
});
