// hnsw WITH (payload_m = m) (beyond pgvector, Qdrant's payload_m): when the table has keyword
// payload indexes at graph build time, each segment's graph gets extra links among the rows
// sharing a value (payload-groups.ts), persisted with the graph; filtered searches use them.
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';
import { annFileName } from '../vector-index/ann-index';

const DIM = 16;

describe('hnsw payload_m', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(3);
  const queries = Array.from({ length: 6 }, () => randomVectorText(rand, DIM));

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    for (const t of ['plain', 'linked']) {
      await rows(s, `CREATE TABLE ${t} (id int, tag text, emb vector(${DIM}))`);
      await rows(s, `CREATE INDEX ON ${t} (tag)`);
    }
    const r2 = lcg(5);
    for (let start = 0; start < 3000; start += 500) {
      const values: string[] = [];
      for (let id = start; id < start + 500; id++) values.push(`(${id}, 't${id % 20}', '${randomVectorText(r2, DIM)}')`);
      for (const t of ['plain', 'linked']) await rows(s, `INSERT INTO ${t} VALUES ${values.join(',')}`);
    }
  }, 120000);

  afterAll(async () => {
    await h.db.annIndexes.idle();
    await h.close();
  });

  async function fileBytes(table: string, index: string): Promise<number> {
    const oid = Number((await rows(s, `SELECT '${index}'::regclass::oid`))[0][0]);
    const id = h.storageId(table);
    const view = h.engine.snapshot();
    const segs = view.table(id).segments.filter((x) => x.sealed).map((x) => x.id);
    view.release();
    let total = 0;
    for (const seg of segs) total += (await h.engine.readSegmentFile(id, seg, annFileName(oid))).byteLength;
    return total;
  }

  it('rejects out-of-range payload_m; builds and persists payload links', async () => {
    await expect(rows(s, 'CREATE INDEX ON plain USING hnsw (emb vector_l2_ops) WITH (payload_m = 101)')).rejects.toMatchObject({ message: expect.stringContaining('payload_m') });
    await rows(s, 'CREATE INDEX plain_emb ON plain USING hnsw (emb vector_l2_ops) WITH (m = 8, ef_construction = 32)');
    await rows(s, 'CREATE INDEX linked_emb ON linked USING hnsw (emb vector_l2_ops) WITH (m = 8, ef_construction = 32, payload_m = 8)');
    // 20 tags of 150 rows in one 3000-row segment: within [2m, rows / 2m * 4] = [16, 750].
    expect(await fileBytes('linked', 'linked_emb')).toBeGreaterThan(await fileBytes('plain', 'plain_emb'));
  }, 120000);

  it('a filtered search over the linked graph returns k rows with high recall', async () => {
    await rows(s, 'SET vecgres.full_scan_threshold = 1');
    let hit = 0;
    let total = 0;
    for (const q of queries) {
      const got = (await rows(s, `SELECT id FROM linked WHERE tag = 't4' ORDER BY emb <-> '${q}' LIMIT 10`)).map((r) => Number(r[0]));
      const want = (await rows(s, `SELECT id FROM linked WHERE tag = 't4' ORDER BY (emb <-> '${q}') + 0 LIMIT 10`)).map((r) => Number(r[0]));
      expect(got).toHaveLength(10);
      const set = new Set(got);
      hit += want.filter((x) => set.has(x)).length;
      total += want.length;
    }
    expect(hit / total).toBeGreaterThanOrEqual(0.9);
    await rows(s, 'RESET vecgres.full_scan_threshold');
  }, 120000);

  it('a filter selecting linked groups walks their links (two-hop at 2 * ef_search); other filters the plain walk', async () => {
    await rows(s, 'SET vecgres.full_scan_threshold = 1');
    const strategyOf = async (table: string, where: string): Promise<string[]> => {
      const lines = (await rows(s, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM ${table} WHERE ${where} ORDER BY emb <-> '${queries[0]}' LIMIT 10`)).map((r) => String(r[0]).trim());
      const plain = (await rows(s, `EXPLAIN (COSTS OFF) SELECT id FROM ${table} WHERE ${where} ORDER BY emb <-> '${queries[0]}' LIMIT 10`)).map((r) => String(r[0]).trim());
      return [...lines, ...plain].filter((l) => l.startsWith('Filter Strategy:'));
    };
    for (const where of [`tag = 't4'`, `tag IN ('t4', 't9')`]) {
      const lines = await strategyOf('linked', where);
      expect(lines.some((l) => l.startsWith('Filter Strategy: hnsw payload links (segments: 1,'))).toBe(true);
      expect(lines.some((l) => l.startsWith('Filter Strategy: hnsw payload links (estimated rows:'))).toBe(true);
    }
    // Sets the groups do not follow (a range index: no groups): the plain filtered walk. The
    // same group without payload links: the plain walk too.
    await rows(s, 'CREATE INDEX ON linked (id)');
    for (const where of ['id < 1500', 'id >= 2700']) {
      const lines = await strategyOf('linked', where);
      expect(lines.some((l) => l.startsWith('Filter Strategy: hnsw filtered ('))).toBe(true);
      expect(lines.some((l) => l.includes('payload links'))).toBe(false);
    }
    expect((await strategyOf('plain', `tag = 't4'`)).some((l) => l.startsWith('Filter Strategy: hnsw filtered ('))).toBe(true);
    // Recall of the group walk against the exact answer, at the default ef_search and at 10.
    for (const ef of [40, 10]) {
      await rows(s, `SET hnsw.ef_search = ${ef}`);
      let hit = 0;
      for (const q of queries) {
        const got = (await rows(s, `SELECT id FROM linked WHERE tag IN ('t4', 't9') ORDER BY emb <-> '${q}' LIMIT 10`)).map((r) => Number(r[0]));
        const want = (await rows(s, `SELECT id FROM linked WHERE tag IN ('t4', 't9') ORDER BY (emb <-> '${q}') + 0 LIMIT 10`)).map((r) => Number(r[0]));
        expect(got).toHaveLength(10);
        hit += want.filter((x) => got.includes(x)).length;
      }
      expect(hit / (10 * queries.length)).toBeGreaterThanOrEqual(0.9);
    }
    await rows(s, 'RESET hnsw.ef_search');
    await rows(s, 'RESET vecgres.full_scan_threshold');
  }, 120000);
});
