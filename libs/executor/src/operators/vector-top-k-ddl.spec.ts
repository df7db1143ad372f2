// Vector columns through DDL and the other write paths (CREATE TABLE AS, ALTER TABLE ADD /
// DROP COLUMN, COPY), and the JS ranking of payload-stored types (vector without typmod,
// halfvec, sparsevec, bit), each compared with the query forced through Sort.
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import { CollectingSink } from '../session/result-sink';
import type { Session } from '../session/session';

async function plan(s: Session, sql: string): Promise<string> {
  return (await rows(s, `EXPLAIN ${sql}`)).map((r) => r[0]).join('\n');
}

/** The Vector Top-K answer equals the Sort answer (ids in order; the data below has no ties). */
async function sameAsSort(s: Session, table: string, expr: string, limit = 'LIMIT 5', where = ''): Promise<unknown[][]> {
  const top = `SELECT id, ${expr} FROM ${table} ${where} ORDER BY ${expr} ${limit}`;
  expect(await plan(s, top)).toContain(`Vector Top-K Scan on ${table}`);
  const got = await rows(s, top);
  expect(got).toEqual(await rows(s, `SELECT id, ${expr} FROM ${table} ${where} ORDER BY (${expr}) + 0 ${limit}`));
  return got;
}

function storageVectorColumns(h: VectorHarness, table: string): unknown {
  const view = h.engine.snapshot();
  try {
    return view.table(h.storageId(table)).def.vectorColumns;
  } finally {
    view.release();
  }
}

describe('vector columns through DDL and write paths', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(7);

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    await rows(s, 'CREATE TABLE base (id int, emb vector(4), loose vector, h halfvec(4), sp sparsevec(6), b bit(6))');
    const values: string[] = [];
    for (let id = 1; id <= 120; id++) {
      const v = randomVectorText(rand, 4);
      const bits = Array.from({ length: 6 }, () => (rand() < 0.5 ? '0' : '1')).join('');
      values.push(`(${id}, '${v}', '${randomVectorText(rand, 4)}', '${v}', '{${1 + (id % 6)}:${(rand() + 0.1).toFixed(4)},${1 + ((id + 2) % 6)}:${rand().toFixed(4)}}/6', '${bits}')`);
    }
    await rows(s, `INSERT INTO base VALUES ${values.join(',')}`);
    await h.seal('base');
  }, 60000);

  afterAll(async () => {
    await h.close();
  });

  it('CREATE TABLE keeps only vector(n) apart from the payload', () => {
    expect(storageVectorColumns(h, 'base')).toEqual([{ name: '2', dim: 4 }]);
  });

  it.each([
    ["loose <-> '[0.1,0.2,0.3,0.4]'"],
    ["h <=> '[0.1,0.2,0.3,0.4]'"],
    ["h <#> '[0.1,0.2,0.3,0.4]'"],
    ["sp <-> '{1:0.5,3:0.25}/6'"],
    ["sp <+> '{2:0.5}/6'"],
  ])('payload-stored types rank in JS: %s', async (expr) => {
    await sameAsSort(s, 'base', expr, 'LIMIT 7');
  });

  it('bit columns rank by hamming / jaccard (ties: same distances)', async () => {
    for (const expr of ["b <~> '101010'", "b <%> '110011'"]) {
      const top = `SELECT ${expr} FROM base ORDER BY ${expr} LIMIT 9`;
      expect(await plan(s, top)).toContain('Vector Top-K Scan');
      expect(await rows(s, top)).toEqual(await rows(s, `SELECT ${expr} FROM base ORDER BY (${expr}) + 0 LIMIT 9`));
    }
  });

  it('CREATE TABLE AS stores a vector(n) result apart and searches it', async () => {
    await rows(s, 'CREATE TABLE copy1 AS SELECT id, emb FROM base WHERE id <= 80');
    expect(storageVectorColumns(h, 'copy1')).toEqual([{ name: '2', dim: 4 }]);
    const got = await sameAsSort(s, 'copy1', "emb <-> '[0.5,0.5,0.5,0.5]'");
    expect(got.every((r) => (r[0] as number) <= 80)).toBe(true);
  });

  it('ALTER TABLE ADD COLUMN vector(n) adds a storage vector column (old rows NULL); DROP COLUMN leaves it unused', async () => {
    await rows(s, 'CREATE TABLE alt (id int, emb vector(4))');
    await rows(s, "INSERT INTO alt SELECT id, emb FROM base WHERE id <= 50");
    await h.seal('alt'); // a sealed segment predating the column
    await rows(s, 'ALTER TABLE alt ADD COLUMN e2 vector(4)');
    expect(storageVectorColumns(h, 'alt')).toEqual([{ name: '2', dim: 4 }, { name: '3', dim: 4 }]);
    expect(await rows(s, "SELECT count(*) FROM alt WHERE e2 IS NULL")).toEqual(await rows(s, 'SELECT count(*) FROM alt'));
    // Every vector is NULL: the top-k still returns k rows (NULLs last, as PostgreSQL).
    expect(await rows(s, "SELECT e2 FROM alt ORDER BY e2 <-> '[0.1,0.1,0.1,0.1]' LIMIT 3")).toEqual([[null], [null], [null]]);
    await rows(s, 'UPDATE alt SET e2 = emb + emb WHERE id <= 40');
    await sameAsSort(s, 'alt', "e2 <-> '[0.1,0.1,0.1,0.1]'");
    // In one transaction: ADD COLUMN with a DEFAULT (written through the new storage column), then a search.
    await rows(s, 'BEGIN');
    await rows(s, "ALTER TABLE alt ADD COLUMN e3 vector(2) DEFAULT '[1,2]'");
    await rows(s, "INSERT INTO alt (id, e3) VALUES (999, '[0,0]')");
    expect(await rows(s, "SELECT id, e3::text FROM alt ORDER BY e3 <-> '[0,0]' LIMIT 2")).toEqual([[999, '[0,0]'], [expect.any(Number), '[1,2]']]);
    await rows(s, 'COMMIT');
    expect(storageVectorColumns(h, 'alt')).toEqual([{ name: '2', dim: 4 }, { name: '3', dim: 4 }, { name: '4', dim: 2 }]);
    expect(await rows(s, 'SELECT DISTINCT e3::text FROM alt WHERE id < 999')).toEqual([['[1,2]']]);
    await rows(s, 'DELETE FROM alt WHERE id = 999');
    await rows(s, 'ALTER TABLE alt DROP COLUMN emb');
    await rows(s, "INSERT INTO alt (id, e2) VALUES (1000, '[0.1,0.1,0.1,0.1]')");
    const got = await sameAsSort(s, 'alt', "e2 <-> '[0.1,0.1,0.1,0.1]'", 'LIMIT 3');
    expect(got[0]).toEqual([1000, 0]);
  });

  it('ALTER COLUMN TYPE of a storage vector column keeps every value readable and searchable', async () => {
    await rows(s, 'CREATE TABLE retyped (id int, emb vector(3))');
    await rows(s, "INSERT INTO retyped VALUES (1, '[1,0,0]'), (2, '[0,1,0]'), (3, NULL)");
    await rows(s, 'ALTER TABLE retyped ALTER COLUMN emb TYPE sparsevec(3) USING emb::sparsevec');
    expect(await rows(s, "SELECT id, emb::text FROM retyped ORDER BY emb <-> '{2:1}/3' LIMIT 3"))
      .toEqual([[2, '{2:1}/3'], [1, '{1:1}/3'], [3, null]]);
    await rows(s, 'ALTER TABLE retyped ALTER COLUMN emb TYPE vector(3) USING emb::vector(3)');
    await rows(s, "INSERT INTO retyped VALUES (4, '[0,0,1]')");
    await sameAsSort(s, 'retyped', "emb <-> '[0,0,0.9]'", 'LIMIT 4');
    await rows(s, 'ALTER TABLE retyped ALTER COLUMN emb TYPE halfvec(3)');
    // ids 1 and 4 tie for second place.
    const top = await rows(s, "SELECT id, emb <-> '[0,0.9,0]' FROM retyped ORDER BY emb <-> '[0,0.9,0]' LIMIT 2");
    expect(top[0]).toEqual([2, expect.closeTo(0.1, 3)]);
    expect([1, 4]).toContain(top[1][0]);
    expect(top[1][1]).toBeCloseTo(Math.sqrt(1.81), 3);
  });

  it('COPY FROM STDIN writes vector(n) columns apart; UPDATE of the vector moves the row', async () => {
    await rows(s, 'CREATE TABLE copied (id int, emb vector(3))');
    const sink = new CollectingSink();
    const data = Buffer.from('1\t[1,0,0]\n2\t[0,1,0]\n3\t\\N\n4\t[0,0,1]\n');
    Object.assign(sink, { copyIn: async function* () { yield data; } });
    await s.query('COPY copied FROM STDIN', sink);
    expect(storageVectorColumns(h, 'copied')).toEqual([{ name: '2', dim: 3 }]);
    const got = await rows(s, "SELECT id, emb <-> '[0,1,0]' FROM copied ORDER BY emb <-> '[0,1,0]' LIMIT 4");
    expect(got.map((r) => r[1])).toEqual([0, Math.SQRT2, Math.SQRT2, null]);
    expect(got.map((r) => r[0]).sort()).toEqual([1, 2, 3, 4]);
    await rows(s, "UPDATE copied SET emb = '[0,1,0.5]' WHERE id = 3");
    expect((await rows(s, "SELECT id FROM copied ORDER BY emb <-> '[0,1,0]' LIMIT 2"))).toEqual([[2], [3]]);
  });

  it('EXPLAIN ANALYZE runs the node and counts its rows', async () => {
    const text = await plan(s, "ANALYZE SELECT id FROM base ORDER BY emb <-> '[0,0,0,1]' LIMIT 3");
    expect(text).toMatch(/Vector Top-K Scan on base \(actual .*rows=3 loops=1\)/);
    expect(text).toContain('Rows Scanned: 120\n');
    expect(text).toContain('Distances Computed: 120');
    const filtered = await plan(s, "ANALYZE SELECT id FROM base WHERE id <= 30 ORDER BY emb <-> '[0,0,0,1]' LIMIT 3");
    expect(filtered).toContain('Rows Removed by Filter: 90');
    expect(filtered).toContain('Distances Computed: 30');
    const js = await plan(s, "ANALYZE SELECT id FROM base WHERE id <= 30 ORDER BY h <-> '[0,0,0,1]' LIMIT 3");
    expect(js).toContain('Rows Scanned: 120');
    expect(js).toContain('Distances Computed: 30');
  });
});
