// A transaction that already wrote to the table (issue #7, own writes): the filtered Vector
// Top-K and the indexed Seq Scan keep using the payload bitmaps for the segments (own deletes
// cleared from them) and evaluate only the transaction's own inserts in JS. The oracle is
// `plain`, a copy without indexes given the same writes in the same transaction.
//
// The table source's ownChanges() capability (payload-index/own-writes.ts) is provided here by
// a test shim over the transaction's public API (O(rows): a test stand-in for the storage hook).
import type { Transaction } from '@vecgres/storage';
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';
import { TransactionTableAccess } from '../storage/table-access';
import type { OwnChanges } from './own-writes';

const DIM = 8;

const original = TransactionTableAccess.prototype.vectorSource;

function shimOwnChanges(): void {
  jest.spyOn(TransactionTableAccess.prototype, 'vectorSource').mockImplementation(function (this: TransactionTableAccess, table, columns) {
    const src = original.call(this, table, columns);
    if (!src.ownWrites || src.segments.length === 0 || src.storageId === undefined) return src;
    const tx = (this as unknown as { tx: Transaction }).tx;
    const id = src.storageId;
    const ownChanges = (): OwnChanges => {
      const deleted = new Set<number>();
      for (const key of tx.savepoint().deletes) {
        const [t, r] = key.split(':');
        if (Number(t) === id) deleted.add(Number(r));
      }
      const inserted = [...src.rows()].filter(({ rowId }) => src.segments.every((seg) => seg.findRow(rowId) < 0));
      return { deleted, inserted: () => inserted };
    };
    return Object.assign({}, src, { ownChanges });
  });
}

describe('payload indexes under the transaction\'s own writes', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(3);
  const q = randomVectorText(lcg(9), DIM);
  const ids = (r: unknown[][]) => r.map((x) => Number(x[0]));

  async function insert(table: string, from: number, to: number): Promise<void> {
    const values: string[] = [];
    for (let id = from; id < to; id++) values.push(`(${id}, ${id % 100}, 't${id % 10}', '${randomVectorText(rand, DIM)}')`);
    await rows(s, `INSERT INTO ${table} VALUES ${values.join(',')}`);
  }

  async function same(where: string): Promise<number> {
    const topk = (t: string) => rows(s, `SELECT id FROM ${t} WHERE ${where} ORDER BY emb <-> '${q}' LIMIT 10`);
    expect({ where, got: ids(await topk('t')) }).toEqual({ where, got: ids(await topk('plain')) });
    const scan = (t: string) => rows(s, `SELECT id, grp, tag FROM ${t} WHERE ${where}`);
    const want = (await scan('plain')).map((r) => r.join('|'));
    // Same order as the plain scan: segments, then own inserts in insert order.
    expect({ where, got: (await scan('t')).map((r) => r.join('|')) }).toEqual({ where, got: want });
    return want.length;
  }

  beforeAll(async () => {
    shimOwnChanges();
    h = await openVectorHarness();
    s = h.session();
    await rows(s, `CREATE TABLE t (id int, grp int, tag text, emb vector(${DIM}))`);
    await insert('t', 0, 1000);
    await h.seal('t');
    await insert('t', 1000, 2000);
    await h.seal('t');
    await insert('t', 2000, 2200);
    await rows(s, 'CREATE TABLE plain AS SELECT * FROM t');
    await rows(s, 'CREATE INDEX t_grp ON t (grp)');
    await rows(s, 'CREATE INDEX t_tag ON t (tag)');
  }, 120000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await h.db.annIndexes.idle();
    await h.close();
  });

  it('inserts, updates and deletes in the transaction: bitmaps for segments, JS for own rows', async () => {
    await rows(s, 'BEGIN');
    for (const t of ['t', 'plain']) {
      await rows(s, `INSERT INTO ${t} SELECT id + 5000, grp, tag, emb FROM plain WHERE id < 300 AND id % 3 = 0`);
      await rows(s, `UPDATE ${t} SET grp = 7 WHERE id IN (1, 1001, 2001, 5003)`);
      await rows(s, `DELETE FROM ${t} WHERE id IN (7, 107, 1007, 2007, 5006)`);
      await rows(s, `UPDATE ${t} SET tag = 'moved' WHERE grp = 42`);
    }
    let nonEmpty = 0;
    for (const where of ['grp = 7', "tag = 'moved'", "tag = 't3' AND grp < 50", 'grp IN (1, 2, 42)', 'grp < 0', "NOT (tag = 't1') AND grp = 12"]) {
      if ((await same(where)) > 0) nonEmpty++;
    }
    expect(nonEmpty).toBe(5);
    // The index path ran: per-segment strategies, and only candidates and own rows were read.
    const lines = (await rows(s, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM t WHERE grp = 7 ORDER BY emb <-> '${q}' LIMIT 10`)).map((r) => String(r[0]).trim());
    expect(lines.some((l) => l.startsWith('Filter Strategy: exact (segments: 2,'))).toBe(true);
    const scanned = Number(lines.find((l) => l.startsWith('Rows Scanned:'))!.split(':')[1]);
    expect(scanned).toBeLessThan(600);
    await rows(s, 'ROLLBACK');
    expect(await same('grp = 7')).toBe(22);
  }, 120000);

  it('an UPDATE driven by an indexed WHERE after own writes sees its own rows once', async () => {
    await rows(s, 'BEGIN');
    for (const t of ['t', 'plain']) {
      await rows(s, `INSERT INTO ${t} VALUES (9001, 55, 'new', '${randomVectorText(lcg(1), DIM)}')`);
      await rows(s, `UPDATE ${t} SET tag = 'hit' WHERE grp = 55`);
      await rows(s, `DELETE FROM ${t} WHERE grp = 56`);
    }
    expect(await same("tag = 'hit'")).toBe(23);
    expect(await same('grp = 56')).toBe(0);
    await rows(s, 'COMMIT');
    expect(await same("tag = 'hit'")).toBe(23);
  }, 120000);
});
