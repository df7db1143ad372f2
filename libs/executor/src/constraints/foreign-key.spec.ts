// FOREIGN KEY enforcement: child inserts/updates find their parent (end of statement), parent
// deletes/updates with NO ACTION / RESTRICT / CASCADE / SET NULL / SET DEFAULT. Expected texts
// and rows from PostgreSQL 15 running the same statements.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from '../session/session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE p (id int PRIMARY KEY, name text)');
  await run(s, 'CREATE TABLE ch (id int PRIMARY KEY, pid int REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE, x int)');
  await run(s, 'CREATE TABLE c (id int, pid int REFERENCES p(id) ON DELETE SET NULL)');
  await run(s, 'CREATE TABLE b (pid int DEFAULT 2 REFERENCES p ON DELETE SET DEFAULT)');
  await run(s, 'CREATE TABLE a (pid int REFERENCES p ON DELETE RESTRICT)');
  await run(s, "INSERT INTO p VALUES (1, 'one'), (2, 'two'), (3, 'three')");
  await run(s, 'INSERT INTO ch VALUES (10, 1, 0), (11, 1, 0), (12, 2, 0)');
  await run(s, 'INSERT INTO c VALUES (1, 1), (2, 3)');
  await run(s, 'INSERT INTO b VALUES (1)');
});
afterAll(async () => { await h.close(); });

it('checks that a child row finds its parent', async () => {
  expect(await failure(s, 'INSERT INTO c VALUES (9, 7)')).toEqual({
    sqlstate: '23503', message: 'insert or update on table "c" violates foreign key constraint "c_pid_fkey"',
    detail: 'Key (pid)=(7) is not present in table "p".',
  });
  expect(await failure(s, 'UPDATE ch SET pid = 8 WHERE id = 12')).toMatchObject({ sqlstate: '23503', detail: 'Key (pid)=(8) is not present in table "p".' });
  expect((await run(s, 'INSERT INTO c VALUES (9, NULL)')).tags).toEqual(['INSERT 0 1']);
  await run(s, 'DELETE FROM c WHERE id = 9');
});

it('applies NO ACTION at the end of the statement', async () => {
  expect(await failure(s, 'UPDATE p SET id = 5 WHERE id = 1')).toEqual({
    sqlstate: '23503', message: 'update or delete on table "p" violates foreign key constraint "c_pid_fkey" on table "c"',
    detail: 'Key (id)=(1) is still referenced from table "c".',
  });
  expect(await rows(s, 'SELECT * FROM ch ORDER BY id')).toEqual([[10, 1, 0], [11, 1, 0], [12, 2, 0]]);
});

it('cascades, sets NULL and sets defaults', async () => {
  expect((await run(s, 'DELETE FROM p WHERE id = 3')).tags).toEqual(['DELETE 1']);
  expect(await rows(s, 'SELECT * FROM c ORDER BY id')).toEqual([[1, 1], [2, null]]);
  await run(s, 'INSERT INTO a VALUES (2)');
  expect(await failure(s, 'DELETE FROM p WHERE id = 2')).toEqual({
    sqlstate: '23503', message: 'update or delete on table "p" violates foreign key constraint "a_pid_fkey" on table "a"',
    detail: 'Key (id)=(2) is still referenced from table "a".',
  });
  await run(s, 'DELETE FROM c WHERE id = 1');
  expect((await run(s, 'DELETE FROM p WHERE id = 1')).tags).toEqual(['DELETE 1']);
  expect(await rows(s, 'SELECT * FROM ch ORDER BY id')).toEqual([[12, 2, 0]]);
  expect(await rows(s, 'SELECT * FROM b')).toEqual([[2]]);
  await run(s, "INSERT INTO p VALUES (7, 'seven')");
  await run(s, 'INSERT INTO ch VALUES (20, 7, 1)');
  await run(s, 'UPDATE p SET id = 70 WHERE id = 7');
  expect(await rows(s, 'SELECT id, pid FROM ch WHERE id = 20')).toEqual([[20, 70]]);
});

it('validates existing rows when a foreign key is added', async () => {
  await run(s, 'CREATE TABLE orphan (pid int)');
  await run(s, 'INSERT INTO orphan VALUES (2), (99)');
  expect(await failure(s, 'ALTER TABLE orphan ADD CONSTRAINT orphan_fk FOREIGN KEY (pid) REFERENCES p')).toEqual({
    sqlstate: '23503', message: 'insert or update on table "orphan" violates foreign key constraint "orphan_fk"',
    detail: 'Key (pid)=(99) is not present in table "p".',
  });
});
