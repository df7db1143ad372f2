// Per-query latency of a prepared top-k vector query over the wire, through `pg` (text
// parameters) and `postgres` (binary parameters), on a synthetic table. Run against a server:
//   npx tsx tools/bench/src/ann/wire/latency-main.ts postgres://postgres@127.0.0.1:5432/postgres [rows] [dim] [queries]
// Prints QPS and p50/p99 per driver; it measures the SQL path's cost per query around the search.
import { Client } from 'pg';
import postgres from 'postgres';

import { percentile, qpsOf } from '../metrics';
import { vectorLiteral } from './copy-binary';

function randomVectors(n: number, dim: number, seed: number): Float32Array {
  const out = new Float32Array(n * dim);
  let s = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

async function timed(name: string, nq: number, run: (q: number) => Promise<unknown>): Promise<void> {
  for (let q = 0; q < Math.min(200, nq); q++) await run(q);
  const lat: number[] = [];
  const t0 = performance.now();
  for (let q = 0; q < nq; q++) {
    const s = performance.now();
    await run(q);
    lat.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  process.stdout.write(
    `${name}: ${qpsOf(nq, total).toFixed(0)} QPS  p50 ${(percentile(lat, 50) * 1000).toFixed(0)} µs  p99 ${(percentile(lat, 99) * 1000).toFixed(0)} µs\n`,
  );
}

async function main(): Promise<void> {
  const [url = 'postgres://postgres@127.0.0.1:5432/postgres', rowsArg = '20000', dimArg = '100', nqArg = '2000', skip] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const dim = Number(dimArg);
  const nq = Number(nqArg);
  // One table per size: a 10-row table measures the fixed cost of a query (the search is ~free).
  const table = `latency_${rows}_${dim}`;
  const pgc = new Client({ connectionString: url });
  await pgc.connect();
  if (skip !== 'skip-load') {
    await pgc.query('CREATE EXTENSION IF NOT EXISTS vector');
    await pgc.query(`DROP TABLE IF EXISTS ${table}`);
    await pgc.query(`CREATE TABLE ${table} (id integer, embedding vector(${dim}))`);
    const base = randomVectors(rows, dim, 1);
    for (let i = 0; i < rows; i += 500) {
      const vals: string[] = [];
      for (let r = i; r < Math.min(rows, i + 500); r++) vals.push(`(${r}, '${vectorLiteral(base.subarray(r * dim, (r + 1) * dim))}')`);
      await pgc.query(`INSERT INTO ${table} VALUES ${vals.join(',')}`);
    }
  }
  const queries = randomVectors(nq, dim, 2);
  const literals = Array.from({ length: nq }, (_, q) => vectorLiteral(queries.subarray(q * dim, (q + 1) * dim)));
  const sql = `SELECT id FROM ${table} ORDER BY embedding <-> $1 LIMIT 10`;
  await timed('pg (text params)', nq, (q) => pgc.query({ name: 'knn', text: sql, values: [literals[q]] }));
  // pg sends a Buffer parameter in binary format: pgvector's vector_recv layout.
  const binary = Array.from({ length: nq }, (_, q) => {
    const b = Buffer.alloc(4 + 4 * dim);
    b.writeInt16BE(dim, 0);
    for (let j = 0; j < dim; j++) b.writeFloatBE(queries[q * dim + j]!, 4 + 4 * j);
    return b;
  });
  await timed('pg (binary params)', nq, (q) => pgc.query({ name: 'knn', text: sql, values: [binary[q]] }));
  await pgc.end();

  const sqlc = postgres(url, { max: 1, prepare: true });
  await timed('postgres (text params)', nq, (q) => sqlc.unsafe(sql, [literals[q]!], { prepare: true }));
  await sqlc.end();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
