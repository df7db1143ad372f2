// Payload-index follow-ups through SQL (issue #7): sampling an uncertain candidate count,
// EXPLAIN ANALYZE's estimates and per-stage times, IS [NOT] NULL leaves, and filters comparing
// an indexed column with a value of another type. The oracle is `plain`, a copy of the table
// without any index: every query must answer the same there.
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';
import { CollectingSink } from '../session/result-sink';

const DIM = 16;
const BIG = 9007199254740992n; // 2^53

/** Row `id`: grp = id % 1000, tag, nullable note / price / ts / d, big around 2^53, numeric. */
function rowText(id: number, rand: () => number): string {
  const note = id % 5 === 0 ? 'NULL' : `'n${id % 4}'`;
  const price = id % 7 === 0 ? 'NULL' : String((id % 100) / 4);
  const ts = id % 9 === 0 ? 'NULL' : `'2024-01-01 00:00:00+00'::timestamptz + interval '${id % 240} hours'`;
  const d = id % 6 === 0 ? 'NULL' : `DATE '2024-01-01' + ${id % 20}`;
  const big = id % 11 === 0 ? 'NULL' : String(BIG + BigInt((id % 5) - 2));
  const num = id % 13 === 0 ? "'NaN'" : String((id % 8) / 2);
  return `(${id}, ${id % 1000}, 't${id % 10}', ${note}, ${price}, ${(id % 10) / 10}, ${ts}, ${d}, ${big}, ${num}, '${randomVectorText(rand, DIM)}')`;
}

describe('payload index planning: sampling, estimates, stages, IS NULL, cross-type comparisons', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(11);
  const q = randomVectorText(lcg(5), DIM);

  async function insert(table: string, from: number, to: number): Promise<void> {
    for (let start = from; start < to; start += 500) {
      const values: string[] = [];
      for (let id = start; id < Math.min(to, start + 500); id++) values.push(rowText(id, rand));
      await rows(s, `INSERT INTO ${table} VALUES ${values.join(',')}`);
    }
  }

  const ids = (r: unknown[][]) => r.map((x) => Number(x[0]));

  /** The indexed table's answer equals the plain copy's (Vector Top-K and Seq Scan). */
  async function same(where: string, k = 10): Promise<number> {
    const topk = (t: string) => rows(s, `SELECT id FROM ${t} WHERE ${where} ORDER BY emb <-> '${q}' LIMIT ${k}`);
    expect({ where, got: ids(await topk('t')) }).toEqual({ where, got: ids(await topk('plain')) });
    const scan = (t: string) => rows(s, `SELECT id FROM ${t} WHERE ${where} ORDER BY id`);
    const want = ids(await scan('plain'));
    expect({ where, got: ids(await scan('t')) }).toEqual({ where, got: want });
    return want.length;
  }

  async function explain(where: string, opts = 'ANALYZE, COSTS OFF, TIMING OFF'): Promise<string[]> {
    return (await rows(s, `EXPLAIN (${opts}) SELECT id FROM t WHERE ${where} ORDER BY emb <-> '${q}' LIMIT 10`)).map((r) => String(r[0]).trim());
  }

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    const cols = `id int, grp int, tag text, note text, price float8, f4 real, ts timestamptz, d date, big int8, num numeric, emb vector(${DIM})`;
    await rows(s, `CREATE TABLE t (${cols})`);
    await insert('t', 0, 1500);
    await h.seal('t');
    await insert('t', 1500, 3000);
    await h.seal('t');
    await insert('t', 3000, 3300);
    await rows(s, 'CREATE TABLE plain AS SELECT * FROM t');
    for (const c of ['grp', 'tag', 'note', 'price', 'f4', 'ts', 'd', 'big', 'num']) await rows(s, `CREATE INDEX t_${c} ON t (${c})`);
  }, 120000);

  afterAll(async () => {
    await h.db.annIndexes.idle();
    await h.close();
  });

  it('IS NULL / IS NOT NULL on indexed columns are exact bitmaps (keyword and float range)', async () => {
    const filters = [
      'note IS NULL', 'note IS NOT NULL AND grp < 100', 'NOT (note IS NULL) AND tag = $$t2$$', 'price IS NULL OR grp = 3',
      'grp IS NULL', 'grp IS NOT NULL', 'ts IS NULL', 'ts IS NOT NULL AND tag = $$t1$$', 'd IS NULL AND note IS NULL',
      'num IS NULL', 'big IS NOT NULL AND grp < 30', 'NOT (price IS NOT NULL OR note IS NULL)',
    ];
    for (const where of filters) await same(where);
    // Sealed segments: 3000 rows, note NULL on id % 5 = 0 -> 600 exact candidates, no recheck.
    const lines = await explain('note IS NULL');
    expect(lines).toContain('Filter Strategy: exact (segments: 2, candidate rows: 600, estimate: 600 exact)');
    expect(lines.some((l) => l.startsWith('Filter Strategy: exact + recheck (segments: 1, candidate rows: 300'))).toBe(true);
    // NOT of a never-NULL predicate is exact too (price NOT NULL: id % 7 <> 0 -> 3000 - 429).
    expect(await explain('NOT (price IS NULL)')).toContain('Filter Strategy: exact (segments: 2, candidate rows: 2571, estimate: 2571 exact)');
  }, 60000);

  it('cross-type comparisons are indexed correctly or left residual, never wrong', async () => {
    const filters = [
      'grp = 3.5::numeric', 'grp = 3.0::numeric', 'grp < 2.5', 'grp IN (1, 2.0, 7)', "grp = '7'", 'grp = 7::int8', 'grp = 7::int2',
      'grp = 7.0::float8', "tag = 't3'::varchar", "tag = 't3 '::char(3)", "tag IN ('t1'::varchar, 't2')",
      "ts >= '2024-01-03'::date", "ts = '2024-01-02'::date", "d < '2024-01-05 12:00+00'::timestamptz", "d = '2024-01-02'::timestamp",
      "d >= '2024-01-10'", 'price = 0.25::real', 'f4 = 0.1', 'f4 = 0.1::real', 'f4 > 0.3', 'price < 3::int8',
      `big > ${BIG}`, `big >= ${BIG}`, `big = ${BIG + 1n}`, `big < ${BIG}::numeric`, `big > ${BIG}.5`,
      "num = 1.5", 'num < 2', "num = 'NaN'", "num > 1::int", 'num = 1.5::float8',
    ];
    let nonEmpty = 0;
    for (const where of filters) if ((await same(where)) > 0) nonEmpty++;
    // The oracle compares real answers, not empty ones.
    expect(nonEmpty).toBeGreaterThan(filters.length / 2);
    // A varchar parameter against the text column.
    const byTag = async (t: string) => {
      const sink = new CollectingSink();
      await s.query(`SELECT id FROM ${t} WHERE tag = $1 ORDER BY emb <-> '${q}' LIMIT 10`, sink, ['t4'], [1043]);
      return ids(sink.rowsOut);
    };
    expect(await byTag('t')).toEqual(await byTag('plain'));
    expect(await byTag('t')).toHaveLength(10);
  }, 120000);

  it('an uncertain candidate count is sampled: exact below the threshold, hnsw with recheck above', async () => {
    await rows(s, 'CREATE INDEX t_emb ON t USING hnsw (emb vector_l2_ops)');
    await rows(s, 'CREATE INDEX plain_emb ON plain USING hnsw (emb vector_l2_ops)');
    // 12 kB = 192 vectors of 16 dims; grp < 800 gives 1200 candidates in each 1500-row segment
    // and 300 in the 300-row one the hnsw build sealed (sampled: half of them pass, below 192).
    await rows(s, 'SET vecgres.full_scan_threshold = 12');
    const rare = 'grp < 800 AND id % 400 = 7';
    const half = 'grp < 800 AND id % 2 = 0';
    const rareLines = await explain(rare);
    const rareLine = rareLines.find((l) => l.startsWith('Filter Strategy: exact + recheck (segments: 3'));
    expect(rareLine).toMatch(/candidate rows: \d+, estimate: \d+ sampled \d+ rows \[\d+\.\.\d+\]\)$/);
    expect(Number(/sampled (\d+) rows/.exec(rareLine!)![1])).toBeLessThanOrEqual(3000);
    const halfLines = await explain(half);
    expect(halfLines).toContain('Filter Strategy: exact + recheck (segments: 1, candidate rows: 300, estimate: 156 sampled 96 rows [126..186])');
    expect(halfLines.some((l) => /^Filter Strategy: hnsw iterative \+ recheck \(segments: 2, candidate rows: 2400, estimate: \d+ sampled \d+ rows/.test(l))).toBe(true);
    // Both answer k rows, the rare one exactly (it was searched exactly).
    const exact = (where: string) => rows(s, `SELECT id FROM plain WHERE ${where} ORDER BY (emb <-> '${q}') + 0 LIMIT 10`);
    const got = ids(await rows(s, `SELECT id FROM t WHERE ${rare} ORDER BY emb <-> '${q}' LIMIT 10`));
    expect(got).toEqual(ids(await exact(rare)));
    expect(ids(await rows(s, `SELECT id FROM t WHERE ${half} ORDER BY emb <-> '${q}' LIMIT 10`))).toHaveLength(10);
    await rows(s, 'RESET vecgres.full_scan_threshold');
    // At the default threshold the bounds alone decide: no sample.
    const plainLines = await explain(rare);
    expect(plainLines.some((l) => /^Filter Strategy: exact \+ recheck \(segments: \d+, candidate rows: \d+, estimate: 0\.\.\d+\)$/.test(l))).toBe(true);
  }, 120000);

  it('EXPLAIN ANALYZE shows per-stage times on the Vector Top-K node (with TIMING only)', async () => {
    const stage = /^Stages: filter=\d+\.\d{3} ms search=\d+\.\d{3} ms fetch=\d+\.\d{3} ms$/;
    for (const where of ["tag = 't3'", 'true', 'id % 3 = 0']) {
      const lines = await explain(where, 'ANALYZE, COSTS OFF');
      expect({ where, n: lines.filter((l) => stage.test(l)).length }).toEqual({ where, n: 1 });
    }
    expect((await explain("tag = 't3'")).some((l) => l.startsWith('Stages:'))).toBe(false);
  }, 60000);
});
