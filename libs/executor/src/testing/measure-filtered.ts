// Measures filtered Vector Top-K (issue #7) in-process: recall@10 against a brute-force oracle,
// QPS (one session, queries one after another) and the strategy EXPLAIN ANALYZE reports, per
// selectivity of a payload-indexed int column. Not a test: run by hand,
//
//   cd libs/executor && npx tsx src/testing/measure-filtered.ts <dataset dir> <attr> [queries] [ef]
//
// e.g. glove-100-angular-100k rank, fashion-mnist-784-euclidean label. Filters: attr < t for
// thresholds giving ~0% .. 100% of the rows (by the attribute's distribution).
import * as path from 'node:path';
import { readAttribute, readFvecs } from '@vecgres/datasets';
import { rows } from './engine-harness';
import { openVectorHarness } from './vector-harness';

const text = (v: Float32Array | Int32Array, i: number, d: number) => `[${Array.from(v.subarray(i * d, (i + 1) * d)).join(',')}]`;

async function main(): Promise<void> {
  const [dir, attr, nqArg, efArg] = process.argv.slice(2);
  const base = readFvecs(path.join(dir, 'base.fvecs.gz'));
  const query = readFvecs(path.join(dir, 'query.fvecs.gz'));
  const values = readAttribute(path.join(dir, `base.${attr}.ivecs.gz`));
  const nq = Number(nqArg ?? 50);
  const cosine = /cosine|angular/.test(dir);
  const op = cosine ? '<=>' : '<->';
  const d = base.d;
  const norm = (v: Float32Array) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  const dist = (qi: number, bi: number) => {
    const q = query.data.subarray(qi * d, (qi + 1) * d) as Float32Array;
    const b = base.data.subarray(bi * d, (bi + 1) * d) as Float32Array;
    let s = 0;
    if (cosine) {
      for (let j = 0; j < d; j++) s += q[j] * b[j];
      return 1 - s / (norm(q) * norm(b) || 1);
    }
    for (let j = 0; j < d; j++) s += (q[j] - b[j]) ** 2;
    return s;
  };
  const sorted = Int32Array.from(values).sort();
  const at = (p: number) => (p >= 1 ? sorted[sorted.length - 1] + 1 : p <= 0 ? sorted[0] : sorted[Math.floor(p * sorted.length)]);
  const thresholds: Array<[string, number]> = [['0%', at(0)], ['0.1%', at(0.001)], ['1%', at(0.01)], ['10%', at(0.1)], ['50%', at(0.5)], ['100%', at(1)]];
  const h = await openVectorHarness();
  try {
    const s = h.session();
    await rows(s, `CREATE TABLE items (id int, attr int, emb vector(${d}))`);
    for (let start = 0; start < base.n; start += 200) {
      const vals: string[] = [];
      for (let i = start; i < Math.min(base.n, start + 200); i++) vals.push(`(${i}, ${values[i]}, '${text(base.data, i, d)}')`);
      await rows(s, `INSERT INTO items VALUES ${vals.join(',')}`);
    }
    await h.seal('items');
    await rows(s, 'CREATE INDEX items_attr ON items (attr)');
    let t = Date.now();
    await rows(s, `CREATE INDEX ON items USING hnsw (emb ${cosine ? 'vector_cosine_ops' : 'vector_l2_ops'})`);
    console.log(`${base.n} x ${d}: hnsw build ${Date.now() - t} ms`);
    await rows(s, `SET hnsw.ef_search = ${Number(efArg ?? 40)}`);
    for (const [name, thr] of [['unfiltered', Infinity] as [string, number], ...thresholds]) {
      const where = Number.isFinite(thr) ? `WHERE attr < ${thr}` : '';
      const matching = Number.isFinite(thr) ? values.filter((v) => v < thr).length : base.n;
      let hit = 0;
      let total = 0;
      let short = 0;
      t = performance.now();
      const answers: number[][] = [];
      for (let qi = 0; qi < nq; qi++) answers.push((await rows(s, `SELECT id FROM items ${where} ORDER BY emb ${op} '${text(query.data, qi, d)}' LIMIT 10`)).map((r) => Number(r[0])));
      const ms = performance.now() - t;
      for (let qi = 0; qi < nq; qi++) {
        const cands: Array<[number, number]> = [];
        for (let i = 0; i < base.n; i++) if (!Number.isFinite(thr) || values[i] < thr) cands.push([dist(qi, i), i]);
        cands.sort((a, b) => a[0] - b[0]);
        const want = cands.slice(0, 10).map((c) => c[1]);
        if (answers[qi].length !== want.length) short++;
        const got = new Set(answers[qi]);
        hit += want.filter((x) => got.has(x)).length;
        total += want.length;
      }
      const plan = (await rows(s, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT id FROM items ${where} ORDER BY emb ${op} '${text(query.data, 0, d)}' LIMIT 10`)).map((r) => String(r[0]));
      const strategies = plan.filter((l) => l.includes('Filter Strategy') || l.includes('Distances')).map((l) => l.trim()).join('; ');
      console.log(`${name.padEnd(10)} rows=${matching} recall@10=${total ? (hit / total).toFixed(3) : '-'} short=${short} qps=${(nq / (ms / 1000)).toFixed(0)} | ${strategies}`);
    }
  } finally {
    await h.db.annIndexes.idle();
    await h.close();
  }
}

void main();
