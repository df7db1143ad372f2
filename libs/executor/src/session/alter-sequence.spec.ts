// ALTER SEQUENCE through the engine. Expected values and errors as PostgreSQL 15 gives them.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
});
afterAll(async () => { await h.close(); });

const params = (name: string) => rows(s, `SELECT data_type::text, start_value, min_value, max_value, increment_by, cycle, cache_size FROM pg_sequences WHERE sequencename = '${name}'`);

describe('ALTER SEQUENCE', () => {
  it('changes INCREMENT without moving the position; RESTART [WITH] and START', async () => {
    await run(s, 'CREATE SEQUENCE s');
    expect(await rows(s, "SELECT nextval('s'), nextval('s')")).toEqual([[1n, 2n]]);
    expect((await run(s, 'ALTER SEQUENCE s INCREMENT BY 10')).tags).toEqual(['ALTER SEQUENCE']);
    expect(await rows(s, "SELECT nextval('s')")).toEqual([[12n]]);
    await run(s, 'ALTER SEQUENCE s RESTART');
    expect(await rows(s, "SELECT nextval('s')")).toEqual([[1n]]);
    await run(s, 'ALTER SEQUENCE s RESTART WITH 100');
    expect(await rows(s, "SELECT nextval('s')")).toEqual([[100n]]);
    await run(s, 'ALTER SEQUENCE s START 50 RESTART');
    expect(await rows(s, "SELECT nextval('s')")).toEqual([[50n]]);
    await run(s, 'ALTER SEQUENCE s MAXVALUE 52');
    expect(await failure(s, "SELECT nextval('s'), nextval('s')")).toMatchObject({ sqlstate: '2200H', message: 'nextval: reached maximum value of sequence "s" (52)' });
  });

  it('validates like init_params', async () => {
    expect(await failure(s, 'ALTER SEQUENCE s MAXVALUE 3')).toMatchObject({ sqlstate: '22023', message: 'START value (50) cannot be greater than MAXVALUE (3)' });
    await run(s, 'ALTER SEQUENCE s MAXVALUE 200 MINVALUE 0 CYCLE');
    expect(await params('s')).toEqual([['bigint', 50n, 0n, 200n, 10n, true, 1n]]);
    await run(s, 'ALTER SEQUENCE s AS smallint');
    await run(s, 'ALTER SEQUENCE s NO MAXVALUE');
    expect(await params('s')).toEqual([['smallint', 50n, 0n, 32767n, 10n, true, 1n]]);
    expect(await failure(s, 'ALTER SEQUENCE s AS smallint MAXVALUE 100000')).toMatchObject({ sqlstate: '22023', message: 'MAXVALUE (100000) is out of range for sequence data type smallint' });
    expect(await failure(s, 'ALTER SEQUENCE s AS text')).toMatchObject({ sqlstate: '22023', message: 'sequence type must be smallint, integer, or bigint' });
    expect(await failure(s, 'ALTER SEQUENCE s CACHE 0')).toMatchObject({ sqlstate: '22023', message: 'CACHE (0) must be greater than zero' });
    expect(await failure(s, 'ALTER SEQUENCE s RESTART WITH -5')).toMatchObject({ sqlstate: '22023', message: 'RESTART value (-5) cannot be less than MINVALUE (0)' });
    expect(await failure(s, 'ALTER SEQUENCE s INCREMENT 0')).toMatchObject({ sqlstate: '22023', message: 'INCREMENT must not be zero' });
    expect(await failure(s, 'ALTER SEQUENCE s INCREMENT 1 INCREMENT 2')).toMatchObject({ sqlstate: '42601', message: 'conflicting or redundant options', position: 30 });
  });

  it('OWNED BY ties the sequence to a column (dropped with the table)', async () => {
    await run(s, 'CREATE TABLE t (id int)');
    expect(await failure(s, 'ALTER SEQUENCE s OWNED BY t.nope')).toMatchObject({ sqlstate: '42703', message: 'column "nope" of relation "t" does not exist' });
    expect(await failure(s, 'ALTER SEQUENCE s OWNED BY nope.id')).toMatchObject({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    await run(s, 'ALTER SEQUENCE s OWNED BY t.id');
    await run(s, 'DROP TABLE t');
    expect(await rows(s, "SELECT count(*) FROM pg_class WHERE relname = 's'")).toEqual([[0n]]);
  });

  it('RENAME TO, IF EXISTS and the errors for missing or non-sequence relations', async () => {
    await run(s, 'CREATE SEQUENCE s2 START 5');
    await run(s, 'CREATE TABLE tab (a int)');
    expect((await run(s, 'ALTER SEQUENCE s2 RENAME TO s3')).tags).toEqual(['ALTER SEQUENCE']);
    expect(await rows(s, "SELECT nextval('s3')")).toEqual([[5n]]);
    expect(await failure(s, 'ALTER SEQUENCE s3 RENAME TO tab')).toMatchObject({ sqlstate: '42P07', message: 'relation "tab" already exists' });
    expect(await failure(s, 'ALTER SEQUENCE tab RESTART')).toMatchObject({ sqlstate: '42809', message: '"tab" is not a sequence' });
    expect(await failure(s, 'ALTER SEQUENCE tab RENAME TO x')).toMatchObject({ sqlstate: '42809', message: '"tab" is not a sequence' });
    expect(await failure(s, 'ALTER SEQUENCE nope RESTART')).toMatchObject({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    expect((await run(s, 'ALTER SEQUENCE IF EXISTS nope RESTART')).notices).toEqual(['relation "nope" does not exist, skipping']);
    expect((await run(s, 'ALTER SEQUENCE IF EXISTS nope RENAME TO x')).notices).toEqual(['relation "nope" does not exist, skipping']);
    await run(s, 'CREATE SEQUENCE lv');
    await run(s, "SELECT setval('lv', 10)");
    expect(await failure(s, 'ALTER SEQUENCE lv MAXVALUE 5')).toMatchObject({ sqlstate: '22023', message: 'RESTART value (10) cannot be greater than MAXVALUE (5)' });
    expect(await rows(s, "SELECT nextval('lv')")).toEqual([[11n]]);
    expect(await failure(s, 'ALTER SEQUENCE lv MINVALUE 20 START 20')).toMatchObject({ sqlstate: '22023', message: 'RESTART value (11) cannot be less than MINVALUE (20)' });
    await run(s, 'ALTER SEQUENCE s3 NO CYCLE NO MINVALUE');
    expect(await rows(s, "SELECT min_value, cycle FROM pg_sequences WHERE sequencename = 's3'")).toEqual([[1n, false]]);
  });
});
