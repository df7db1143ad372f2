// SELECT behaviour against literal expectations taken from PostgreSQL 15 (same SQL run there).
import { openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE t (a int, b text, c bigint)');
  await run(s, "INSERT INTO t VALUES (1, 'x', 10), (2, 'y', 20), (3, NULL, 30)");
  await run(s, 'CREATE TABLE u (id int, t_a int, name varchar(5))');
  await run(s, "INSERT INTO u VALUES (1, 1, 'one'), (2, 2, 'two'), (3, 2, 'dos'), (4, 9, 'nine')");
});
afterAll(async () => { await h.close(); });

describe('projection, filter, order, limit', () => {
  it('filters and orders with expressions', async () => {
    expect(await rows(s, 'SELECT a, b, c * 2 FROM t WHERE a > 1 ORDER BY a DESC')).toEqual([[3, null, 60n], [2, 'y', 40n]]);
  });

  it('names result columns like PostgreSQL', async () => {
    const r = await run(s, "SELECT a, c * 2, count(*) AS n, 'k'::varchar(2), lower(b), CASE WHEN a > 1 THEN 1 END FROM t GROUP BY a, c, b");
    expect(r.columns).toEqual(['a', '?column?', 'n', 'varchar', 'lower', 'case']);
  });

  it('orders by an expression not in the select list, and by ordinal', async () => {
    expect(await rows(s, 'SELECT a FROM t ORDER BY c DESC LIMIT 1 OFFSET 1')).toEqual([[2]]);
    expect(await rows(s, 'SELECT b, a FROM t ORDER BY 2 DESC')).toEqual([[null, 3], ['y', 2], ['x', 1]]);
  });

  it('puts NULLs last ascending and first descending unless told otherwise', async () => {
    expect(await rows(s, 'SELECT b FROM t ORDER BY b')).toEqual([['x'], ['y'], [null]]);
    expect(await rows(s, 'SELECT b FROM t ORDER BY b DESC')).toEqual([[null], ['y'], ['x']]);
    expect(await rows(s, 'SELECT b FROM t ORDER BY b NULLS FIRST')).toEqual([[null], ['x'], ['y']]);
    expect(await rows(s, 'SELECT b FROM t ORDER BY b DESC NULLS LAST')).toEqual([['y'], ['x'], [null]]);
  });

  it('compares text by code point (C collation)', async () => {
    expect(await rows(s, "SELECT x FROM (VALUES ('b'), ('B'), ('a'), ('é'), ('Z')) v(x) ORDER BY x")).toEqual([['B'], ['Z'], ['a'], ['b'], ['é']]);
  });

  it('evaluates scalar expressions with PostgreSQL semantics', async () => {
    expect(await rows(s, "SELECT 'abc'::varchar(2), 'a' || 'b', 7 / 2, -7 / 2, -7 % 3, 7.0 / 2, 1::float8 / 3")).toEqual([
      ['ab', 'ab', 3, -3, -1, '3.5000000000000000', 1 / 3],
    ]);
    expect(await rows(s, "SELECT coalesce(NULL, 2), nullif(1, 1), CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END, 5 BETWEEN 1 AND 10, 'abc' LIKE 'a%', 3 IN (1, 2, 3), NULL::int IN (1, 2)")).toEqual([
      [2, null, 'b', true, true, true, null],
    ]);
  });

  it('applies three-valued logic', async () => {
    expect(await rows(s, 'SELECT NULL AND false, NULL OR true, NOT NULL::bool, NULL::bool IS UNKNOWN, 1 IS DISTINCT FROM NULL')).toEqual([
      [false, true, null, true, true],
    ]);
  });
});

describe('aggregates', () => {
  it('computes count/sum/avg/min/max with PostgreSQL result types', async () => {
    expect(await rows(s, 'SELECT count(*), sum(a), avg(a), min(b), max(c) FROM t')).toEqual([[3n, 6n, '2.0000000000000000', 'x', 30n]]);
  });

  it('returns one row for an empty input, NULL sums', async () => {
    expect(await rows(s, 'SELECT count(*), sum(a), avg(a) FROM t WHERE a > 100')).toEqual([[0n, null, null]]);
  });

  it('groups (NULLs together) with HAVING', async () => {
    expect(await rows(s, 'SELECT b, count(*) FROM t GROUP BY b ORDER BY b NULLS FIRST')).toEqual([[null, 1n], ['x', 1n], ['y', 1n]]);
    expect(await rows(s, 'SELECT t_a, count(*), sum(id) FROM u GROUP BY t_a HAVING count(*) > 1')).toEqual([[2, 2n, 5n]]);
  });

  it('supports DISTINCT and FILTER in aggregates', async () => {
    expect(await rows(s, 'SELECT count(DISTINCT t_a), count(*) FILTER (WHERE id > 2) FROM u')).toEqual([[3n, 2n]]);
  });
});

describe('joins', () => {
  it('inner join on equality (hash join)', async () => {
    expect(await rows(s, 'SELECT t.a, u.name FROM t JOIN u ON t.a = u.t_a ORDER BY u.id')).toEqual([[1, 'one'], [2, 'two'], [2, 'dos']]);
  });

  it('left join keeps unmatched rows with NULLs', async () => {
    expect(await rows(s, 'SELECT t.a, u.name FROM t LEFT JOIN u ON t.a = u.t_a ORDER BY t.a, u.name NULLS FIRST')).toEqual([
      [1, 'one'], [2, 'dos'], [2, 'two'], [3, null],
    ]);
  });

  it('non-equi join and comma join with WHERE', async () => {
    expect(await rows(s, 'SELECT t.a, u.id FROM t JOIN u ON u.id > t.a + 1 ORDER BY 1, 2')).toEqual([[1, 3], [1, 4], [2, 4]]);
    expect(await rows(s, 'SELECT t.a, u.id FROM t, u WHERE t.a = u.id AND u.t_a = 2 ORDER BY 1')).toEqual([[2, 2], [3, 3]]);
  });
});

describe('breadth', () => {
  it('DISTINCT, set operations, VALUES, generate_series', async () => {
    expect(await rows(s, 'SELECT DISTINCT t_a FROM u ORDER BY 1')).toEqual([[1], [2], [9]]);
    expect(await rows(s, 'SELECT 1 UNION SELECT 2 UNION SELECT 1 ORDER BY 1')).toEqual([[1], [2]]);
    expect(await rows(s, 'SELECT t_a FROM u INTERSECT SELECT a FROM t ORDER BY 1')).toEqual([[1], [2]]);
    expect(await rows(s, 'SELECT t_a FROM u EXCEPT ALL SELECT a FROM t ORDER BY 1')).toEqual([[2], [9]]);
    expect(await rows(s, 'VALUES (1, 2.5), (3, NULL) ORDER BY 1 DESC')).toEqual([[3, null], [1, '2.5']]);
    expect(await rows(s, 'SELECT g * 2 FROM generate_series(1, 3) g')).toEqual([[2], [4], [6]]);
  });

  it('subqueries: scalar, IN, EXISTS, correlated, in FROM', async () => {
    expect(await rows(s, 'SELECT (SELECT max(id) FROM u), a FROM t WHERE a = 1')).toEqual([[4, 1]]);
    expect(await rows(s, 'SELECT a FROM t WHERE a IN (SELECT t_a FROM u) ORDER BY a')).toEqual([[1], [2]]);
    expect(await rows(s, 'SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.t_a = t.a)')).toEqual([[3]]);
    expect(await rows(s, 'SELECT a, (SELECT count(*) FROM u WHERE u.t_a = t.a) FROM t ORDER BY a')).toEqual([[1, 1n], [2, 2n], [3, 0n]]);
    expect(await rows(s, 'SELECT x.n FROM (SELECT name AS n, id FROM u ORDER BY id DESC LIMIT 2) x ORDER BY x.n')).toEqual([['dos'], ['nine']]);
  });

  it('EXPLAIN prints the plan', async () => {
    const r = await run(s, 'EXPLAIN SELECT a FROM t WHERE a > 1 ORDER BY a');
    expect(r.columns).toEqual(['QUERY PLAN']);
    expect(r.rows.map((x) => x[0])).toEqual(['Sort', '  Sort Key: a', '  ->  Seq Scan on t', '        Filter: (a > 1)']);
  });
});

describe('WITH', () => {
  it('inlines non-recursive CTEs, with column lists and nesting', async () => {
    expect(await rows(s, 'WITH big AS (SELECT id, name FROM u WHERE id > 1) SELECT name FROM big ORDER BY id')).toEqual([['two'], ['dos'], ['nine']]);
    expect(await rows(s, 'WITH x(n) AS (VALUES (1), (2)), y AS (SELECT n * 10 AS m FROM x) SELECT sum(m) FROM y')).toEqual([[30n]]);
    expect(await rows(s, 'WITH x AS (SELECT 1 AS k) SELECT (SELECT k FROM x) + 1')).toEqual([[2]]);
  });

  it('does not let a CTE see itself without RECURSIVE', async () => {
    await expect(run(s, 'WITH x AS (SELECT * FROM x) SELECT 1')).rejects.toMatchObject({ sqlstate: '42P01', message: 'relation "x" does not exist' });
  });
});
