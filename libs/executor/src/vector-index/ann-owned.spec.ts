// HNSW indexes that own their vectors, end to end through the session: halfvec and bit
// columns, and expression keys (pgvector README: `(embedding::halfvec(n))`,
// `(binary_quantize(embedding)::bit(n))`, subvector). The plan names the index; the first query
// meeting a sealed segment without the index answers exactly and queues its build; then the
// index is searched (recall against the exact Sort answer, compared by distance so ties in
// hamming distances do not matter); a restart opens the files without rebuilding.
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';
import { annFileName } from './ann-index';

const DIM = 32;
const SUB = 8;

interface Case {
  name: string;
  index: string;
  /** ORDER BY operand (the index key as the query spells it). */
  key: string;
  op: string;
  /** The query side for query vector text `q`. */
  query: (q: string) => string;
}

const CASES: Case[] = [
  { name: 'halfvec column', index: `hnsw (h halfvec_l2_ops)`, key: 'h', op: '<->', query: (q) => `'${q}'::halfvec(${DIM})` },
  { name: 'bit column', index: `hnsw (b bit_hamming_ops)`, key: 'b', op: '<~>', query: (q) => `binary_quantize('${q}'::vector)::bit(${DIM})` },
  {
    name: 'halfvec expression', index: `hnsw ((emb::halfvec(${DIM})) halfvec_cosine_ops)`, key: `emb::halfvec(${DIM})`, op: '<=>',
    query: (q) => `'${q}'::halfvec(${DIM})`,
  },
  {
    name: 'bit expression (binary_quantize)', index: `hnsw ((binary_quantize(emb)::bit(${DIM})) bit_jaccard_ops)`,
    key: `binary_quantize(emb)::bit(${DIM})`, op: '<%>', query: (q) => `binary_quantize('${q}'::vector)::bit(${DIM})`,
  },
  {
    name: 'subvector expression', index: `hnsw ((subvector(emb, 1, ${SUB})::vector(${SUB})) vector_l2_ops)`,
    key: `subvector(emb, 1, ${SUB})::vector(${SUB})`, op: '<->', query: (q) => `subvector('${q}'::vector, 1, ${SUB})::vector(${SUB})`,
  },
];

async function plan(s: Session, sql: string): Promise<string> {
  return (await rows(s, `EXPLAIN ${sql}`)).map((r) => r[0]).join('\n');
}

async function insertRows(s: Session, table: string, from: number, to: number, rand: () => number): Promise<void> {
  for (let start = from; start < to; start += 250) {
    const values: string[] = [];
    for (let id = start; id < Math.min(to, start + 250); id++) {
      // Every 50th row: NULL keys (never returned by an index scan).
      if (id % 50 === 49) {
        values.push(`(${id}, NULL, NULL, NULL)`);
        continue;
      }
      const v = randomVectorText(rand, DIM);
      values.push(`(${id}, '${v}', '${v}', binary_quantize('${v}'::vector)::bit(${DIM}))`);
    }
    await rows(s, `INSERT INTO ${table} VALUES ${values.join(',')}`);
  }
}

/** The k (id, distance) of the query through the index and through the exact Sort. */
async function both(s: Session, table: string, c: Case, q: string, k: number): Promise<{ got: number[][]; want: number[][] }> {
  const dist = `${c.key} ${c.op} ${c.query(q)}`;
  const got = (await rows(s, `SELECT id, ${dist} FROM ${table} ORDER BY ${dist} LIMIT ${k}`)).map((r) => [Number(r[0]), Number(r[1])]);
  const want = (await rows(s, `SELECT id, ${dist} FROM ${table} WHERE ${c.key} IS NOT NULL ORDER BY (${dist}) + 0 LIMIT ${k}`))
    .map((r) => [Number(r[0]), Number(r[1])]);
  return { got, want };
}

/** Mean recall@k by distance: a returned row counts when it is no farther than the exact k-th. */
async function recall(s: Session, table: string, c: Case, queries: string[], k = 10): Promise<number> {
  let hit = 0;
  let total = 0;
  for (const q of queries) {
    const { got, want } = await both(s, table, c, q, k);
    const kth = want[want.length - 1][1];
    hit += got.filter(([, d]) => d <= kth + 1e-6).length;
    total += want.length;
  }
  return hit / total;
}

function filesOf(h: VectorHarness, table: string, oid: number): { sealed: number; withFile: number } {
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

describe('HNSW indexes owning their vectors (halfvec, bit, expressions)', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(23);
  const queries = Array.from({ length: 12 }, () => randomVectorText(rand, DIM));
  const table = (i: number) => `t${i}`;

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    // One table per case (their indexes build independently): small `s<i>` and large `t<i>`.
    for (let i = 0; i < CASES.length; i++) {
      for (const t of [`s${i}`, table(i)]) {
        await rows(s, `CREATE TABLE ${t} (id int, emb vector(${DIM}), h halfvec(${DIM}), b bit(${DIM}))`);
      }
      await insertRows(s, `s${i}`, 0, 300, rand);
      await h.seal(`s${i}`);
      await insertRows(s, table(i), 0, 1500, rand);
      await h.seal(table(i));
      await insertRows(s, table(i), 1500, 3000, rand);
      await h.seal(table(i));
      await insertRows(s, table(i), 3000, 3300, rand);
      await rows(s, `CREATE INDEX ${table(i)}_idx ON ${table(i)} USING ${CASES[i].index}`);
      await rows(s, `CREATE INDEX s${i}_idx ON s${i} USING ${CASES[i].index}`);
    }
  }, 300000);

  afterAll(async () => {
    await h.db.annIndexes.idle();
    await h.close();
  });

  CASES.forEach((c, i) => {
    it(`${c.name}: EXPLAIN names the index; the first query queues the builds, then they are searched`, async () => {
      const sql = `SELECT id FROM ${table(i)} ORDER BY ${c.key} ${c.op} ${c.query(queries[0])} LIMIT 10`;
      const p = await plan(s, sql);
      expect(p).toContain(`Vector Top-K Scan using ${table(i)}_idx on ${table(i)}`);
      expect(p).toContain('Strategy: hnsw');
      // Another operator than the opclass's: no index.
      const other = c.op === '<->' ? '<#>' : c.op === '<~>' ? '<%>' : c.op === '<%>' ? '<~>' : '<->';
      expect(await plan(s, `SELECT id FROM ${table(i)} ORDER BY ${c.key} ${other} ${c.query(queries[0])} LIMIT 10`)).not.toContain(`${table(i)}_idx`);
      const oid = await indexOid(s, `${table(i)}_idx`);
      expect(filesOf(h, table(i), oid)).toEqual({ sealed: 2, withFile: 0 });
      // Exact while the builds run (the answer is the exact one).
      const first = await both(s, table(i), c, queries[0], 10);
      expect(first.got.map((r) => r[1])).toEqual(first.want.map((r) => r[1]));
      await h.db.annIndexes.idle();
      expect(filesOf(h, table(i), oid)).toEqual({ sealed: 2, withFile: 2 });
    }, 120000);

    it(`${c.name}: equals the exact answer on small data; recall@10 >= 0.9 on 3,300 rows`, async () => {
      await rows(s, `SELECT id FROM s${i} ORDER BY ${c.key} ${c.op} ${c.query(queries[1])} LIMIT 5`);
      await h.db.annIndexes.idle();
      expect(filesOf(h, `s${i}`, await indexOid(s, `s${i}_idx`))).toEqual({ sealed: 1, withFile: 1 });
      await rows(s, 'SET hnsw.ef_search = 400');
      for (const q of queries.slice(0, 4)) {
        const { got, want } = await both(s, `s${i}`, c, q, 5);
        expect(got.map((r) => r[1])).toEqual(want.map((r) => r[1]));
      }
      await rows(s, 'RESET hnsw.ef_search');
      expect(await recall(s, table(i), c, queries)).toBeGreaterThanOrEqual(0.9);
      // NULL keys are never returned by the index scan.
      const all = await rows(s, `SELECT id FROM ${table(i)} ORDER BY ${c.key} ${c.op} ${c.query(queries[2])} LIMIT 40`);
      expect(all).toHaveLength(40);
      expect(all.every((r) => Number(r[0]) % 50 !== 49)).toBe(true);
    }, 120000);
  });

  it('a WHERE filter applies during the search', async () => {
    const c = CASES[2];
    const got = await rows(s, `SELECT id FROM ${table(2)} WHERE id % 10 = 3 ORDER BY ${c.key} ${c.op} ${c.query(queries[3])} LIMIT 10`);
    expect(got).toHaveLength(10);
    expect(got.every((r) => Number(r[0]) % 10 === 3)).toBe(true);
  }, 60000);

  it('a restart opens the persisted indexes without rebuilding them', async () => {
    await h.db.annIndexes.idle();
    await h.reopen();
    s = h.session();
    for (let i = 0; i < CASES.length; i++) {
      expect(await recall(s, table(i), CASES[i], queries.slice(0, 3))).toBeGreaterThanOrEqual(0.9);
    }
    await h.db.annIndexes.idle();
    expect(h.db.annIndexes.stats).toEqual({ builds: 0, opens: 2 * CASES.length });
  }, 120000);
});
