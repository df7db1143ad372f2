// EXPLAIN snapshots of plain-data plans. Where PostgreSQL 15 (EXPLAIN (COSTS OFF)) prints the
// same plan shape, the expected text is PostgreSQL's output verbatim; differences of shape
// (PostgreSQL's cost-based choices, Materialize nodes) are noted per test.
import type { Catalog } from '@vecgres/catalog';
import { catalogWith, plan } from '../testing/planner-fixtures';
import { explain } from './explain';

let cat: Catalog;
beforeAll(async () => {
  cat = await catalogWith(
    'CREATE TABLE t (a int, b text, c bigint)',
    'CREATE TABLE u (id int, t_a int, name varchar(10))',
  );
});

const x = (sql: string) => explain(plan(cat, sql));
const lines = (...l: string[]) => l.join('\n');

it('sort + limit over a filtered scan (same as PostgreSQL)', () => {
  expect(x('SELECT a, b FROM t WHERE a > 1 ORDER BY a DESC LIMIT 3')).toBe(lines(
    'Limit',
    '  ->  Sort',
    '        Sort Key: a DESC',
    '        ->  Seq Scan on t',
    '              Filter: (a > 1)',
  ));
});

it('hash join with filters pushed into the scans (PostgreSQL may hash the other side)', () => {
  expect(x("SELECT t.a, u.name FROM t JOIN u ON t.a = u.t_a WHERE u.id > 5 AND t.b = 'x'")).toBe(lines(
    'Hash Join',
    '  Hash Cond: (t.a = u.t_a)',
    '  ->  Seq Scan on t',
    "        Filter: (b = 'x'::text)",
    '  ->  Hash',
    '        ->  Seq Scan on u',
    '              Filter: (id > 5)',
  ));
});

it('comma join with an equality in WHERE becomes a hash join', () => {
  expect(x('SELECT * FROM t, u WHERE u.t_a = t.a')).toBe(lines(
    'Hash Join',
    '  Hash Cond: (t.a = u.t_a)',
    '  ->  Seq Scan on t',
    '  ->  Hash',
    '        ->  Seq Scan on u',
  ));
});

it('grouped aggregate with HAVING (same as PostgreSQL)', () => {
  expect(x('SELECT b, count(*) FROM t GROUP BY b HAVING count(*) > 1')).toBe(lines(
    'HashAggregate',
    '  Group Key: b',
    '  Filter: (count(*) > 1)',
    '  ->  Seq Scan on t',
  ));
  expect(x('SELECT count(*) FROM t')).toBe(lines('Aggregate', '  ->  Seq Scan on t'));
});

it('non-equi left join is a nested loop (PostgreSQL adds a Materialize)', () => {
  expect(x('SELECT t.a FROM t LEFT JOIN u ON u.id > t.a')).toBe(lines(
    'Nested Loop Left Join',
    '  Join Filter: (u.id > t.a)',
    '  ->  Seq Scan on t',
    '  ->  Seq Scan on u',
  ));
});

it('DML plans (same as PostgreSQL)', () => {
  expect(x("INSERT INTO t VALUES (1, 'x', 2)")).toBe(lines('Insert on t', '  ->  Result'));
  expect(x("INSERT INTO t VALUES (1, 'x', 2), (3, 'y', 4)")).toBe(lines('Insert on t', '  ->  Values Scan on "*VALUES*"'));
  expect(x("UPDATE t SET a = a + 1 WHERE b = 'x'")).toBe(lines('Update on t', '  ->  Seq Scan on t', "        Filter: (b = 'x'::text)"));
  expect(x('DELETE FROM t WHERE a IN (1, 2, 3)')).toBe(lines('Delete on t', '  ->  Seq Scan on t', "        Filter: (a = ANY ('{1,2,3}'::integer[]))"));
});

it('function scan with a filter (same as PostgreSQL)', () => {
  expect(x('SELECT * FROM generate_series(1, 10) g WHERE g > 5')).toBe(lines('Function Scan on generate_series g', '  Filter: (g > 5)'));
});

it('plans are plain JSON data', () => {
  const p = plan(cat, 'SELECT b, sum(a) FROM t JOIN u ON t.a = u.id WHERE c > $1 GROUP BY b ORDER BY 2 DESC LIMIT 5');
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
});
