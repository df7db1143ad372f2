import { parse } from '@vecgres/sql';
import { applyDdl, isDdlStmt } from '../ddl/apply-ddl';
import { Catalog } from '../lookup/catalog';
import { createCatalogState, type CatalogState } from '../model/state';
import { serializeCatalog } from '../model/serialize';
import { setupParser, testContext } from '../testing/ddl-helpers';
import { CatalogTransaction } from './catalog-transaction';

beforeAll(setupParser);

const ctx = testContext();
function exec(tx: CatalogTransaction, sql: string) {
  for (const { stmt } of parse(sql)) {
    if (!isDdlStmt(stmt)) throw new Error('not DDL');
    tx.apply((s) => applyDdl(s, stmt, ctx));
  }
}
const names = (s: CatalogState) => new Catalog(s).relations().map((r) => r.name).sort();

describe('transactional DDL (copy-on-write)', () => {
  it('a rolled-back CREATE TABLE leaves no trace', () => {
    const committed = createCatalogState();
    const snapshot = serializeCatalog(committed);
    const tx = new CatalogTransaction(committed);
    exec(tx, 'CREATE TABLE t (id serial PRIMARY KEY); CREATE SCHEMA s');
    expect(names(tx.state)).toEqual(['t', 't_id_seq', 't_pkey']);
    expect(names(committed)).toEqual([]);
    // ROLLBACK is dropping the transaction: the committed state was never modified.
    expect(serializeCatalog(committed)).toBe(snapshot);
  });

  it('commit publishes the working state; savepoints restore earlier ones', () => {
    const committed = createCatalogState();
    const tx = new CatalogTransaction(committed);
    exec(tx, 'CREATE TABLE a (x int)');
    tx.savepoint('sp');
    exec(tx, 'CREATE TABLE b (x int)');
    tx.rollbackTo('sp');
    exec(tx, 'CREATE TABLE c (x int)');
    tx.release('sp');
    expect(() => tx.rollbackTo('sp')).toThrow('savepoint "sp" does not exist');
    const published = tx.commit(committed);
    expect(names(published)).toEqual(['a', 'c']);
  });

  it('a failing statement leaves the transaction state as it was', () => {
    const tx = new CatalogTransaction(createCatalogState());
    exec(tx, 'CREATE TABLE a (x int)');
    const before = tx.state;
    expect(() => exec(tx, 'CREATE TABLE a (x int)')).toThrow('relation "a" already exists');
    expect(tx.state).toBe(before);
  });

  it('refuses to commit over DDL another transaction committed meanwhile', () => {
    const base = createCatalogState();
    const t1 = new CatalogTransaction(base);
    const t2 = new CatalogTransaction(base);
    exec(t1, 'CREATE TABLE a (x int)');
    exec(t2, 'CREATE TABLE b (x int)');
    const after1 = t1.commit(base);
    expect(() => t2.commit(after1)).toThrow('could not serialize access due to concurrent update');
    // A read-only transaction commits whatever is current.
    expect(new CatalogTransaction(base).commit(after1)).toBe(after1);
  });
});
