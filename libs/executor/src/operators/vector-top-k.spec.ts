// Vector Top-K Scan against the same query forced through Sort (`ORDER BY (emb <op> q) + 0`),
// on random data across sealed (memory-mapped) + mutable segments, with deletes, updates, NULL
// vectors, filters and an open transaction's own writes; plus restart and payload-stored types.
import { SegmentReader } from '@vecgres/storage';
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';

const DIM = 8;
const OPS = ['<->', '<#>', '<=>', '<+>'] as const;

/** Same top-k up to ties: equal distances row by row; ids equal except among ties at the cut. */
function expectSameTopK(got: unknown[][], want: unknown[][]): void {
  expect(got.length).toBe(want.length);
  const close = (a: unknown, b: unknown) => (a === null || b === null ? a === b : Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b))));
  got.forEach((r, i) => expect(close(r[1], want[i][1])).toBe(true));
  if (got.length === 0) return;
  const last = want[want.length - 1][1];
  const firm = (rs: unknown[][]) => rs.filter((r) => r[1] !== null && !close(r[1], last)).map((r) => r[0]).sort();
  expect(firm(got)).toEqual(firm(want));
}

async function explainText(s: Session, sql: string): Promise<string> {
  return (await rows(s, `EXPLAIN ${sql}`)).map((r) => r[0]).join('\n');
}

/** Runs `ORDER BY emb <op> q` as Vector Top-K and through Sort; checks the plans and the results. */
async function compare(s: Session, op: string, q: string, limit: string, where = '', col = 'emb'): Promise<unknown[][]> {
  const topSql = `SELECT id, ${col} ${op} '${q}' FROM items ${where} ORDER BY ${col} ${op} '${q}' ${limit}`;
  const sortSql = `SELECT id, ${col} ${op} '${q}' FROM items ${where} ORDER BY (${col} ${op} '${q}') + 0 ${limit}`;
  expect(await explainText(s, topSql)).toContain('Vector Top-K Scan on items');
  expect(await explainText(s, sortSql)).toContain('Sort');
  const got = await rows(s, topSql);
  expectSameTopK(got, await rows(s, sortSql));
  return got;
}

describe('Vector Top-K Scan (exact) equals the Sort path', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(42);
  const queries = Array.from({ length: 3 }, () => randomVectorText(rand, DIM));

  async function insertRows(from: number, to: number): Promise<void> {
    const values: string[] = [];
    for (let id = from; id < to; id++) values.push(`(${id}, ${id % 5}, ${id % 13 === 0 ? 'NULL' : `'${randomVectorText(rand, DIM)}'`})`);
    await rows(s, `INSERT INTO items VALUES ${values.join(',')}`);
  }

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    await rows(s, `CREATE TABLE items (id int PRIMARY KEY, cat int, emb vector(${DIM}))`);
    await insertRows(0, 300);
    await h.seal('items');
    await insertRows(300, 500);
    await h.seal('items');
    await insertRows(500, 650);
    await rows(s, 'DELETE FROM items WHERE id % 7 = 0');
    await rows(s, `UPDATE items SET emb = '${randomVectorText(rand, DIM)}' WHERE id % 11 = 0`);
    await rows(s, 'UPDATE items SET cat = 9 WHERE id % 17 = 0');
  }, 60000);

  afterAll(async () => {
    await h.close();
  });

  it('stores vector(n) apart: sealed segments memory-map the column, the mutable one holds it in memory', () => {
    const view = h.engine.snapshot();
    try {
      const t = view.table(h.storageId('items'));
      expect(t.def.vectorColumns).toEqual([{ name: '3', dim: DIM }]);
      const kinds = t.segments.map((seg: SegmentReader) => [seg.sealed, seg.vectorArena('3').kind]);
      expect(kinds).toEqual([[true, 'mapped'], [true, 'mapped'], [false, 'memory']]);
    } finally {
      view.release();
    }
  });

  it.each(OPS)('%s: k = 1, 10, 60 over all segments', async (op) => {
    for (const q of queries) {
      for (const k of [1, 10, 60]) {
        const got = await compare(s, op, q, `LIMIT ${k}`);
        expect(got.length).toBe(k);
      }
    }
  });

  it.each(OPS)('%s: with a filter and OFFSET', async (op) => {
    const got = await compare(s, op, queries[0], 'LIMIT 7 OFFSET 3', 'WHERE cat = 2');
    expect(got.length).toBe(7);
    await compare(s, op, queries[1], 'LIMIT 20', "WHERE cat IN (1, 9) AND id > 100");
  });

  it('the distance equals the scalar function l2_distance / cosine_distance', async () => {
    const q = queries[2];
    const got = await rows(s, `SELECT id, emb <-> '${q}', l2_distance(emb, '${q}'), emb <=> '${q}', cosine_distance(emb, '${q}') FROM items ORDER BY emb <-> '${q}' LIMIT 5`);
    for (const r of got) {
      expect(r[1]).toBe(r[2]);
      expect(r[3]).toBe(r[4]);
    }
  });

  it('NULL vectors come last, only when fewer than k rows have a vector', async () => {
    // cat = 3 and id < 60: ids 3, 8, ..., 58 without 28 (deleted); id 13 has a NULL vector.
    const got = await compare(s, '<->', queries[0], 'LIMIT 50', 'WHERE cat = 3 AND id < 60');
    expect(got.length).toBe(11);
    expect(got.filter((r) => r[1] === null).map((r) => r[0])).toEqual([13]);
    expect(got[10][1]).toBeNull();
    const few = await rows(s, `SELECT id FROM items WHERE cat = 3 AND id < 60 ORDER BY emb <-> '${queries[0]}' LIMIT 10`);
    expect(few.some((r) => r[0] === 13)).toBe(false);
    // Without a filter: the NULL rows of every segment fill up only past the non-NULL ones.
    const all = await compare(s, '<#>', queries[0], 'LIMIT 700');
    const firstNull = all.findIndex((r) => r[1] === null);
    expect(all.slice(firstNull).every((r) => r[1] === null)).toBe(true);
    expect(all.length - firstNull).toBe(Number((await rows(s, 'SELECT count(*) FROM items WHERE emb IS NULL'))[0][0]));
  });

  it("sees an open transaction's own inserts, updates and deletes", async () => {
    const t = h.session();
    await rows(t, 'BEGIN');
    const q = queries[1];
    const before = await rows(t, `SELECT id FROM items ORDER BY emb <-> '${q}' LIMIT 5`);
    await rows(t, `INSERT INTO items VALUES (10000, 1, '${q}'), (10001, 1, NULL)`);
    await rows(t, `DELETE FROM items WHERE id = ${before[0][0]}`);
    await rows(t, `UPDATE items SET emb = '${q}' WHERE id = ${before[4][0]}`);
    const got = await compare(t, '<->', q, 'LIMIT 5');
    expect(got.slice(0, 2).map((r) => r[0]).sort()).toEqual([10000, before[4][0]].sort());
    expect(got.some((r) => r[0] === before[0][0])).toBe(false);
    await compare(t, '<=>', q, 'LIMIT 8', 'WHERE cat = 1');
    // Another session does not see them.
    const other = await rows(s, `SELECT id FROM items ORDER BY emb <-> '${q}' LIMIT 5`);
    expect(other).toEqual(before);
    await rows(t, 'ROLLBACK');
  });

  it('takes the query vector and k from parameters', async () => {
    const p = s.prepare('SELECT id FROM items ORDER BY emb <-> $1 LIMIT $2');
    const sink = new (await import('../session/result-sink')).CollectingSink();
    const qv = Float32Array.from(JSON.parse(queries[0]) as number[]);
    await s.execute(p, [qv, 4n], sink);
    const want = await rows(s, `SELECT id FROM items ORDER BY (emb <-> '${queries[0]}') + 0 LIMIT 4`);
    expect(sink.rowsOut).toEqual(want);
  });

  it('LIMIT 0 returns nothing; LIMIT NULL ranks every row; negative LIMIT is 2201W', async () => {
    expect(await rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[0]}' LIMIT 0`)).toEqual([]);
    const all = await compare(s, '<->', queries[0], 'LIMIT NULL');
    expect(all.length).toBe(Number((await rows(s, 'SELECT count(*) FROM items'))[0][0]));
    await expect(rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[0]}' LIMIT -1`)).rejects.toMatchObject({ sqlstate: '2201W' });
  });

  it('a NULL query gives k rows with NULL distances; a zero query gives NaN cosine distances', async () => {
    const nulls = await rows(s, 'SELECT id, emb <-> NULL FROM items ORDER BY emb <-> NULL LIMIT 4');
    expect(nulls.map((r) => r[1])).toEqual([null, null, null, null]);
    const zero = `[${new Array(DIM).fill(0).join(',')}]`;
    const nan = await rows(s, `SELECT id, emb <=> '${zero}' FROM items ORDER BY emb <=> '${zero}' LIMIT 3`);
    expect(nan.map((r) => Number.isNaN(r[1]))).toEqual([true, true, true]);
  });

  it('a query of another dimension fails as the operator does', async () => {
    await expect(rows(s, "SELECT id FROM items ORDER BY emb <-> '[1,2]' LIMIT 3"))
      .rejects.toMatchObject({ sqlstate: '22000', message: `different vector dimensions ${DIM} and 2` });
  });

  it('survives a restart with the same answers (sealed segments re-mapped)', async () => {
    const q = queries[2];
    const before = await rows(s, `SELECT id, emb <-> '${q}' FROM items ORDER BY emb <-> '${q}' LIMIT 10`);
    await rows(s, 'CHECKPOINT');
    await h.reopen();
    s = h.session();
    expect(await rows(s, `SELECT id, emb <-> '${q}' FROM items ORDER BY emb <-> '${q}' LIMIT 10`)).toEqual(before);
    const view = h.engine.snapshot();
    try {
      expect(view.table(h.storageId('items')).segments.filter((x) => x.sealed).map((x) => x.vectorArena('3').kind)).toEqual(['mapped', 'mapped']);
    } finally {
      view.release();
    }
  });
});
