// SAVEPOINT / ROLLBACK TO / RELEASE and isolation levels (READ COMMITTED per-statement
// snapshots, REPEATABLE READ / SERIALIZABLE one snapshot), with PostgreSQL 15's texts.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';

let h: Harness;
beforeEach(async () => { h = await openHarness(); });
afterEach(async () => { await h.close(); });

describe('savepoints', () => {
  it('ROLLBACK TO undoes rows written after the savepoint, keeps earlier ones', async () => {
    const s = h.session();
    await run(s, 'CREATE TABLE t (a int)');
    const out = await run(s, 'BEGIN; INSERT INTO t VALUES (1); SAVEPOINT s1; INSERT INTO t VALUES (2); SAVEPOINT s2; INSERT INTO t VALUES (3); ROLLBACK TO SAVEPOINT s1');
    expect(out.tags).toEqual(['BEGIN', 'INSERT 0 1', 'SAVEPOINT', 'INSERT 0 1', 'SAVEPOINT', 'INSERT 0 1', 'ROLLBACK']);
    expect(await rows(s, 'SELECT a FROM t ORDER BY a')).toEqual([[1]]);
    // s2 went away with the rollback to s1; s1 itself is still defined.
    expect(await failure(s, 'RELEASE s2')).toEqual({ sqlstate: '3B001', message: 'savepoint "s2" does not exist' });
    expect(s.transactionStatus).toBe('E');
    expect((await run(s, 'ROLLBACK TO s1')).tags).toEqual(['ROLLBACK']);
    expect(s.transactionStatus).toBe('T');
    await run(s, 'INSERT INTO t VALUES (4)');
    expect((await run(s, 'COMMIT')).tags).toEqual(['COMMIT']);
    expect(await rows(s, 'SELECT a FROM t ORDER BY a')).toEqual([[1], [4]]);
  });

  it('ROLLBACK TO clears the failed state (25P02) and drops the failed statement\'s writes', async () => {
    const s = h.session();
    await run(s, 'CREATE TABLE t (a int)');
    await run(s, 'BEGIN; INSERT INTO t VALUES (1); SAVEPOINT a');
    expect(await failure(s, 'INSERT INTO t VALUES (2), (1/0)')).toEqual({ sqlstate: '22012', message: 'division by zero' });
    expect(await failure(s, 'SAVEPOINT b')).toMatchObject({ sqlstate: '25P02' });
    expect(await failure(s, 'RELEASE a')).toMatchObject({ sqlstate: '25P02' });
    // A wrong name keeps the block failed.
    expect(await failure(s, 'ROLLBACK TO nope')).toEqual({ sqlstate: '3B001', message: 'savepoint "nope" does not exist' });
    expect(s.transactionStatus).toBe('E');
    await run(s, 'ROLLBACK TO a');
    expect(await rows(s, 'SELECT a FROM t')).toEqual([[1]]);
    expect((await run(s, 'COMMIT')).tags).toEqual(['COMMIT']);
    expect(await rows(s, 'SELECT a FROM t')).toEqual([[1]]);
  });

  it('RELEASE keeps the changes and forgets the savepoint and later ones', async () => {
    const s = h.session();
    await run(s, 'CREATE TABLE t (a int)');
    await run(s, 'BEGIN; SAVEPOINT a; INSERT INTO t VALUES (1); SAVEPOINT b; INSERT INTO t VALUES (2)');
    expect((await run(s, 'RELEASE SAVEPOINT a')).tags).toEqual(['RELEASE']);
    expect(await failure(s, 'ROLLBACK TO b')).toEqual({ sqlstate: '3B001', message: 'savepoint "b" does not exist' });
    await run(s, 'ROLLBACK');
    await run(s, 'BEGIN; SAVEPOINT a; INSERT INTO t VALUES (1); SAVEPOINT b; INSERT INTO t VALUES (2); RELEASE a; COMMIT');
    expect(await rows(s, 'SELECT a FROM t ORDER BY a')).toEqual([[1], [2]]);
  });

  it('a repeated name refers to the latest definition', async () => {
    const s = h.session();
    await run(s, 'CREATE TABLE t (a int)');
    await run(s, 'BEGIN; SAVEPOINT x; INSERT INTO t VALUES (1); SAVEPOINT x; INSERT INTO t VALUES (2); ROLLBACK TO x');
    expect(await rows(s, 'SELECT a FROM t')).toEqual([[1]]);
    await run(s, 'RELEASE x; ROLLBACK TO x');
    expect(await rows(s, 'SELECT a FROM t')).toEqual([]);
    await run(s, 'COMMIT');
  });

  it('ROLLBACK TO undoes DDL, updates and deletes', async () => {
    const s = h.session();
    await run(s, "CREATE TABLE t (a int, b text); INSERT INTO t VALUES (1, 'one'), (2, 'two')");
    await run(s, 'BEGIN; SAVEPOINT s1; CREATE TABLE t2 (x int); INSERT INTO t2 VALUES (1)');
    await run(s, "UPDATE t SET b = 'uno' WHERE a = 1; DELETE FROM t WHERE a = 2; DROP TABLE t2");
    expect(await rows(s, 'SELECT a, b FROM t')).toEqual([[1, 'uno']]);
    await run(s, 'ROLLBACK TO s1');
    expect(await rows(s, 'SELECT a, b FROM t ORDER BY a')).toEqual([[1, 'one'], [2, 'two']]);
    expect(await failure(s, 'SELECT * FROM t2')).toMatchObject({ sqlstate: '42P01', message: 'relation "t2" does not exist' });
    await run(s, 'ROLLBACK TO s1; CREATE TABLE t3 (y int); INSERT INTO t3 VALUES (7); COMMIT');
    await h.reopen();
    const r = h.session();
    expect(await rows(r, 'SELECT * FROM t3')).toEqual([[7]]);
    expect(await rows(r, 'SELECT count(*) FROM t')).toEqual([[2n]]);
  });

  it('ROLLBACK TO restores settings changed after the savepoint', async () => {
    const s = h.session();
    await run(s, 'BEGIN; SET search_path = x; SAVEPOINT q; SET search_path = y');
    expect(await rows(s, 'SHOW search_path')).toEqual([['y']]);
    await run(s, 'ROLLBACK TO q');
    expect(await rows(s, 'SHOW search_path')).toEqual([['x']]);
    await run(s, 'COMMIT');
  });

  it('is an error outside a transaction block (25P01), also in a multi-statement string', async () => {
    const s = h.session();
    expect(await failure(s, 'SAVEPOINT a')).toEqual({ sqlstate: '25P01', message: 'SAVEPOINT can only be used in transaction blocks' });
    expect(await failure(s, 'ROLLBACK TO a')).toEqual({ sqlstate: '25P01', message: 'ROLLBACK TO SAVEPOINT can only be used in transaction blocks' });
    expect(await failure(s, 'RELEASE a')).toEqual({ sqlstate: '25P01', message: 'RELEASE SAVEPOINT can only be used in transaction blocks' });
    await run(s, 'CREATE TABLE t (a int)');
    expect(await failure(s, 'INSERT INTO t VALUES (1); SAVEPOINT a')).toMatchObject({ sqlstate: '25P01' });
    expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[0n]]);
    expect(s.transactionStatus).toBe('I');
  });
});

describe('isolation levels', () => {
  it('READ COMMITTED (the default) sees other commits at each statement, and its own writes', async () => {
    const a = h.session();
    const b = h.session();
    await run(a, 'CREATE TABLE t (a int)');
    await run(a, 'BEGIN');
    expect(await rows(a, 'SHOW transaction_isolation')).toEqual([['read committed']]);
    await run(a, 'INSERT INTO t VALUES (1)');
    await run(b, 'INSERT INTO t VALUES (2)');
    expect(await rows(a, 'SELECT a FROM t ORDER BY a')).toEqual([[1], [2]]);
    await run(b, 'DELETE FROM t WHERE a = 2');
    expect(await rows(a, 'SELECT a FROM t ORDER BY a')).toEqual([[1]]);
    await run(a, 'COMMIT');
  });

  it('REPEATABLE READ takes its snapshot at the first statement, not at BEGIN', async () => {
    const a = h.session();
    const b = h.session();
    await run(a, 'CREATE TABLE t (a int)');
    await run(a, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
    await run(b, 'INSERT INTO t VALUES (1)');
    expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([[1n]]);
    await run(b, 'INSERT INTO t VALUES (2)');
    expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([[1n]]);
    expect(await rows(a, 'SHOW transaction_isolation')).toEqual([['repeatable read']]);
    await run(a, 'COMMIT');
    expect(await rows(a, 'SHOW transaction_isolation')).toEqual([['read committed']]);
  });

  it('SET TRANSACTION before the first query; SERIALIZABLE reports itself and keeps one snapshot', async () => {
    const a = h.session();
    const b = h.session();
    await run(a, 'CREATE TABLE t (a int)');
    await run(a, 'BEGIN; SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
    expect(await rows(a, 'SHOW transaction_isolation')).toEqual([['serializable']]);
    expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([[0n]]);
    await run(b, 'INSERT INTO t VALUES (1)');
    expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([[0n]]);
    // Setting the same level again is allowed; another one is not.
    await run(a, 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
    expect(await failure(a, 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED')).toEqual({
      sqlstate: '25001', message: 'SET TRANSACTION ISOLATION LEVEL must be called before any query',
    });
    await run(a, 'ROLLBACK');
  });

  it('SET TRANSACTION outside a block warns; SESSION CHARACTERISTICS sets the default', async () => {
    const s = h.session();
    const out = await run(s, 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    expect(out).toMatchObject({ tags: ['SET'], notices: ['SET TRANSACTION can only be used in transaction blocks'] });
    expect(await rows(s, 'SHOW transaction_isolation')).toEqual([['read committed']]);
    await run(s, 'SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    expect(await rows(s, 'SHOW default_transaction_isolation')).toEqual([['repeatable read']]);
    expect(await rows(s, 'SHOW transaction_isolation')).toEqual([['repeatable read']]);
    await run(s, 'BEGIN');
    expect(await rows(s, 'SHOW transaction_isolation')).toEqual([['repeatable read']]);
    await run(s, "ROLLBACK; BEGIN; SET transaction_isolation = 'read committed'");
    expect(await rows(s, 'SHOW transaction_isolation')).toEqual([['read committed']]);
    expect(await failure(s, "SET transaction_isolation = 'bogus'")).toMatchObject({
      sqlstate: '22023', message: 'invalid value for parameter "transaction_isolation": "bogus"',
    });
  });
});

describe('read-only transactions', () => {
  it('BEGIN READ ONLY / SET TRANSACTION READ ONLY refuse DML with 25006', async () => {
    const s = h.session();
    await run(s, 'CREATE TABLE t (a int)');
    await run(s, 'BEGIN READ ONLY');
    expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[0n]]);
    expect(await failure(s, 'INSERT INTO t VALUES (1)')).toEqual({ sqlstate: '25006', message: 'cannot execute INSERT in a read-only transaction' });
    await run(s, 'ROLLBACK; BEGIN; SET TRANSACTION READ ONLY');
    expect(await failure(s, 'DELETE FROM t')).toEqual({ sqlstate: '25006', message: 'cannot execute DELETE in a read-only transaction' });
    await run(s, 'ROLLBACK; BEGIN READ WRITE; INSERT INTO t VALUES (1); COMMIT');
    expect(await rows(s, 'SELECT count(*) FROM t')).toEqual([[1n]]);
    // `SET transaction_isolation` outside a block is silently a no-op.
    expect((await run(s, "SET transaction_isolation = 'serializable'")).notices).toEqual([]);
  });
});
