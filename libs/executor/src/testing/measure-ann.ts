// Measures CREATE INDEX build time and recall@10 / QPS of `ORDER BY emb <op> $1 LIMIT 10`
// through the executor in-process (one session, queries one after another), against the
// dataset's ground truth. Not a test: run by hand,
//
//   cd libs/executor && npx tsx src/testing/measure-ann.ts <dataset dir> [rows] [queries]
//
// with a dataset directory in the shared layout (base.fvecs.gz, query.fvecs.gz, gt.ivecs.gz;
// README of /work/shared/datasets). The metric follows the directory name (euclidean / cosine
// / angular). Prints one line per ef_search.
import * as path from 'node:path';
import { readFvecs, readIvecs } from '@vecgres/datasets';
import { rows } from './engine-harness';
import { openVectorHarness } from './vector-harness';

function text(v: Float32Array | Int32Array, i: number, d: number): string {
  return `[${Array.from(v.subarray(i * d, (i + 1) * d)).join(',')}]`;
}

async function main(): Promise<void> {
  const [dir, rowsArg, queriesArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: measure-ann.ts <dataset dir> [rows] [queries]');
  const base = readFvecs(path.join(dir, 'base.fvecs.gz'));
  const query = readFvecs(path.join(dir, 'query.fvecs.gz'));
  const gt = readIvecs(path.join(dir, 'gt.ivecs.gz'));
  const n = Math.min(base.n, Number(rowsArg ?? base.n));
  const nq = Math.min(query.n, Number(queriesArg ?? 200));
  if (n !== base.n) throw new Error('a row subset has no ground truth: use every row');
  const cosine = /cosine|angular/.test(dir);
  const op = cosine ? '<=>' : '<->';
  const opclass = cosine ? 'vector_cosine_ops' : 'vector_l2_ops';
  const h = await openVectorHarness();
  try {
    const s = h.session();
    await rows(s, `CREATE TABLE items (id int, emb vector(${base.d}))`);
    let t = Date.now();
    for (let start = 0; start < n; start += 200) {
      const values: string[] = [];
      for (let i = start; i < Math.min(n, start + 200); i++) values.push(`(${i}, '${text(base.data, i, base.d)}')`);
      await rows(s, `INSERT INTO items VALUES ${values.join(',')}`);
    }
    console.log(`loaded ${n} x ${base.d} in ${Date.now() - t} ms`);
    t = Date.now();
    await h.seal('items');
    console.log(`sealed in ${Date.now() - t} ms`);
    t = Date.now();
    await rows(s, `CREATE INDEX ON items USING hnsw (emb ${opclass}) WITH (m = 16, ef_construction = 64)`);
    console.log(`hnsw build (CREATE INDEX, table already sealed) ${Date.now() - t} ms`);
    const qs = Array.from({ length: nq }, (_, i) => text(query.data, i, query.d));
    const measure = async (label: string) => {
      let hit = 0;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < nq; i++) {
        const got = await rows(s, `SELECT id FROM items ORDER BY emb ${op} '${qs[i]}' LIMIT 10`);
        const want = new Set(Array.from(gt.data.subarray(i * gt.d, i * gt.d + 10)));
        hit += got.filter((r) => want.has(Number(r[0]))).length;
      }
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(`${label}: recall@10 ${(hit / (10 * nq)).toFixed(4)}  QPS ${(nq / secs).toFixed(0)}`);
    };
    for (const ef of [10, 20, 40, 80, 160, 400]) {
      await rows(s, `SET hnsw.ef_search = ${ef}`);
      await measure(`hnsw ef_search=${ef}`);
    }
    await rows(s, 'DROP INDEX items_emb_idx');
    await measure('exact (no index)');
    t = Date.now();
    const lists = Math.max(1, Math.round(n / 1000));
    await rows(s, `CREATE INDEX ON items USING ivfflat (emb ${opclass}) WITH (lists = ${lists})`);
    console.log(`ivfflat build lists=${lists} ${Date.now() - t} ms`);
    for (const probes of [1, 4, 10]) {
      await rows(s, `SET ivfflat.probes = ${probes}`);
      await measure(`ivfflat probes=${probes}`);
    }
  } finally {
    await h.db.annIndexes.idle();
    await h.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
