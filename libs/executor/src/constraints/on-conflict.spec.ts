// INSERT ... ON CONFLICT DO NOTHING / DO UPDATE with EXCLUDED, WHERE, RETURNING and the
// arbiter errors. Expected rows and texts from PostgreSQL 15 running the same statements.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from '../session/session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE kv (k text PRIMARY KEY, v int NOT NULL DEFAULT 0, n int UNIQUE)');
  await run(s, "INSERT INTO kv VALUES ('a', 1, 1), ('b', 2, 2)");
});
afterAll(async () => { await h.close(); });

it('skips or updates conflicting rows', async () => {
  expect(await run(s, "INSERT INTO kv VALUES ('a', 10, 3), ('c', 3, 4) ON CONFLICT DO NOTHING RETURNING k"))
    .toMatchObject({ rows: [['c']], tags: ['INSERT 0 1'] });
  expect(await run(s, "INSERT INTO kv VALUES ('a', 10, 5), ('d', 4, 6) ON CONFLICT (k) DO UPDATE SET v = kv.v + excluded.v RETURNING *"))
    .toMatchObject({ rows: [['a', 11, 1], ['d', 4, 6]], tags: ['INSERT 0 2'] });
  expect(await run(s, "INSERT INTO kv AS t VALUES ('b', 5, 7) ON CONFLICT ON CONSTRAINT kv_pkey DO UPDATE SET v = t.v * 100 WHERE t.v > 50 RETURNING *"))
    .toMatchObject({ rows: [], tags: ['INSERT 0 0'] });
});

it('checks the other unique keys of updated and inserted rows', async () => {
  expect(await failure(s, "INSERT INTO kv VALUES ('b', 5, 7) ON CONFLICT (k) DO UPDATE SET n = 1")).toEqual({
    sqlstate: '23505', message: 'duplicate key value violates unique constraint "kv_n_key"', detail: 'Key (n)=(1) already exists.',
  });
  expect(await failure(s, "INSERT INTO kv VALUES ('z', 5, 1) ON CONFLICT (k) DO NOTHING")).toMatchObject({ sqlstate: '23505', detail: 'Key (n)=(1) already exists.' });
  expect(await run(s, "INSERT INTO kv VALUES ('z', 5, 1) ON CONFLICT (n) DO UPDATE SET v = excluded.v RETURNING *"))
    .toMatchObject({ rows: [['a', 5, 1]], tags: ['INSERT 0 1'] });
  expect(await rows(s, 'SELECT * FROM kv ORDER BY k')).toEqual([['a', 5, 1], ['b', 2, 2], ['c', 3, 4], ['d', 4, 6]]);
});

it('reports PostgreSQL errors for bad arbiters and double updates', async () => {
  expect(await failure(s, "INSERT INTO kv VALUES ('z', 5, 1) ON CONFLICT (v) DO NOTHING")).toEqual({
    sqlstate: '42P10', message: 'there is no unique or exclusion constraint matching the ON CONFLICT specification',
  });
  expect(await failure(s, "INSERT INTO kv VALUES ('z', 5, 1) ON CONFLICT ON CONSTRAINT kv_v_check DO NOTHING")).toEqual({
    sqlstate: '42704', message: 'constraint "kv_v_check" for table "kv" does not exist',
  });
  expect(await failure(s, "INSERT INTO kv VALUES ('z', 5, 1) ON CONFLICT DO UPDATE SET v = 1")).toEqual({
    sqlstate: '42601', message: 'ON CONFLICT DO UPDATE requires inference specification or constraint name',
    hint: 'For example, ON CONFLICT (column_name).', position: 35,
  });
  expect(await failure(s, "INSERT INTO kv VALUES ('q', 1, 10), ('q', 2, 11) ON CONFLICT (k) DO UPDATE SET v = excluded.v")).toEqual({
    sqlstate: '21000', message: 'ON CONFLICT DO UPDATE command cannot affect row a second time',
    hint: 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.',
  });
  expect(await rows(s, "INSERT INTO kv VALUES ('q', 1, 10), ('q', 2, 11) ON CONFLICT (k) DO NOTHING RETURNING n")).toEqual([[10]]);
  expect(await rows(s, "INSERT INTO kv VALUES ('c', 9, 40) ON CONFLICT (k) DO UPDATE SET v = DEFAULT RETURNING v, n")).toEqual([[0, 4]]);
});

it('prints the conflict clause in EXPLAIN', async () => {
  expect(await rows(s, "EXPLAIN (COSTS OFF) INSERT INTO kv VALUES ('c', 9, 40) ON CONFLICT (k) DO UPDATE SET v = DEFAULT WHERE kv.v > 1")).toEqual([
    ['Insert on kv'], ['  Conflict Resolution: UPDATE'], ['  Conflict Arbiter Indexes: kv_pkey'], ['  Conflict Filter: (kv.v > 1)'], ['  ->  Result'],
  ]);
  expect(await rows(s, "EXPLAIN (COSTS OFF) INSERT INTO kv VALUES ('c', 9, 40), ('d', 1, 1) ON CONFLICT DO NOTHING")).toEqual([
    ['Insert on kv'], ['  Conflict Resolution: NOTHING'], ['  ->  Values Scan on "*VALUES*"'],
  ]);
});
