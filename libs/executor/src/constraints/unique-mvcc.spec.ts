// Unique keys under MVCC: a key freed by this transaction's delete may be reused, rolled back
// inserts free their keys, a key committed by a concurrent transaction conflicts, and the key
// maps survive a restart (they are rebuilt from the visible rows).
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  const s = h.session();
  await run(s, 'CREATE TABLE m (id int PRIMARY KEY, v text)');
  await run(s, "INSERT INTO m VALUES (1, 'a'), (2, 'b')");
});
afterAll(async () => { await h.close(); });

it('lets a transaction reuse a key it deleted, and frees keys of rolled-back inserts', async () => {
  const s = h.session();
  await run(s, 'BEGIN');
  await run(s, 'DELETE FROM m WHERE id = 1');
  await run(s, "INSERT INTO m VALUES (1, 'again')");
  expect(await failure(s, "INSERT INTO m VALUES (1, 'twice')")).toMatchObject({ sqlstate: '23505', detail: 'Key (id)=(1) already exists.' });
  await run(s, 'ROLLBACK');
  await run(s, 'BEGIN');
  await run(s, "INSERT INTO m VALUES (3, 'c')");
  await run(s, 'ROLLBACK');
  expect((await run(s, "INSERT INTO m VALUES (3, 'c')")).tags).toEqual(['INSERT 0 1']);
  // UPDATE that moves keys: the row keeps its own key without conflicting with itself.
  expect((await run(s, "UPDATE m SET v = 'bb' WHERE id = 2")).tags).toEqual(['UPDATE 1']);
  expect(await failure(s, 'UPDATE m SET id = 3 WHERE id = 2')).toMatchObject({ sqlstate: '23505', detail: 'Key (id)=(3) already exists.' });
  expect(await rows(s, 'SELECT id, v FROM m ORDER BY id')).toEqual([[1, 'a'], [2, 'bb'], [3, 'c']]);
});

it('sees keys committed by a concurrent transaction after its snapshot', async () => {
  const s1 = h.session();
  const s2 = h.session();
  await run(s1, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
  expect(await rows(s1, 'SELECT count(*) FROM m')).toEqual([[3n]]);
  await run(s2, "INSERT INTO m VALUES (10, 'x')");
  expect(await rows(s1, 'SELECT count(*) FROM m WHERE id = 10')).toEqual([[0n]]);
  expect(await failure(s1, "INSERT INTO m VALUES (10, 'y')")).toMatchObject({ sqlstate: '23505', detail: 'Key (id)=(10) already exists.' });
  await run(s1, 'ROLLBACK');
  // A concurrent delete that committed frees the key for everyone.
  await run(s1, 'BEGIN');
  await run(s2, 'DELETE FROM m WHERE id = 10');
  expect((await run(s1, "INSERT INTO m VALUES (10, 'z')")).tags).toEqual(['INSERT 0 1']);
  await run(s1, 'COMMIT');
});

it('keeps enforcing after a restart', async () => {
  await h.reopen();
  const s = h.session();
  expect(await failure(s, "INSERT INTO m VALUES (10, 'dup')")).toMatchObject({ sqlstate: '23505', message: 'duplicate key value violates unique constraint "m_pkey"' });
  expect(await rows(s, "INSERT INTO m VALUES (11, 'ok') ON CONFLICT (id) DO UPDATE SET v = 'no' RETURNING v")).toEqual([['ok']]);
});

it('refuses a key inserted by a concurrent transaction that has not committed', async () => {
  const s1 = h.session();
  const s2 = h.session();
  await run(s1, 'BEGIN');
  await run(s1, "INSERT INTO m VALUES (20, 'mine')");
  // PostgreSQL would wait for s1, then fail like this once s1 commits.
  expect(await failure(s2, "INSERT INTO m VALUES (20, 'theirs')")).toMatchObject({ sqlstate: '23505', detail: 'Key (id)=(20) already exists.' });
  expect((await run(s2, "INSERT INTO m VALUES (20, 'theirs') ON CONFLICT DO NOTHING")).tags).toEqual(['INSERT 0 0']);
  await run(s1, 'ROLLBACK');
  expect((await run(s2, "INSERT INTO m VALUES (20, 'theirs')")).tags).toEqual(['INSERT 0 1']);
});
