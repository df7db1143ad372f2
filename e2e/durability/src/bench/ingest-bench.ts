// COPY ingest rate and restart time over the shared datasets, with synchronous_commit on and
// off; prints the markdown table of docs/benchmarks.md ("Durable storage: ingest and restart").
//
//   cd e2e/durability && npx tsx src/bench/ingest-bench.ts [--max-rows N] [--batch N] [--sets a,b]
//
// Per dataset and mode: a fresh server and data directory; CREATE EXTENSION vector and CREATE
// TABLE v (id int, label int, emb vector(d)); COPY in batches of
// --batch rows (one transaction each, so with synchronous_commit = on every batch waits for a
// WAL fsync); then VACUUM (seal + merge) and CHECKPOINT, a clean stop, and a restart timed from
// spawn to "listening", with the RSS read before the first query.
import { rssMiB } from '@vecgres/server-process';
import { bytesUnder, makeCluster } from '../testing/cluster';
import { copySet, loadSet, SET_DDL } from '../testing/dataset-load';

const SETS = ['fiori-docs-minilm-384-cosine', 'siftsmall-128-euclidean', 'fashion-mnist-784-euclidean', 'glove-100-angular-100k'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface Result {
  set: string; n: number; d: number; sync: string; rowsPerSec: number; mbPerSec: number;
  seconds: number; diskMiB: number; emptyStartSec: number; restartSec: number; emptyRssMiB: number; rssMiB: number; rawMiB: number;
}

async function runOne(name: string, sync: 'on' | 'off', maxRows: number, batch: number): Promise<Result | undefined> {
  const set = loadSet(name, undefined, maxRows);
  if (!set) {
    process.stderr.write(`skipping ${name}: not under ../shared/datasets (set VECGRES_DATASETS_DIR)\n`);
    return undefined;
  }
  const cluster = makeCluster('vecgres-bench-');
  try {
    // The same spawn-to-listening time on an empty directory: the fixed cost (module loading).
    const e0 = process.hrtime.bigint();
    const empty = await cluster.start();
    const emptyStartSec = Number(process.hrtime.bigint() - e0) / 1e9;
    const emptyRss = rssMiB(empty.pid);
    const c = await cluster.connect();
    for (const sql of SET_DDL('v', set.d)) await c.query(sql);
    await c.query(`SET synchronous_commit = ${sync}`);
    const load = await copySet(c, 'v', set, batch);
    await c.query('VACUUM v');
    await c.query('CHECKPOINT');
    await c.end();
    await cluster.stop();
    const t0 = process.hrtime.bigint();
    const server = await cluster.start();
    const restartSec = Number(process.hrtime.bigint() - t0) / 1e9;
    const rss = rssMiB(server.pid);
    const c2 = await cluster.connect();
    const n = Number((await c2.query<{ n: string }>('SELECT count(*) AS n FROM v')).rows[0].n);
    if (n !== set.n) throw new Error(`${name}: ${n} rows after restart, expected ${set.n}`);
    await c2.end();
    await cluster.stop();
    return {
      set: name, n: set.n, d: set.d, sync, seconds: load.seconds,
      rowsPerSec: load.rows / load.seconds, mbPerSec: load.vectorBytes / 1e6 / load.seconds,
      diskMiB: bytesUnder(cluster.dataDir) / 2 ** 20, emptyStartSec, restartSec, emptyRssMiB: emptyRss, rssMiB: rss, rawMiB: load.vectorBytes / 2 ** 20,
    };
  } finally {
    await cluster.remove();
  }
}

async function main(): Promise<void> {
  const maxRows = Number(arg('max-rows', 'Infinity'));
  const batch = Number(arg('batch', '1000'));
  const sets = arg('sets', SETS.join(',')).split(',');
  const results: Result[] = [];
  for (const name of sets) {
    for (const sync of ['on', 'off'] as const) {
      const r = await runOne(name, sync, maxRows, batch);
      if (!r) continue;
      results.push(r);
      process.stderr.write(`${name} sync=${sync}: ${Math.round(r.rowsPerSec)} rows/s, restart ${r.restartSec.toFixed(2)} s\n`);
    }
  }
  const lines = [
    `| dataset | rows x dim | synchronous_commit | batch rows | COPY rows/s | COPY MB/s (float32) | load s | data dir MiB | start, empty dir s | restart s | RSS empty dir MiB | RSS before 1st query MiB | raw vectors MiB |`,
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) =>
      `| ${r.set} | ${r.n} x ${r.d} | ${r.sync} | ${batch} | ${Math.round(r.rowsPerSec)} | ${r.mbPerSec.toFixed(2)} | ${r.seconds.toFixed(1)} | ${r.diskMiB.toFixed(0)} | ${r.emptyStartSec.toFixed(2)} | ${r.restartSec.toFixed(2)} | ${r.emptyRssMiB.toFixed(0)} | ${r.rssMiB.toFixed(0)} | ${r.rawMiB.toFixed(0)} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n\nbatch ${batch} rows per COPY (one transaction each)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
