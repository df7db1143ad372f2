// hnsw / ivfflat indexes end to end through the session: CREATE INDEX seals and builds one
// index per sealed segment, Vector Top-K searches them (recall against the exact Sort answer),
// mutable rows, deletes and filters are honoured, ef_search caps and iterative scans behave as
// pgvector's, a restart opens the persisted files without rebuilding, DROP INDEX falls back to
// the exact scan, and pgvector's DDL errors / notices.
import { rows, run, failure } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';
import { annFileName } from './ann-index';

const DIM = 16;

async function plan(s: Session, sql: string): Promise<string> {
  return (await rows(s, `EXPLAIN ${sql}`)).map((r) => r[0]).join('\n');
}

function ids(r: unknown[][]): number[] {
  return r.map((x) => Number(x[0]));
}

/** Inserts rows [from, to) with id, cat = id % 10 and a random vector. */
async function insertRows(s: Session, table: string, from: number, to: number, rand: () => number): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const values: string[] = [];
    for (let id = start; id < Math.min(to, start + 500); id++) values.push(`(${id}, ${id % 10}, '${randomVectorText(rand, DIM)}')`);
    await rows(s, `INSERT INTO ${table} VALUES ${values.join(',')}`);
  }
}

/** Mean recall@k of the index answer against the exact (Sort) answer over `queries`. */
async function recall(s: Session, table: string, op: string, queries: string[], where = '', k = 10): Promise<number> {
  let hit = 0;
  let total = 0;
  for (const q of queries) {
    const got = ids(await rows(s, `SELECT id FROM ${table} ${where} ORDER BY emb ${op} '${q}' LIMIT ${k}`));
    const want = ids(await rows(s, `SELECT id FROM ${table} ${where} ORDER BY (emb ${op} '${q}') + 0 LIMIT ${k}`));
    const set = new Set(got);
    hit += want.filter((id) => set.has(id)).length;
    total += want.length;
  }
  return hit / total;
}

function segmentsWithFile(h: VectorHarness, table: string, oid: number): { sealed: number; withFile: number } {
  const id = h.storageId(table);
  const view = h.engine.snapshot();
  try {
    const segs = view.table(id).segments.filter((x) => x.sealed);
    return { sealed: segs.length, withFile: segs.filter((x) => h.engine.segmentFiles(id, x.id)?.includes(annFileName(oid))).length };
  } finally {
    view.release();
  }
}

async function indexOid(s: Session, name: string): Promise<number> {
  return Number((await rows(s, `SELECT '${name}'::regclass::oid`))[0][0]);
}

describe('hnsw / ivfflat indexes through Vector Top-K', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(11);
  const queries = Array.from({ length: 20 }, () => randomVectorText(rand, DIM));

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    await rows(s, `CREATE TABLE items (id int, cat int, emb vector(${DIM}))`);
    await insertRows(s, 'items', 0, 1500, rand);
    await h.seal('items');
    await insertRows(s, 'items', 1500, 3000, rand);
    await h.seal('items');
    await insertRows(s, 'items', 3000, 4000, rand);
  }, 120000);

  afterAll(async () => {
    await h.db.annIndexes.idle();
    await h.close();
  });

  it('CREATE INDEX seals the table and builds one index file per sealed segment', async () => {
    await rows(s, 'CREATE INDEX items_emb_idx ON items USING hnsw (emb vector_l2_ops) WITH (m = 16, ef_construction = 64)');
    const oid = await indexOid(s, 'items_emb_idx');
    // 2 sealed + the 1000 mutable rows sealed by CREATE INDEX.
    expect(segmentsWithFile(h, 'items', oid)).toEqual({ sealed: 3, withFile: 3 });
    const p = await plan(s, `SELECT id FROM items ORDER BY emb <-> '${queries[0]}' LIMIT 10`);
    expect(p).toContain('Vector Top-K Scan using items_emb_idx on items');
    expect(p).toContain('Strategy: hnsw');
    const analyzed = (await rows(s, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM items ORDER BY emb <-> '${queries[0]}' LIMIT 10`)).map((r) => r[0]);
    expect(analyzed[1]).toContain('Vector Top-K Scan using items_emb_idx on items (actual rows=10');
    // Another operator than the opclass's: exact.
    expect(await plan(s, `SELECT id FROM items ORDER BY emb <=> '${queries[0]}' LIMIT 10`)).toContain('Strategy: exact');
  }, 120000);

  it('recall@10 >= 0.95 at the default ef_search, with rows added after the build (mutable)', async () => {
    await insertRows(s, 'items', 4000, 4300, rand);
    expect(await recall(s, 'items', '<->', queries)).toBeGreaterThanOrEqual(0.95);
    // A new row equal to the query is found (it lives in the mutable segment).
    await rows(s, `INSERT INTO items VALUES (99999, 0, '${queries[3]}')`);
    expect(ids(await rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[3]}' LIMIT 3`))[0]).toBe(99999);
  }, 120000);

  it('deleted rows are never returned', async () => {
    const before = ids(await rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[5]}' LIMIT 5`));
    await rows(s, `DELETE FROM items WHERE id IN (${before.slice(0, 3).join(',')})`);
    const after = ids(await rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[5]}' LIMIT 5`));
    expect(after).toHaveLength(5);
    for (const id of before.slice(0, 3)) expect(after).not.toContain(id);
    expect(after.slice(0, 2)).toEqual(before.slice(3, 5));
  });

  it('a WHERE filter is applied during the search (every row passes, recall stays high)', async () => {
    const got = await rows(s, `SELECT id, cat FROM items WHERE cat = 3 ORDER BY emb <-> '${queries[1]}' LIMIT 10`);
    expect(got).toHaveLength(10);
    expect(got.every((r) => r[1] === 3)).toBe(true);
    expect(await recall(s, 'items', '<->', queries.slice(0, 8), 'WHERE cat = 3')).toBeGreaterThanOrEqual(0.95);
  }, 60000);

  it('hnsw.ef_search caps the rows of a plain index scan; an iterative scan reaches k', async () => {
    await rows(s, 'SET hnsw.ef_search = 5');
    expect(await rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[2]}' LIMIT 20`)).toHaveLength(5);
    await rows(s, 'SET hnsw.iterative_scan = relaxed_order');
    expect(await rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[2]}' LIMIT 20`)).toHaveLength(20);
    // A selective filter (1% of the rows): the iterative scan still finds k rows that pass.
    const sel = await rows(s, `SELECT id FROM items WHERE id % 100 = 7 ORDER BY emb <-> '${queries[2]}' LIMIT 15`);
    expect(sel).toHaveLength(15);
    expect(sel.every((r) => Number(r[0]) % 100 === 7)).toBe(true);
    await rows(s, 'RESET hnsw.iterative_scan');
    await rows(s, 'RESET hnsw.ef_search');
    expect(await rows(s, `SELECT id FROM items ORDER BY emb <-> '${queries[2]}' LIMIT 100`)).toHaveLength(40);
  }, 60000);

  it('a segment sealed later is searched exactly, then gets its index in the background', async () => {
    const oid = await indexOid(s, 'items_emb_idx');
    await h.seal('items');
    expect(segmentsWithFile(h, 'items', oid)).toEqual({ sealed: 4, withFile: 3 });
    expect(await recall(s, 'items', '<->', queries.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
    await h.db.annIndexes.idle();
    expect(segmentsWithFile(h, 'items', oid)).toEqual({ sealed: 4, withFile: 4 });
  }, 60000);

  it('a merged segment is searched exactly, then gets its index in the background', async () => {
    const oid = await indexOid(s, 'items_emb_idx');
    const id = h.storageId('items');
    const view = h.engine.snapshot();
    const segs = view.table(id).segments.filter((x) => x.sealed).map((x) => x.id);
    view.release();
    await h.engine.merge(id, segs.slice(2));
    expect(segmentsWithFile(h, 'items', oid)).toEqual({ sealed: 3, withFile: 2 });
    expect(await recall(s, 'items', '<->', queries.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
    await h.db.annIndexes.idle();
    expect(segmentsWithFile(h, 'items', oid)).toEqual({ sealed: 3, withFile: 3 });
  }, 60000);

  it('a restart opens the persisted indexes without rebuilding them', async () => {
    await h.db.annIndexes.idle();
    await h.reopen();
    s = h.session();
    expect(await recall(s, 'items', '<->', queries.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
    expect(h.db.annIndexes.stats).toEqual({ builds: 0, opens: 3 });
  }, 60000);

  it('REINDEX rebuilds the index of every sealed segment', async () => {
    const oid = await indexOid(s, 'items_emb_idx');
    const before = h.db.annIndexes.stats.builds;
    expect((await run(s, 'REINDEX INDEX items_emb_idx')).tags).toEqual(['REINDEX']);
    expect(h.db.annIndexes.stats.builds - before).toBe(3);
    expect(segmentsWithFile(h, 'items', oid)).toEqual({ sealed: 3, withFile: 3 });
    expect((await run(s, 'REINDEX TABLE items')).tags).toEqual(['REINDEX']);
    expect(h.db.annIndexes.stats.builds - before).toBe(6);
    expect(await recall(s, 'items', '<->', queries.slice(0, 5))).toBeGreaterThanOrEqual(0.95);
    expect((await failure(s, 'REINDEX INDEX items')).message).toBe('"items" is not an index');
  }, 60000);

  it('DROP INDEX removes the files and falls back to the exact scan', async () => {
    const oid = await indexOid(s, 'items_emb_idx');
    await rows(s, 'DROP INDEX items_emb_idx');
    expect(segmentsWithFile(h, 'items', oid)).toEqual({ sealed: 3, withFile: 0 });
    const sql = `SELECT id FROM items ORDER BY emb <-> '${queries[0]}' LIMIT 10`;
    expect(await plan(s, sql)).toContain('Strategy: exact');
    expect(await rows(s, sql)).toEqual(await rows(s, `SELECT id FROM items ORDER BY (emb <-> '${queries[0]}') + 0 LIMIT 10`));
  }, 60000);

  it('ivfflat: lists, probes, iterative probes; probes = lists is exact', async () => {
    // CONCURRENTLY behaves like the plain form (readers are never blocked here).
    await rows(s, 'CREATE INDEX CONCURRENTLY items_ivf ON items USING ivfflat (emb vector_cosine_ops) WITH (lists = 8)');
    const sql = (q: string) => `SELECT id FROM items ORDER BY emb <=> '${q}' LIMIT 10`;
    expect(await plan(s, sql(queries[0]))).toContain('Vector Top-K Scan using items_ivf on items');
    expect(await plan(s, sql(queries[0]))).toContain('Strategy: ivfflat');
    await rows(s, 'SET ivfflat.probes = 8');
    expect(await recall(s, 'items', '<=>', queries.slice(0, 5))).toBe(1);
    await rows(s, 'SET ivfflat.probes = 1');
    // One list of eight under a 1% filter: pgvector returns fewer than k rows unless the probes
    // grow; vecgres (issue #7) samples the unindexed filter, finds few matching rows and searches
    // them exactly, so k rows come back either way.
    const sel = `SELECT id FROM items WHERE id % 100 = 7 ORDER BY emb <=> '${queries[4]}' LIMIT 20`;
    expect(await rows(s, sel)).toHaveLength(20);
    await rows(s, 'SET ivfflat.iterative_scan = relaxed_order');
    expect(await rows(s, sel)).toHaveLength(20);
    await rows(s, 'RESET ivfflat.iterative_scan');
    await rows(s, 'RESET ivfflat.probes');
    await rows(s, 'DROP INDEX items_ivf');
  }, 120000);

  it('a partial index is used when the WHERE clause repeats its predicate', async () => {
    await rows(s, 'CREATE INDEX items_cat2 ON items USING hnsw (emb vector_l2_ops) WHERE (cat = 2)');
    expect(await plan(s, `SELECT id FROM items WHERE cat = 2 ORDER BY emb <-> '${queries[0]}' LIMIT 5`)).toContain('using items_cat2');
    expect(await plan(s, `SELECT id FROM items WHERE cat = 4 ORDER BY emb <-> '${queries[0]}' LIMIT 5`)).toContain('Strategy: exact');
    expect(await plan(s, `SELECT id FROM items ORDER BY emb <-> '${queries[0]}' LIMIT 5`)).toContain('Strategy: exact');
    expect(await recall(s, 'items', '<->', queries.slice(0, 5), 'WHERE cat = 2')).toBeGreaterThanOrEqual(0.95);
    await rows(s, 'DROP INDEX items_cat2');
  }, 60000);

  it('NULL and zero vectors are not returned by a cosine index and do not hurt recall', async () => {
    await rows(s, `CREATE TABLE sparse_rows (id int, cat int, emb vector(${DIM}))`);
    const values: string[] = [];
    for (let id = 0; id < 3000; id++) {
      const v = id % 3 === 0 ? 'NULL' : id % 3 === 1 ? `'[${new Array(DIM).fill(0).join(',')}]'` : `'${randomVectorText(rand, DIM)}'`;
      values.push(`(${id}, 0, ${v})`);
    }
    await rows(s, `INSERT INTO sparse_rows VALUES ${values.join(',')}`);
    await rows(s, 'CREATE INDEX ON sparse_rows USING hnsw (emb vector_cosine_ops)');
    const got = await rows(s, `SELECT id FROM sparse_rows ORDER BY emb <=> '${queries[0]}' LIMIT 100`);
    expect(got).toHaveLength(40);
    expect(got.every((r) => Number(r[0]) % 3 === 2)).toBe(true);
    let hit = 0;
    for (const q of queries.slice(0, 10)) {
      const a = ids(await rows(s, `SELECT id FROM sparse_rows ORDER BY emb <=> '${q}' LIMIT 10`));
      const b = ids(await rows(s, `SELECT id FROM sparse_rows WHERE id % 3 = 2 ORDER BY (emb <=> '${q}') + 0 LIMIT 10`));
      hit += b.filter((x) => a.includes(x)).length;
    }
    expect(hit / 100).toBeGreaterThanOrEqual(0.95);
  }, 60000);

  it('pg_stat_progress_create_index shows a running build', async () => {
    await rows(s, `CREATE TABLE prog (id int, cat int, emb vector(${DIM}))`);
    await insertRows(s, 'prog', 0, 5000, rand);
    const other = h.session();
    let done = false;
    const build = rows(s, 'CREATE INDEX prog_idx ON prog USING hnsw (emb vector_l2_ops)').finally(() => { done = true; });
    const seen: unknown[][] = [];
    while (!done) {
      seen.push(...(await rows(other, `SELECT relid::regclass::text, index_relid::regclass::text, command, phase, tuples_total
        FROM pg_stat_progress_create_index`)));
      // Let the build's native completion (a macrotask) through.
      await new Promise((r) => setTimeout(r, 2));
    }
    await build;
    expect(seen.length).toBeGreaterThan(0);
    // The index is not committed yet: another session sees only its OID (as in PostgreSQL).
    expect(seen[0]).toEqual(['prog', expect.stringMatching(/^\d+$/), 'CREATE INDEX', 'building index: loading tuples', 5000n]);
    expect(await rows(other, 'SELECT * FROM pg_stat_progress_create_index')).toEqual([]);
  }, 60000);

  it("pgvector's errors and the ivfflat little-data notice", async () => {
    await rows(s, 'CREATE TABLE loose (id int, emb vector, b bit(20000), h halfvec(3))');
    expect(await failure(s, 'CREATE INDEX ON loose USING hnsw (emb vector_l2_ops)')).toEqual({ sqlstate: 'XX000', message: 'column does not have dimensions' });
    expect(await failure(s, 'CREATE INDEX ON loose USING ivfflat (emb vector_l2_ops)')).toEqual({ sqlstate: 'XX000', message: 'column does not have dimensions' });
    expect(await failure(s, 'CREATE INDEX ON loose USING hnsw (b bit_hamming_ops)')).toEqual({
      sqlstate: 'XX000', message: 'column cannot have more than 16000 dimensions for hnsw index',
    });
    expect((await failure(s, 'CREATE INDEX ON items USING hnsw (emb vector_l2_ops) WITH (m = 32, ef_construction = 40)')).message)
      .toBe('ef_construction must be greater than or equal to 2 * m');
    expect((await failure(s, 'CREATE INDEX ON items USING ivfflat (emb vector_l2_ops) WITH (lists = 0)')).sqlstate).toBe('22023');
    expect((await failure(s, 'CREATE INDEX ON loose USING hnsw (h vector_l2_ops)')).message).toBe('operator class "vector_l2_ops" does not accept data type halfvec');
    await rows(s, 'CREATE TABLE small (id int, emb vector(3))');
    await rows(s, "INSERT INTO small VALUES (1, '[1,2,3]'), (2, '[3,2,1]')");
    const r = await run(s, 'CREATE INDEX ON small USING ivfflat (emb vector_l2_ops) WITH (lists = 5)');
    expect(r.notices).toEqual(['ivfflat index created with little data']);
    expect((await run(s, 'CREATE INDEX ON small USING hnsw (emb vector_l2_ops)')).notices).toEqual([]);
    expect(ids(await rows(s, "SELECT id FROM small ORDER BY emb <-> '[1,2,3.5]' LIMIT 1"))).toEqual([1]);
    // A rolled-back CREATE INDEX leaves no index; DROP TABLE takes its indexes along.
    await rows(s, 'BEGIN');
    await rows(s, 'CREATE INDEX small_rb ON small USING hnsw (emb vector_ip_ops)');
    await rows(s, 'ROLLBACK');
    expect(await plan(s, "SELECT id FROM small ORDER BY emb <#> '[1,2,3]' LIMIT 1")).toContain('Strategy: exact');
    expect((await run(s, 'DROP TABLE small')).tags).toEqual(['DROP TABLE']);
  }, 60000);
});
