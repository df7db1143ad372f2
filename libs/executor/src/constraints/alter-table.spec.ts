// ALTER TABLE / CREATE UNIQUE INDEX effects on existing rows: defaults for new columns, type
// rewrites, NOT NULL / CHECK / UNIQUE validation. Expected texts and rows from PostgreSQL 15.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from '../session/session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE q (id int, v text)');
  await run(s, "INSERT INTO q VALUES (1, 'a'), (1, 'b'), (NULL, 'c'), (NULL, 'd')");
});
afterAll(async () => { await h.close(); });

it('refuses unique indexes and keys over duplicates', async () => {
  expect(await failure(s, 'CREATE UNIQUE INDEX qx ON q (id)')).toEqual({
    sqlstate: '23505', message: 'could not create unique index "qx"', detail: 'Key (id)=(1) is duplicated.',
  });
  expect(await failure(s, 'ALTER TABLE q ADD PRIMARY KEY (id)')).toEqual({
    sqlstate: '23505', message: 'could not create unique index "q_pkey"', detail: 'Key (id)=(1) is duplicated.',
  });
  await run(s, 'ALTER TABLE q ADD CONSTRAINT qu UNIQUE (v)');
  expect(await failure(s, "INSERT INTO q VALUES (2, 'a')")).toMatchObject({ sqlstate: '23505', message: 'duplicate key value violates unique constraint "qu"' });
});

it('fills new columns with their default, per row', async () => {
  await run(s, 'ALTER TABLE q ADD COLUMN w int DEFAULT 7');
  await run(s, 'ALTER TABLE q ADD COLUMN s serial');
  expect(await rows(s, 'SELECT * FROM q ORDER BY v')).toEqual([[1, 'a', 7, 1], [1, 'b', 7, 2], [null, 'c', 7, 3], [null, 'd', 7, 4]]);
  await run(s, "CREATE TABLE ai (v text); INSERT INTO ai VALUES ('a'), ('b')");
  await run(s, 'ALTER TABLE ai ADD COLUMN id int GENERATED ALWAYS AS IDENTITY');
  expect(await rows(s, 'SELECT * FROM ai ORDER BY v')).toEqual([['a', 1], ['b', 2]]);
});

it('rewrites a column into its new type', async () => {
  await run(s, 'ALTER TABLE q ALTER COLUMN id TYPE bigint');
  await run(s, 'ALTER TABLE q ALTER COLUMN w TYPE text');
  await run(s, 'ALTER TABLE q ALTER COLUMN w TYPE numeric USING w::numeric / 2');
  expect(await rows(s, 'SELECT id, w FROM q ORDER BY v')).toEqual([[1n, '3.5000000000000000'], [1n, '3.5000000000000000'], [null, '3.5000000000000000'], [null, '3.5000000000000000']]);
});

it('validates NOT NULL and CHECK over existing rows', async () => {
  expect(await failure(s, 'ALTER TABLE q ALTER COLUMN id SET NOT NULL')).toEqual({ sqlstate: '23502', message: 'column "id" of relation "q" contains null values' });
  await run(s, 'ALTER TABLE q ALTER COLUMN w SET DEFAULT 3');
  expect(await rows(s, "INSERT INTO q (id, v) VALUES (5, 'z') RETURNING *")).toEqual([[5n, 'z', '3', 5]]);
  expect(await failure(s, 'ALTER TABLE q ADD COLUMN nn int NOT NULL')).toEqual({ sqlstate: '23502', message: 'column "nn" of relation "q" contains null values' });
  expect(await failure(s, 'ALTER TABLE q ADD CONSTRAINT ck CHECK (w > 4)')).toEqual({ sqlstate: '23514', message: 'check constraint "ck" of relation "q" is violated by some row' });
  await run(s, 'ALTER TABLE q ADD CONSTRAINT ck CHECK (w > 1)');
  expect(await failure(s, "UPDATE q SET w = 0 WHERE v = 'z'")).toEqual({
    sqlstate: '23514', message: 'new row for relation "q" violates check constraint "ck"', detail: 'Failing row contains (5, z, 0, 5).',
  });
});
