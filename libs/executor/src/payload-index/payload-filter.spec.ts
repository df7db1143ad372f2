// Payload indexes through SQL (issue #7): btree / gin indexes on ordinary columns are built per
// sealed segment (`pidx.<oid>` files), a Vector Top-K's WHERE clause becomes candidate bitmaps,
// and each segment is searched exactly or through filtered HNSW by the candidates' count. Every
// selectivity from 0% to 100% returns exactly k rows whenever k rows match, equal to the exact
// (Sort) answer where the strategy is exact; UPDATE / DELETE / merge / restart stay correct;
// EXPLAIN ANALYZE shows the strategy; DROP INDEX removes the files.
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';
import { payloadFileName } from './payload-file';

const DIM = 16;
const COLORS = ['red', 'green', 'blue'];

function ids(r: unknown[][]): number[] {
  return r.map((x) => Number(x[0]));
}

/** Rows [from, to): grp = id % 1000, tag = 't' || id % 10, price = id % 100 / 4, meta = {color, n}. */
async function insertRows(s: Session, from: number, to: number, rand: () => number): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const values: string[] = [];
    for (let id = start; id < Math.min(to, start + 500); id++) {
      const meta = JSON.stringify({ color: COLORS[id % 3], n: id % 7 });
      values.push(`(${id}, ${id % 1000}, 't${id % 10}', ${(id % 100) / 4}, '${meta}', '${randomVectorText(rand, DIM)}')`);
    }
    await rows(s, `INSERT INTO items VALUES ${values.join(',')}`);
  }
}

async function indexOid(s: Session, name: string): Promise<number> {
  return Number((await rows(s, `SELECT '${name}'::regclass::oid`))[0][0]);
}

function filesOf(h: VectorHarness, oid: number): { sealed: number; withFile: number } {
  const id = h.storageId('items');
  const view = h.engine.snapshot();
  try {
    const segs = view.table(id).segments.filter((x) => x.sealed);
    return { sealed: segs.length, withFile: segs.filter((x) => h.engine.segmentFiles(id, x.id)?.includes(payloadFileName(oid))).length };
  } finally {
    view.release();
  }
}

/** Filters by selectivity over 4000 rows (grp = id % 1000). */
const SWEEP: Array<[string, string]> = [
  ['0%', 'grp < 0'],
  ['0.1%', 'grp = 7'],
  ['1%', 'grp < 10'],
  ['10%', "tag = 't3'"],
  ['50%', 'grp >= 500'],
  ['100%', 'grp >= 0'],
];

describe('payload indexes and the filtered Vector Top-K', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(7);
  const queries = Array.from({ length: 8 }, () => randomVectorText(rand, DIM));

  /** The Vector Top-K answer and the exact Sort answer of `where` for query `q`. */
  async function both(where: string, q: string, k = 10): Promise<{ got: number[]; want: number[] }> {
    const got = ids(await rows(s, `SELECT id FROM items WHERE ${where} ORDER BY emb <-> '${q}' LIMIT ${k}`));
    const want = ids(await rows(s, `SELECT id FROM items WHERE ${where} ORDER BY (emb <-> '${q}') + 0 LIMIT ${k}`));
    return { got, want };
  }

  async function recallOf(where: string, k = 10): Promise<{ recall: number; short: number }> {
    let hit = 0;
    let total = 0;
    let short = 0;
    for (const q of queries) {
      const { got, want } = await both(where, q, k);
      if (got.length !== want.length) short++;
      const set = new Set(got);
      hit += want.filter((x) => set.has(x)).length;
      total += want.length;
    }
    return { recall: total === 0 ? 1 : hit / total, short };
  }

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    await rows(s, `CREATE TABLE items (id int, grp int, tag text, price float8, meta jsonb, emb vector(${DIM}))`);
    await insertRows(s, 0, 1500, rand);
    await h.seal('items');
    await insertRows(s, 1500, 3000, rand);
    await h.seal('items');
    await insertRows(s, 3000, 3500, rand);
  }, 120000);

  afterAll(async () => {
    await h.db.annIndexes.idle();
    await h.close();
  });

  it('CREATE INDEX builds a payload index file per sealed segment', async () => {
    await rows(s, 'CREATE INDEX items_grp ON items (grp)');
    await rows(s, 'CREATE INDEX items_tag ON items (tag)');
    await rows(s, 'CREATE INDEX items_meta ON items USING gin (meta jsonb_path_ops)');
    await rows(s, 'CREATE INDEX items_price ON items (price)');
    for (const name of ['items_grp', 'items_tag', 'items_meta', 'items_price']) {
      expect(filesOf(h, await indexOid(s, name))).toEqual({ sealed: 2, withFile: 2 });
    }
  }, 60000);

  it('without an ANN index: every selectivity equals the exact answer', async () => {
    for (const [, where] of SWEEP) {
      for (const q of queries.slice(0, 3)) {
        const { got, want } = await both(where, q);
        expect({ where, got }).toEqual({ where, got: want });
      }
    }
  }, 60000);

  it('combined filters: two indexed columns, jsonb containment, ->> equality, a range, OR / NOT / IN / ANY, residuals', async () => {
    const filters = [
      `grp < 300 AND tag = 't1'`,
      `meta @> '{"color": "red"}' AND price BETWEEN 3 AND 10`,
      `meta ->> 'color' = 'blue' OR grp IN (1, 2, 3)`,
      `NOT (tag = 't2') AND grp < 50`,
      `grp = ANY('{5, 6, 700}'::int[])`,
      `tag = 't4' AND id % 3 = 0`,
      `meta ->> 'n' = '3' AND price > 20.5`,
      `(grp < 20 OR id % 97 = 0) AND tag <> 't0'`,
    ];
    for (const where of filters) {
      const { got, want } = await both(where, queries[1], 15);
      expect({ where, got }).toEqual({ where, got: want });
    }
  }, 60000);

  it('with hnsw: exactly k rows whenever k match, exact answers where searched exactly, high recall elsewhere', async () => {
    await rows(s, 'CREATE INDEX items_emb ON items USING hnsw (emb vector_l2_ops)');
    await insertRows(s, 3500, 4000, rand);
    // Default threshold (10,000 kB = 160,000 vectors of 16 dims): every segment is exact.
    for (const [, where] of SWEEP) {
      const { got, want } = await both(where, queries[2]);
      expect({ where, got }).toEqual({ where, got: want });
    }
    const unfiltered = (await recallOf('true')).recall;
    // 1 kB = 16 vectors: every non-trivial candidate set goes through the index.
    await rows(s, 'SET vecgres.full_scan_threshold = 1');
    for (const [name, where] of SWEEP) {
      const r = await recallOf(where);
      expect({ name, short: r.short }).toEqual({ name, short: 0 });
      expect(r.recall).toBeGreaterThanOrEqual(Math.min(0.9, unfiltered - 0.05));
    }
    const residual = await recallOf(`tag = 't3' AND id % 2 = 1`);
    expect(residual.short).toBe(0);
    expect(residual.recall).toBeGreaterThanOrEqual(0.9);
    await rows(s, 'SET vecgres.two_hop_selectivity = 0.5');
    expect((await recallOf(`tag = 't3'`)).short).toBe(0);
    await rows(s, 'RESET vecgres.two_hop_selectivity');
  }, 120000);

  it('EXPLAIN ANALYZE shows the filter strategy per segment', async () => {
    const lines = (await rows(s, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM items WHERE grp < 500 ORDER BY emb <-> '${queries[0]}' LIMIT 10`)).map((r) => String(r[0]));
    // Three sealed segments (CREATE INDEX ... USING hnsw sealed the tail) and the mutable one.
    // A segment whose walk passes the distance budget (its candidate count) is ranked exactly
    // instead: together the sealed segments' lines account for their 2000 candidates.
    const sealedLines = lines.map((l) => l.trim()).filter((l) => /^Filter Strategy: (hnsw filtered|exact) \(/.test(l));
    expect(sealedLines.some((l) => l.startsWith('Filter Strategy: hnsw filtered (segments: '))).toBe(true);
    const candidates = sealedLines.map((l) => /segments: (\d+), candidate rows: (\d+), estimate: \d+ exact\)$/.exec(l)!);
    expect(candidates.every((m) => m !== null)).toBe(true);
    expect([candidates.reduce((a, m) => a + Number(m[1]), 0), candidates.reduce((a, m) => a + Number(m[2]), 0)]).toEqual([3, 2000]);
    expect(lines.some((l) => l.includes('Filter Strategy: exact + recheck (segments: 1'))).toBe(true);
    await rows(s, 'RESET vecgres.full_scan_threshold');
    const exact = (await rows(s, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM items WHERE grp = 7 ORDER BY emb <-> '${queries[0]}' LIMIT 10`)).map((r) => String(r[0]));
    expect(exact.some((l) => l.includes('Filter Strategy: exact (segments: 3, candidate rows: 4, estimate: 4 exact)'))).toBe(true);
    // Without ANALYZE the estimate comes from the payload indexes alone (nothing runs); the
    // mutable segment has none, so it is estimated (half its rows) and rechecked.
    const plain = (await rows(s, `EXPLAIN (COSTS OFF) SELECT id FROM items WHERE grp = 7 ORDER BY emb <-> '${queries[0]}' LIMIT 10`)).map((r) => String(r[0]).trim());
    expect(plain.find((l) => l.startsWith('Filter Strategy:'))).toMatch(/^Filter Strategy: exact over payload index \/ exact \+ recheck \(estimated rows: \d+ of 4000\)$/);
  }, 60000);

  it('UPDATE / DELETE after CREATE INDEX, a later seal and a merge stay correct', async () => {
    await rows(s, 'UPDATE items SET grp = 7 WHERE id IN (10, 20, 1600, 3600)');
    await rows(s, 'DELETE FROM items WHERE id IN (7, 1007)');
    await rows(s, `UPDATE items SET tag = 'moved' WHERE tag = 't3' AND id < 2000`);
    const check = async () => {
      for (const where of ['grp = 7', "tag = 't3'", "tag = 'moved'", 'grp < 10']) {
        for (const q of queries.slice(0, 2)) {
          const { got, want } = await both(where, q);
          expect({ where, got }).toEqual({ where, got: want });
        }
      }
    };
    await check();
    await h.seal('items');
    await check();
    const id = h.storageId('items');
    const view = h.engine.snapshot();
    const segs = view.table(id).segments.filter((x) => x.sealed).map((x) => x.id);
    view.release();
    await h.engine.merge(id, segs.slice(1));
    await check();
    // The merged segment got its payload index from the first query that needed it.
    expect(filesOf(h, await indexOid(s, 'items_grp')).withFile).toBe(2);
  }, 120000);

  it('ordinary WHERE (Seq Scan, UPDATE, DELETE) decodes only candidates and equals the plain answer', async () => {
    const same = async (indexed: string, plain: string) => {
      const got = (await rows(s, `SELECT id, grp, tag FROM items WHERE ${indexed} ORDER BY id`)).map((r) => r.join('|'));
      const want = (await rows(s, `SELECT id, grp, tag FROM items WHERE ${plain} ORDER BY id`)).map((r) => r.join('|'));
      expect({ indexed, got }).toEqual({ indexed, got: want });
      return got.length;
    };
    expect(await same('grp = 7', 'grp + 0 = 7')).toBeGreaterThan(0);
    await same(`grp IN (1, 2) OR tag = 't9'`, `grp + 0 IN (1, 2) OR tag || '' = 't9'`);
    await same(`price >= 20 AND meta @> '{"color": "green"}'`, `price + 0 >= 20 AND (meta || '{}') @> '{"color": "green"}'`);
    await same('grp < 0', 'grp + 0 < 0');
    const before = (await rows(s, 'SELECT count(*) FROM items WHERE grp + 0 = 8'))[0][0];
    await rows(s, `UPDATE items SET tag = 'upd' WHERE grp = 8`);
    expect((await rows(s, `SELECT count(*) FROM items WHERE tag = 'upd'`))[0][0]).toEqual(before);
    await rows(s, 'DELETE FROM items WHERE grp = 9');
    expect((await rows(s, 'SELECT count(*) FROM items WHERE grp + 0 = 9'))[0][0]).toEqual(0n);
    await same("tag = 'upd'", "tag || '' = 'upd'");
  }, 60000);

  it('a restart opens the payload index files without rebuilding', async () => {
    await h.db.annIndexes.idle();
    await h.reopen();
    s = h.session();
    const { got, want } = await both('grp < 10', queries[3]);
    expect(got).toEqual(want);
    expect(h.db.annIndexes.payload.stats.builds).toBe(0);
    expect(h.db.annIndexes.payload.stats.opens).toBeGreaterThan(0);
  }, 60000);

  it('REINDEX rebuilds and DROP INDEX removes the files (the filter still works)', async () => {
    const oid = await indexOid(s, 'items_tag');
    await rows(s, 'REINDEX INDEX items_tag');
    expect(filesOf(h, oid).withFile).toBe(filesOf(h, oid).sealed);
    await rows(s, 'DROP INDEX items_tag');
    expect(filesOf(h, oid).withFile).toBe(0);
    const { got, want } = await both("tag = 't5'", queries[4]);
    expect(got).toEqual(want);
  }, 60000);

  it('a rolled-back CREATE INDEX leaves no files', async () => {
    await rows(s, 'BEGIN');
    await rows(s, 'CREATE INDEX items_tag2 ON items (tag)');
    const oid = await indexOid(s, 'items_tag2');
    expect(filesOf(h, oid).withFile).toBeGreaterThan(0);
    await rows(s, 'ROLLBACK');
    await h.db.annIndexes.idle();
    expect(filesOf(h, oid).withFile).toBe(0);
  }, 60000);
});
