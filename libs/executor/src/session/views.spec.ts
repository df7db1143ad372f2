// CREATE / DROP / ALTER VIEW through the engine: expansion in FROM, OR REPLACE's rules,
// dependencies (2BP01, CASCADE), renames, pg_views / pg_get_viewdef text. Expected values as
// PostgreSQL 15 gives them for the same SQL.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeEach(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE t (a int, b text, c float8)');
  await run(s, "INSERT INTO t VALUES (1, 'x', 1.5), (2, 'y', 2.5), (3, NULL, 3.5)");
});
afterEach(async () => { await h.close(); });

describe('CREATE VIEW', () => {
  it('a view in FROM runs its query, with the view\'s column names', async () => {
    expect((await run(s, 'CREATE VIEW v1 AS SELECT a, b FROM t WHERE a > 1')).tags).toEqual(['CREATE VIEW']);
    expect(await rows(s, 'SELECT * FROM v1 ORDER BY a')).toEqual([[2, 'y'], [3, null]]);
    await run(s, 'CREATE VIEW v2 (x) AS SELECT a * 10, b FROM t');
    const r = await run(s, 'SELECT * FROM v2 ORDER BY x');
    expect(r.columns).toEqual(['x', 'b']);
    expect(r.rows).toEqual([[10, 'x'], [20, 'y'], [30, null]]);
    expect(await rows(s, 'SELECT w.x, t.c FROM v2 w JOIN t ON t.a * 10 = w.x WHERE w.x > 10 ORDER BY 1')).toEqual([[20, 2.5], [30, 3.5]]);
    expect(await rows(s, 'SELECT count(*) FROM v1 AS q (p, r) WHERE q.p = 2')).toEqual([[1n]]);
  });

  it('pg_views and pg_get_viewdef print PostgreSQL\'s normalised definition', async () => {
    await run(s, 'CREATE VIEW v1 AS SELECT a, b FROM t WHERE a > 1');
    await run(s, 'CREATE VIEW v2 (x) AS SELECT a * 10, b FROM t');
    expect(await rows(s, "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1")).toEqual([
      ['v1', ' SELECT t.a,\n    t.b\n   FROM t\n  WHERE (t.a > 1);'],
      ['v2', ' SELECT (t.a * 10) AS x,\n    t.b\n   FROM t;'],
    ]);
    expect(await rows(s, "SELECT pg_get_viewdef('v1'::regclass, true), pg_get_viewdef('v2')")).toEqual([
      [' SELECT t.a,\n    t.b\n   FROM t\n  WHERE t.a > 1;', ' SELECT (t.a * 10) AS x,\n    t.b\n   FROM t;'],
    ]);
    expect(await rows(s, "SELECT pg_get_viewdef('t'::regclass) IS NULL")).toEqual([[true]]);
    expect(await rows(s, "SELECT table_name, check_option, is_updatable FROM information_schema.views ORDER BY 1"))
      .toEqual([['v1', 'NONE', 'NO'], ['v2', 'NONE', 'NO']]);
    expect(await rows(s, "SELECT relkind, relnatts FROM pg_class WHERE relname = 'v2'")).toEqual([['v', 2]]);
    expect(await rows(s, "SELECT table_type FROM information_schema.tables WHERE table_name = 'v1'")).toEqual([['VIEW']]);
  });

  it('SELECT * is expanded when the view is created: later columns do not appear', async () => {
    await run(s, 'CREATE VIEW vs AS SELECT * FROM t');
    await run(s, 'ALTER TABLE t ADD COLUMN d int');
    expect((await run(s, 'SELECT * FROM vs WHERE a = 1')).columns).toEqual(['a', 'b', 'c']);
    expect(await rows(s, "SELECT pg_get_viewdef('vs')")).toEqual([[' SELECT t.a,\n    t.b,\n    t.c\n   FROM t;']]);
  });

  it('errors: duplicate names, too many column names, name taken', async () => {
    expect(await failure(s, 'CREATE VIEW vq AS SELECT 1 AS a, 2 AS a')).toMatchObject({ sqlstate: '42701', message: 'column "a" specified more than once' });
    expect(await failure(s, 'CREATE VIEW vq (a, b, c) AS SELECT 1, 2')).toMatchObject({ sqlstate: '42601', message: 'CREATE VIEW specifies more column names than columns' });
    expect(await failure(s, 'CREATE VIEW t AS SELECT 1')).toMatchObject({ sqlstate: '42P07', message: 'relation "t" already exists' });
    expect((await failure(s, 'CREATE VIEW vq AS SELECT nope FROM t')).sqlstate).toBe('42703');
  });

  it('OR REPLACE may add columns at the end only', async () => {
    await run(s, 'CREATE VIEW v1 AS SELECT a, b FROM t');
    await run(s, 'CREATE OR REPLACE VIEW v1 AS SELECT a, b, c FROM t');
    expect((await run(s, 'SELECT * FROM v1 LIMIT 1')).columns).toEqual(['a', 'b', 'c']);
    expect(await failure(s, 'CREATE OR REPLACE VIEW v1 AS SELECT a FROM t')).toMatchObject({ sqlstate: '42P16', message: 'cannot drop columns from view' });
    expect(await failure(s, 'CREATE OR REPLACE VIEW v1 AS SELECT b, a, c FROM t')).toMatchObject({
      sqlstate: '42P16', message: 'cannot change name of view column "a" to "b"',
      hint: 'Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.',
    });
    expect(await failure(s, 'CREATE OR REPLACE VIEW v1 AS SELECT a::bigint AS a, b, c FROM t')).toMatchObject({
      sqlstate: '42P16', message: 'cannot change data type of view column "a" from integer to bigint',
    });
    expect(await failure(s, 'CREATE OR REPLACE VIEW t AS SELECT 1')).toMatchObject({ sqlstate: '42809', message: '"t" is not a view' });
  });
});

describe('dependencies', () => {
  it('DROP TABLE is refused while a view reads it; CASCADE drops the view with a notice', async () => {
    await run(s, 'CREATE VIEW v1 AS SELECT a FROM t');
    await run(s, 'CREATE VIEW v2 AS SELECT a FROM v1');
    expect(await failure(s, 'DROP TABLE t')).toMatchObject({
      sqlstate: '2BP01', message: 'cannot drop table t because other objects depend on it',
      detail: 'view v1 depends on table t\nview v2 depends on view v1', hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
    });
    expect(await failure(s, 'DROP VIEW v1')).toMatchObject({ sqlstate: '2BP01', detail: 'view v2 depends on view v1' });
    const r = await run(s, 'DROP TABLE t CASCADE');
    expect(r.notices).toEqual(['drop cascades to 2 other objects']);
    expect((await failure(s, 'SELECT * FROM v2')).sqlstate).toBe('42P01');
  });

  it('DROP COLUMN / ALTER COLUMN TYPE of a column a view uses', async () => {
    await run(s, 'CREATE VIEW v AS SELECT a FROM t');
    expect(await failure(s, 'ALTER TABLE t DROP COLUMN a')).toMatchObject({
      sqlstate: '2BP01', message: 'cannot drop column a of table t because other objects depend on it', detail: 'view v depends on column a of table t',
    });
    expect(await failure(s, 'ALTER TABLE t ALTER COLUMN a TYPE bigint')).toMatchObject({
      sqlstate: '0A000', message: 'cannot alter type of a column used by a view or rule', detail: 'rule _RETURN on view v depends on column "a"',
    });
    await run(s, 'ALTER TABLE t DROP COLUMN b');
    expect(await rows(s, 'SELECT sum(a) FROM v')).toEqual([[6n]]);
  });

  it('DROP VIEW: wrong kind, missing, IF EXISTS', async () => {
    await run(s, 'CREATE VIEW v AS SELECT a FROM t');
    expect(await failure(s, 'DROP VIEW t')).toMatchObject({ sqlstate: '42809', message: '"t" is not a view', hint: 'Use DROP TABLE to remove a table.' });
    expect(await failure(s, 'DROP TABLE v')).toMatchObject({ sqlstate: '42809', message: '"v" is not a table', hint: 'Use DROP VIEW to remove a view.' });
    expect(await failure(s, 'DROP VIEW nope')).toMatchObject({ sqlstate: '42P01', message: 'view "nope" does not exist' });
    expect((await run(s, 'DROP VIEW IF EXISTS nope')).notices).toEqual(['view "nope" does not exist, skipping']);
    expect((await run(s, 'DROP VIEW v')).tags).toEqual(['DROP VIEW']);
  });
});

describe('renames and writes', () => {
  it('renaming the table or a column keeps the view working (definition re-printed)', async () => {
    await run(s, 'CREATE VIEW v1 AS SELECT a, b FROM t');
    await run(s, 'ALTER TABLE t RENAME COLUMN a TO aa');
    await run(s, 'ALTER TABLE t RENAME TO t2');
    expect(await rows(s, 'SELECT a FROM v1 ORDER BY a')).toEqual([[1], [2], [3]]);
    expect(await rows(s, "SELECT pg_get_viewdef('v1')")).toEqual([[' SELECT t2.aa AS a,\n    t2.b\n   FROM t2;']]);
    await run(s, 'SET search_path = pg_catalog');
    expect(await rows(s, "SELECT pg_get_viewdef('public.v1'::regclass)")).toEqual([[' SELECT t2.aa AS a,\n    t2.b\n   FROM public.t2;']]);
  });

  it('ALTER VIEW RENAME TO / ALTER TABLE view RENAME / RENAME COLUMN', async () => {
    await run(s, 'CREATE VIEW v1 AS SELECT a, b FROM t');
    expect((await run(s, 'ALTER VIEW v1 RENAME TO v2')).tags).toEqual(['ALTER VIEW']);
    expect((await run(s, 'ALTER TABLE v2 RENAME TO v3')).tags).toEqual(['ALTER TABLE']);
    await run(s, 'ALTER VIEW v3 RENAME COLUMN a TO z');
    expect((await run(s, 'SELECT * FROM v3 WHERE z = 1')).rows).toEqual([[1, 'x']]);
    expect(await rows(s, "SELECT pg_get_viewdef('v3')")).toEqual([[' SELECT t.a AS z,\n    t.b\n   FROM t;']]);
    expect(await failure(s, 'ALTER VIEW t RENAME TO x')).toMatchObject({ sqlstate: '42809', message: '"t" is not a view' });
  });

  it('INSERT / UPDATE / DELETE on a view are 0A000', async () => {
    await run(s, 'CREATE VIEW v AS SELECT a FROM t');
    expect(await failure(s, 'INSERT INTO v VALUES (1)')).toMatchObject({ sqlstate: '0A000', message: 'cannot insert into view "v"' });
    expect(await failure(s, 'UPDATE v SET a = 1')).toMatchObject({ sqlstate: '0A000', message: 'cannot update view "v"' });
    expect(await failure(s, 'DELETE FROM v')).toMatchObject({ sqlstate: '0A000', message: 'cannot delete from view "v"' });
  });

  it('CREATE VIEW is transactional', async () => {
    await run(s, 'BEGIN');
    await run(s, 'CREATE VIEW v AS SELECT a FROM t');
    expect(await rows(s, 'SELECT count(*) FROM v')).toEqual([[3n]]);
    await run(s, 'ROLLBACK');
    expect((await failure(s, 'SELECT * FROM v')).sqlstate).toBe('42P01');
  });

  it('survives a restart (the view is part of the durable catalog)', async () => {
    await run(s, 'CREATE VIEW v AS SELECT a * 2 AS d FROM t WHERE a < 3');
    await h.reopen();
    s = h.session();
    expect(await rows(s, 'SELECT d FROM v ORDER BY d')).toEqual([[2], [4]]);
  });
});

describe('temporary views and recursion', () => {
  it('a view over a temporary table is temporary, with PostgreSQL\'s notice', async () => {
    await run(s, 'CREATE TEMP TABLE tmpt (a int)');
    await run(s, 'INSERT INTO tmpt VALUES (7)');
    expect((await run(s, 'CREATE VIEW tv AS SELECT a FROM tmpt')).notices).toEqual(['view "tv" will be a temporary view']);
    await run(s, 'CREATE TEMP VIEW tv2 AS SELECT 1 AS x');
    expect(await rows(s, "SELECT relname, relpersistence FROM pg_class WHERE relname IN ('tv', 'tv2') ORDER BY 1")).toEqual([['tv', 't'], ['tv2', 't']]);
    expect(await rows(s, 'SELECT a FROM tv')).toEqual([[7]]);
  });

  it('a definition that would read itself is refused (42P17; PostgreSQL fails at every use instead)', async () => {
    await run(s, 'CREATE VIEW r1 AS SELECT 1 AS a');
    await run(s, 'CREATE VIEW r2 AS SELECT a FROM r1');
    expect(await failure(s, 'CREATE OR REPLACE VIEW r1 AS SELECT a FROM r2')).toMatchObject({
      sqlstate: '42P17', message: 'infinite recursion detected in rules for relation "r1"',
    });
    expect(await rows(s, 'SELECT a FROM r2')).toEqual([[1]]);
  });

  it('recursive views (WITH RECURSIVE) are 0A000, not an internal error', async () => {
    const e = await failure(s, 'CREATE RECURSIVE VIEW rv (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM rv WHERE n < 5');
    expect(e).toMatchObject({ sqlstate: '0A000', message: 'WITH RECURSIVE in a view is not supported' });
    expect((await failure(s, 'SELECT * FROM rv')).sqlstate).toBe('42P01');
  });
});
