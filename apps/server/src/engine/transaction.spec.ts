import { createHarness, extended, simple, type Harness } from '../testing/session-harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const FAILED = 'current transaction is aborted, commands ignored until end of transaction block';

describe('transaction blocks', () => {
  it('BEGIN / COMMIT move the status I -> T -> I with PostgreSQL tags', async () => {
    const s = h.session();
    expect(s.transactionStatus()).toBe('I');
    expect((await simple(s, 'BEGIN')).sink.tags()).toEqual(['BEGIN']);
    expect(s.transactionStatus()).toBe('T');
    expect((await simple(s, 'COMMIT')).sink.tags()).toEqual(['COMMIT']);
    expect(s.transactionStatus()).toBe('I');
    // libs/sql does not tell START TRANSACTION from BEGIN yet; PostgreSQL tags it START TRANSACTION.
    expect((await simple(s, 'START TRANSACTION; END')).sink.tags()).toHaveLength(2);
  });

  it('an error inside a block fails it: 25P02 until ROLLBACK, in both protocols', async () => {
    const s = h.session();
    await simple(s, 'BEGIN');
    expect((await simple(s, 'SELECT 1 FROM FROM')).error).toMatchObject({ sqlstate: '42601' });
    expect(s.transactionStatus()).toBe('E');
    expect((await simple(s, 'SELECT 1')).error).toMatchObject({ sqlstate: '25P02', message: FAILED });
    expect((await extended(s, 'SELECT $1::int4', ['1'])).error).toMatchObject({ sqlstate: '25P02', message: FAILED });
    expect(s.transactionStatus()).toBe('E');
    const rb = await simple(s, 'ROLLBACK');
    expect(rb.sink.tags()).toEqual(['ROLLBACK']);
    expect(s.transactionStatus()).toBe('I');
    expect((await simple(s, 'SELECT 1')).sink.tags()).toEqual(['SELECT 1']);
  });

  it('COMMIT of a failed block answers ROLLBACK', async () => {
    const s = h.session();
    await simple(s, 'BEGIN');
    await simple(s, 'SELECT * FROM missing_table_x');
    expect((await simple(s, 'COMMIT')).sink.tags()).toEqual(['ROLLBACK']);
    expect(s.transactionStatus()).toBe('I');
  });

  it('warns like PostgreSQL for COMMIT without a block and for a nested BEGIN', async () => {
    const s = h.session();
    const c = await simple(s, 'COMMIT');
    expect(c.sink.notices()).toEqual([{ severity: 'WARNING', sqlstate: '25P01', message: 'there is no transaction in progress' }]);
    expect(c.sink.tags()).toEqual(['COMMIT']);
    await simple(s, 'BEGIN');
    const b = await simple(s, 'BEGIN');
    expect(b.sink.notices()).toEqual([{ severity: 'WARNING', sqlstate: '25001', message: 'there is already a transaction in progress' }]);
    expect(s.transactionStatus()).toBe('T');
    await simple(s, 'ROLLBACK');
  });

  it('a failing statement of a multi-statement query skips the rest and rolls back', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE tx_multi (a int4)');
    const r = await simple(s, "INSERT INTO tx_multi VALUES (1); SELECT 'x'::int4; INSERT INTO tx_multi VALUES (2)");
    expect(r.error).toMatchObject({ sqlstate: '22P02' });
    expect(r.sink.tags()).toEqual(['INSERT 0 1']);
    expect(s.transactionStatus()).toBe('I');
    expect((await simple(s, 'SELECT count(*) FROM tx_multi')).sink.textRows()).toEqual([['0']]);
    await simple(s, 'DROP TABLE tx_multi');
  });

  it('COMMIT inside a multi-statement query keeps what came before it', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE tx_commit (a int4)');
    const r = await simple(s, "INSERT INTO tx_commit VALUES (1); COMMIT; INSERT INTO tx_commit VALUES (2); SELECT 'x'::int4");
    expect(r.error).toMatchObject({ sqlstate: '22P02' });
    expect((await simple(s, 'SELECT a FROM tx_commit')).sink.textRows()).toEqual([['1']]);
    await simple(s, 'DROP TABLE tx_commit');
  });

  it('ROLLBACK undoes table changes and DDL made in the block', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE tx_rb (a int4)');
    await simple(s, 'INSERT INTO tx_rb VALUES (1)');
    await simple(s, 'BEGIN; INSERT INTO tx_rb VALUES (2); TRUNCATE tx_rb; CREATE TABLE tx_rb2 (b text); DROP TABLE tx_rb');
    // Another session still sees the committed table and row (the block is not committed).
    expect((await simple(h.session(), 'SELECT a FROM tx_rb')).sink.textRows()).toEqual([['1']]);
    await simple(s, 'ROLLBACK');
    expect((await simple(s, 'SELECT a FROM tx_rb')).sink.textRows()).toEqual([['1']]);
    expect((await simple(s, 'SELECT * FROM tx_rb2')).error).toMatchObject({ sqlstate: '42P01' });
    await simple(s, 'DROP TABLE tx_rb');
  });

  it('BEGIN inside a multi-statement query opens a real block', async () => {
    const s = h.session();
    await simple(s, 'SELECT 1; BEGIN; SELECT 2');
    expect(s.transactionStatus()).toBe('T');
    await simple(s, 'ROLLBACK');
  });

  it('the extended protocol commits its implicit transaction at Sync and rolls back on error', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE tx_ext (a int4)');
    await extended(s, 'INSERT INTO tx_ext VALUES ($1)', ['5']);
    const bad = await extended(s, 'INSERT INTO tx_ext VALUES ($1)', ['x']);
    expect(bad.error).toMatchObject({ sqlstate: '22P02' });
    expect(s.transactionStatus()).toBe('I');
    expect((await simple(s, 'SELECT a FROM tx_ext')).sink.textRows()).toEqual([['5']]);
    await simple(s, 'DROP TABLE tx_ext');
  });

  it('close() rolls back an open block', async () => {
    const s = h.session();
    await simple(s, 'CREATE TABLE tx_close (a int4)');
    await simple(s, 'BEGIN; INSERT INTO tx_close VALUES (1)');
    await s.close();
    expect((await simple(h.session(), 'SELECT count(*) FROM tx_close')).sink.textRows()).toEqual([['0']]);
    await simple(h.session(), 'DROP TABLE tx_close');
  });

  it('AND CHAIN outside a block is an error', async () => {
    const { error } = await simple(h.session(), 'COMMIT AND CHAIN');
    expect(error).toMatchObject({ sqlstate: '25P01', message: 'COMMIT AND CHAIN can only be used in transaction blocks' });
  });
});
