// TEMP tables through the engine: the per-session pg_temp_N schema, ON COMMIT actions,
// DISCARD, session end and restart cleanup. Expected values as PostgreSQL 15 gives them.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import { dropLeftoverTempSchemas } from './temp-tables';

let h: Harness;
beforeEach(async () => { h = await openHarness(); });
afterEach(async () => { await h.close(); });

describe('TEMP tables', () => {
  it('live in the session\'s pg_temp_N, searched first, shown by pg_my_temp_schema()', async () => {
    const s = h.session();
    expect(s.backendId).toBe(3);
    await run(s, 'CREATE TEMP TABLE t3 AS SELECT 1 AS a');
    await run(s, 'CREATE TABLE t3 (b int)');
    expect(await rows(s, 'SELECT * FROM t3')).toEqual([[1]]);
    expect(await rows(s, 'SELECT * FROM public.t3')).toEqual([]);
    expect(await rows(s, "SELECT n.nspname, c.relpersistence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE relname = 't3' ORDER BY 1"))
      .toEqual([['pg_temp_3', 't'], ['public', 'p']]);
    expect(await rows(s, 'SELECT pg_my_temp_schema()::regnamespace::text, current_schemas(true)::text')).toEqual([['pg_temp_3', '{pg_temp_3,pg_catalog,public}']]);
    await run(s, 'CREATE TABLE pg_temp.t6 (a int)');
    expect(await rows(s, "SELECT relpersistence FROM pg_class WHERE relname = 't6'")).toEqual([['t']]);
    expect(await failure(s, 'CREATE TEMPORARY TABLE public.x (a int)')).toMatchObject({ sqlstate: '42P16', message: 'cannot create temporary relation in non-temporary schema' });
  });

  it('ON COMMIT DELETE ROWS empties the table at each commit; ON COMMIT DROP drops it', async () => {
    const s = h.session();
    await run(s, 'CREATE TEMP TABLE t1 (a int) ON COMMIT DELETE ROWS');
    await run(s, 'INSERT INTO t1 VALUES (1)');
    expect(await rows(s, 'SELECT count(*) FROM t1')).toEqual([[0n]]);
    await run(s, 'BEGIN; INSERT INTO t1 VALUES (1)');
    expect(await rows(s, 'SELECT count(*) FROM t1')).toEqual([[1n]]);
    await run(s, 'COMMIT');
    expect(await rows(s, 'SELECT count(*) FROM t1')).toEqual([[0n]]);
    await run(s, 'BEGIN; CREATE TEMP TABLE t2 (a int) ON COMMIT DROP; INSERT INTO t2 VALUES (1)');
    expect(await rows(s, 'SELECT count(*) FROM t2')).toEqual([[1n]]);
    await run(s, 'COMMIT');
    expect((await failure(s, 'SELECT * FROM t2')).sqlstate).toBe('42P01');
    expect(await failure(s, 'CREATE TABLE perm (a int) ON COMMIT DELETE ROWS')).toMatchObject({ sqlstate: '42P16', message: 'ON COMMIT can only be used on temporary tables' });
  });

  it('DISCARD TEMP / ALL drop them; DISCARD ALL refuses a transaction block', async () => {
    const s = h.session();
    await run(s, 'CREATE TEMP TABLE t (a int)');
    expect((await run(s, 'DISCARD TEMP')).tags).toEqual(['DISCARD TEMP']);
    expect(await rows(s, "SELECT count(*) FROM pg_class WHERE relname = 't'")).toEqual([[0n]]);
    await run(s, 'CREATE TEMP TABLE t (a int)');
    await run(s, "SET statement_timeout = '5s'");
    expect((await run(s, 'DISCARD ALL')).tags).toEqual(['DISCARD ALL']);
    expect(await rows(s, "SELECT count(*) FROM pg_class WHERE relname = 't'")).toEqual([[0n]]);
    expect(await rows(s, 'SHOW statement_timeout')).toEqual([['0']]);
    await run(s, 'BEGIN');
    expect(await failure(s, 'DISCARD ALL')).toMatchObject({ sqlstate: '25001', message: 'DISCARD ALL cannot run inside a transaction block' });
    await run(s, 'ROLLBACK');
  });

  it('are private to their session and dropped when it ends', async () => {
    const a = h.session();
    const b = h.session();
    expect([a.backendId, b.backendId]).toEqual([3, 4]);
    await run(a, 'CREATE TEMP TABLE tt (a int)');
    await run(a, 'INSERT INTO tt VALUES (1)');
    expect((await failure(b, 'SELECT * FROM tt')).sqlstate).toBe('42P01');
    expect(await failure(b, 'SELECT * FROM pg_temp_3.tt')).toMatchObject({ sqlstate: '0A000', message: 'cannot access temporary tables of other sessions' });
    expect((await failure(b, 'INSERT INTO pg_temp_3.tt VALUES (2)')).sqlstate).toBe('0A000');
    await run(b, 'CREATE TEMP TABLE tt (b text)');
    expect(await rows(b, 'SELECT * FROM tt')).toEqual([]);
    await a.end();
    expect(await rows(b, "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE relname = 'tt'")).toEqual([['pg_temp_4']]);
    expect(h.session().backendId).toBe(3);
  });

  it('a new session clears what an earlier session with its backend id left (its end failed)', async () => {
    const a = h.session();
    await run(a, 'CREATE TEMP TABLE stale (a int)');
    a.close();
    h.db.backendIds.delete(a.backendId);
    const b = h.session();
    expect(b.backendId).toBe(a.backendId);
    expect(await rows(b, "SELECT count(*) FROM pg_class WHERE relname = 'stale'")).toEqual([[1n]]);
    await run(b, 'CREATE TEMP TABLE fresh (a int)');
    expect(await rows(b, "SELECT relname FROM pg_class WHERE relname IN ('stale', 'fresh')")).toEqual([['fresh']]);
  });

  it('FK between temp and permanent tables is 42P16 either way', async () => {
    const s = h.session();
    await run(s, 'CREATE TABLE pk (a int PRIMARY KEY)');
    await run(s, 'CREATE TEMP TABLE tpk (a int PRIMARY KEY)');
    expect(await failure(s, 'CREATE TEMP TABLE tt (a int REFERENCES pk (a))')).toMatchObject({ sqlstate: '42P16', message: 'constraints on temporary tables may reference only temporary tables' });
    expect(await failure(s, 'CREATE TABLE p2 (a int REFERENCES tpk (a))')).toMatchObject({ sqlstate: '42P16', message: 'constraints on permanent tables may reference only permanent tables' });
    await run(s, 'CREATE TEMP TABLE tt (a int REFERENCES tpk (a))');
  });

  it('do not survive a restart (leftovers dropped at startup)', async () => {
    const s = h.session();
    await run(s, 'CREATE TEMP TABLE gone (a int)');
    await run(s, 'INSERT INTO gone VALUES (1)');
    await h.reopen();
    expect(await dropLeftoverTempSchemas(h.db)).toEqual(['pg_temp_3']);
    const t = h.session();
    expect(await rows(t, "SELECT count(*) FROM pg_class WHERE relname = 'gone'")).toEqual([[0n]]);
    expect(await rows(t, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pg_temp%'")).toEqual([[0n]]);
    expect(await dropLeftoverTempSchemas(h.db)).toEqual([]);
  });
});
