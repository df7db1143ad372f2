// Transactions over storage: autocommit, BEGIN/COMMIT/ROLLBACK, read-your-own-writes,
// snapshot isolation between sessions, 25P02 in a failed block, DDL rollback, and durability
// of tables, rows and the catalog across a restart of the StorageEngine.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import { CollectingSink } from './result-sink';

let h: Harness;
beforeEach(async () => { h = await openHarness(); });
afterEach(async () => { await h.close(); });

it('ROLLBACK leaves no trace of rows or tables', async () => {
  const s = h.session();
  await run(s, 'CREATE TABLE t (a int)');
  expect((await run(s, 'BEGIN')).tags).toEqual(['BEGIN']);
  await run(s, 'INSERT INTO t VALUES (1), (2)');
  await run(s, 'CREATE TABLE t2 (x int)');
  expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[2n]]);
  expect(s.transactionStatus).toBe('T');
  expect((await run(s, 'ROLLBACK')).tags).toEqual(['ROLLBACK']);
  expect(s.transactionStatus).toBe('I');
  expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[0n]]);
  expect(await failure(s, 'SELECT * FROM t2')).toMatchObject({ sqlstate: '42P01', message: 'relation "t2" does not exist' });
});

it('reads its own writes and hides them from other sessions until COMMIT', async () => {
  const a = h.session();
  const b = h.session();
  await run(a, 'CREATE TABLE t (a int, b text)');
  await run(a, "INSERT INTO t VALUES (1, 'one')");
  await run(a, 'BEGIN');
  await run(a, "UPDATE t SET b = 'uno' WHERE a = 1");
  await run(a, "INSERT INTO t VALUES (2, 'two')");
  expect(await rows(a, 'SELECT a, b FROM t ORDER BY a')).toEqual([[1, 'uno'], [2, 'two']]);
  expect(await rows(b, 'SELECT a, b FROM t ORDER BY a')).toEqual([[1, 'one']]);
  await run(a, 'COMMIT');
  expect(await rows(b, 'SELECT a, b FROM t ORDER BY a')).toEqual([[1, 'uno'], [2, 'two']]);
});

it('a REPEATABLE READ block keeps its snapshot while another session commits', async () => {
  const a = h.session();
  const b = h.session();
  await run(a, 'CREATE TABLE t (a int)');
  await run(a, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
  expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([[0n]]);
  await run(b, 'INSERT INTO t VALUES (1)');
  expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([[0n]]);
  await run(a, 'COMMIT');
  expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([[1n]]);
});

it('an error in a block fails it: 25P02 until ROLLBACK, and COMMIT rolls back', async () => {
  const s = h.session();
  await run(s, 'CREATE TABLE t (a int)');
  await run(s, 'BEGIN');
  await run(s, 'INSERT INTO t VALUES (1)');
  expect(await failure(s, 'SELECT 1/0')).toEqual({ sqlstate: '22012', message: 'division by zero' });
  expect(s.transactionStatus).toBe('E');
  expect(await failure(s, 'SELECT 1')).toEqual({
    sqlstate: '25P02', message: 'current transaction is aborted, commands ignored until end of transaction block',
  });
  expect((await run(s, 'COMMIT')).tags).toEqual(['ROLLBACK']);
  expect(s.transactionStatus).toBe('I');
  expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[0n]]);
});

it('warns about COMMIT without a transaction and BEGIN inside one', async () => {
  const s = h.session();
  expect(await run(s, 'COMMIT')).toMatchObject({ tags: ['COMMIT'], notices: ['there is no transaction in progress'] });
  await run(s, 'BEGIN');
  expect(await run(s, 'BEGIN')).toMatchObject({ tags: ['BEGIN'], notices: ['there is already a transaction in progress'] });
  await run(s, 'ROLLBACK');
});

it('committed tables, rows and catalog survive a restart', async () => {
  const s = h.session();
  await run(s, "CREATE TABLE items (id bigint NOT NULL, name varchar(10), score float8 DEFAULT 0.5)");
  await run(s, "INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')");
  await run(s, "INSERT INTO items VALUES (3, 'c', 'NaN'), (4, NULL, '-Infinity')");
  await run(s, 'DELETE FROM items WHERE id = 2');
  await run(s, 'BEGIN');
  await run(s, 'CREATE TABLE lost (x int)');
  await run(s, 'INSERT INTO items VALUES (99, NULL, NULL)');
  s.close();
  await h.reopen();
  const s2 = h.session();
  expect(await rows(s2, 'SELECT id, name, score FROM items ORDER BY id')).toEqual([
    [1n, 'a', 0.5], [3n, 'c', NaN], [4n, null, -Infinity],
  ]);
  expect(await failure(s2, 'SELECT * FROM lost')).toMatchObject({ sqlstate: '42P01' });
  expect(await failure(s2, 'INSERT INTO items (id) VALUES (NULL)')).toMatchObject({ sqlstate: '23502' });
});

it('DROP TABLE is transactional and durable', async () => {
  const s = h.session();
  await run(s, 'CREATE TABLE t (a int)');
  await run(s, 'INSERT INTO t VALUES (1)');
  await run(s, 'BEGIN');
  await run(s, 'DROP TABLE t');
  await run(s, 'ROLLBACK');
  expect(await rows(s, 'SELECT a FROM t')).toEqual([[1]]);
  await run(s, 'DROP TABLE t');
  await h.reopen();
  expect(await failure(h.session(), 'SELECT a FROM t')).toMatchObject({ sqlstate: '42P01' });
});

it('a multi-statement query string is one implicit transaction', async () => {
  const s = h.session();
  await run(s, 'CREATE TABLE t (a int)');
  await expect(run(s, 'INSERT INTO t VALUES (1); SELECT 1/0; INSERT INTO t VALUES (2)')).rejects.toMatchObject({ sqlstate: '22012' });
  expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[0n]]);
  expect(s.transactionStatus).toBe('I');
  // BEGIN inside the string turns what ran before it into the block.
  await run(s, 'INSERT INTO t VALUES (1); BEGIN; INSERT INTO t VALUES (2)');
  expect(s.transactionStatus).toBe('T');
  await run(s, 'ROLLBACK');
  expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[0n]]);
});

it('extended protocol: portals suspend at maxRows and the implicit transaction ends at Sync', async () => {
  const s = h.session();
  const other = h.session();
  await run(s, 'CREATE TABLE t (a int)');
  await run(s, 'INSERT INTO t SELECT g FROM generate_series(1, 5) g');
  const ins = s.prepare('INSERT INTO t VALUES ($1)');
  const sink = new CollectingSink();
  expect(await s.bind(ins, [6]).fetch(0, sink)).toBe('complete');
  expect(sink.tags).toEqual(['INSERT 0 1']);
  expect(await rows(other, 'SELECT count(*) FROM t')).toEqual([[5n]]);
  const sel = s.prepare('SELECT a FROM t ORDER BY a');
  const portal = s.bind(sel, []);
  const got = new CollectingSink();
  expect(await portal.fetch(4, got)).toBe('suspended');
  expect(got.rowsOut).toEqual([[1], [2], [3], [4]]);
  expect(await portal.fetch(4, got)).toBe('complete');
  expect(got.rowsOut.length).toBe(6);
  // PostgreSQL's tag counts the rows of the completing Execute only (PortalRun's nprocessed).
  expect(got.tags).toEqual(['SELECT 2']);
  await s.sync();
  expect(await rows(other, 'SELECT count(*) FROM t')).toEqual([[6n]]);
});
