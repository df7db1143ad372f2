// ALTER TABLE ADD COLUMN of a vector(n) on a table with sealed rows: the column is a storage
// vector column (ddl-exec.ts -> Transaction.addVectorColumn), the segment sealed before it reads
// NULL there (no arena, nothing to index), and an HNSW index over the column builds for the
// segments that have it and answers like the exact plan.
import { rows } from '../testing/engine-harness';
import { openVectorHarness, type VectorHarness } from '../testing/vector-harness';

describe('ALTER TABLE ADD COLUMN vector(n) over sealed rows', () => {
  let h: VectorHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('stores it apart, keeps old rows NULL, and indexes it with hnsw', async () => {
    h = await openVectorHarness();
    const s = h.session();
    await rows(s, 'CREATE TABLE alt (id int, emb vector(2))');
    await rows(s, "INSERT INTO alt SELECT g, '[1,2]'::vector FROM generate_series(1, 50) g");
    await h.seal('alt');
    await rows(s, 'ALTER TABLE alt ADD COLUMN e2 vector(3)');
    const view = h.engine.snapshot();
    expect(view.table(h.storageId('alt')).def.vectorColumns).toEqual([{ name: '2', dim: 2 }, { name: '3', dim: 3 }]);
    view.release();
    await rows(s, "INSERT INTO alt (id, e2) SELECT g, ('[' || g || ',0,0]')::vector(3) FROM generate_series(100, 150) g");
    await h.seal('alt');
    await rows(s, 'CREATE INDEX alt_e2 ON alt USING hnsw (e2 vector_l2_ops)');
    const plan = (await rows(s, "EXPLAIN SELECT id FROM alt ORDER BY e2 <-> '[120,0,0]' LIMIT 3")).map((r) => r[0]).join('\n');
    expect(plan).toContain('Vector Top-K Scan using alt_e2 on alt');
    expect(await rows(s, "SELECT id FROM alt ORDER BY e2 <-> '[120.2,0,0]' LIMIT 3")).toEqual([[120], [121], [119]]);
    // The 50 old rows are NULL: sorted last, as PostgreSQL does without an index.
    expect(await rows(s, "SELECT count(*) FROM alt WHERE e2 IS NULL")).toEqual(await rows(s, 'SELECT count(*) FROM alt WHERE id <= 50'));
    expect(await rows(s, "SELECT id, e2::text FROM alt WHERE id IN (1, 150) ORDER BY id")).toEqual([[1, null], [150, '[150,0,0]']]);
  });
});
