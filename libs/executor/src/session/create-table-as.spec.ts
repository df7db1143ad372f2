// CREATE TABLE ... AS, CREATE TABLE (LIKE ...) and COMMENT ON through the engine. Expected
// values as PostgreSQL 15 gives them for the same SQL.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE src (id int NOT NULL, name varchar(10), score numeric(5,2) DEFAULT 1)');
  await run(s, "INSERT INTO src VALUES (1, 'a', 2.5), (2, 'b', NULL), (3, 'c', 4)");
});
afterAll(async () => { await h.close(); });

describe('CREATE TABLE ... AS', () => {
  it('creates the table with the query\'s column names and types and fills it (tag SELECT n)', async () => {
    const r = await run(s, "CREATE TABLE c1 AS SELECT id * 10 AS x, name, 'lit' AS l FROM src WHERE id > 1");
    expect(r.tags).toEqual(['SELECT 2']);
    expect(await rows(s, 'SELECT x, name, l FROM c1 ORDER BY x')).toEqual([[20, 'b', 'lit'], [30, 'c', 'lit']]);
    expect(await rows(s, "SELECT column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = 'c1' ORDER BY ordinal_position"))
      .toEqual([['x', 'integer', null], ['name', 'character varying', 10], ['l', 'text', null]]);
  });

  it('takes a column name list and WITH NO DATA', async () => {
    expect((await run(s, 'CREATE TABLE c2 (p, q) AS SELECT id, name FROM src WITH NO DATA')).tags).toEqual(['CREATE TABLE AS']);
    expect(await rows(s, 'SELECT count(*) FROM c2')).toEqual([[0n]]);
    expect(await rows(s, "SELECT attname FROM pg_attribute WHERE attrelid = 'c2'::regclass AND attnum > 0 ORDER BY attnum")).toEqual([['p'], ['q']]);
  });

  it('IF NOT EXISTS skips with a notice; without it the name clash is 42P07', async () => {
    const r = await run(s, 'CREATE TABLE IF NOT EXISTS c1 AS SELECT 1 AS z');
    expect(r.tags).toEqual(['CREATE TABLE AS']);
    expect(r.notices).toEqual(['relation "c1" already exists, skipping']);
    expect(await rows(s, 'SELECT count(*) FROM c1')).toEqual([[2n]]);
    expect((await failure(s, 'CREATE TABLE c1 AS SELECT 1 AS z')).sqlstate).toBe('42P07');
  });

  it('is undone by ROLLBACK', async () => {
    await run(s, 'BEGIN');
    await run(s, 'CREATE TABLE c3 AS SELECT g FROM generate_series(1, 5) g');
    expect(await rows(s, 'SELECT sum(g) FROM c3')).toEqual([[15n]]);
    await run(s, 'ROLLBACK');
    expect((await failure(s, 'SELECT * FROM c3')).sqlstate).toBe('42P01');
  });
});

describe('CREATE TABLE (LIKE ...)', () => {
  it('copies column names, types and NOT NULL, not defaults, at its place in the list', async () => {
    await run(s, 'CREATE TABLE l1 (before_col int, LIKE src, after_col text)');
    expect(await rows(s, "SELECT attname, format_type(atttypid, atttypmod), attnotnull, atthasdef FROM pg_attribute WHERE attrelid = 'l1'::regclass AND attnum > 0 ORDER BY attnum"))
      .toEqual([
        ['before_col', 'integer', false, false], ['id', 'integer', true, false], ['name', 'character varying(10)', false, false],
        ['score', 'numeric(5,2)', false, false], ['after_col', 'text', false, false],
      ]);
    expect((await failure(s, 'CREATE TABLE l2 (LIKE nope)')).sqlstate).toBe('42P01');
  });
});

describe('COMMENT ON', () => {
  it('sets, replaces and removes table and column comments (obj_description / col_description / pg_description)', async () => {
    expect((await run(s, "COMMENT ON TABLE src IS 'source rows'")).tags).toEqual(['COMMENT']);
    await run(s, "COMMENT ON COLUMN src.name IS 'short name'");
    expect(await rows(s, "SELECT obj_description('src'::regclass, 'pg_class'), obj_description('src'::regclass), col_description('src'::regclass, 2), col_description('src'::regclass, 1)"))
      .toEqual([['source rows', 'source rows', 'short name', null]]);
    expect(await rows(s, "SELECT objsubid, description FROM pg_description WHERE objoid = 'src'::regclass ORDER BY 1"))
      .toEqual([[0, 'source rows'], [2, 'short name']]);
    await run(s, "COMMENT ON TABLE src IS 'changed'");
    await run(s, 'COMMENT ON COLUMN src.name IS NULL');
    expect(await rows(s, "SELECT obj_description('src'::regclass, 'pg_class'), col_description('src'::regclass, 2)")).toEqual([['changed', null]]);
    await run(s, "COMMENT ON TABLE src IS ''");
    expect(await rows(s, "SELECT obj_description('src'::regclass, 'pg_class')")).toEqual([[null]]);
  });

  it('reports a missing table or column', async () => {
    expect((await failure(s, "COMMENT ON TABLE nope IS 'x'")).sqlstate).toBe('42P01');
    expect(await failure(s, "COMMENT ON COLUMN src.nope IS 'x'")).toMatchObject({ sqlstate: '42703', message: 'column "nope" of relation "src" does not exist' });
  });
});
