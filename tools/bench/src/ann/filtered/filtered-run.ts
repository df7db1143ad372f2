// Filtered mode of the wire benchmark (issue #7): load the dataset with its attribute columns
// (COPY BINARY), create a payload index per column and the hnsw index, then over ONE client
// and prepared statements with parameters measure
//
//   unfiltered   SELECT id FROM t ORDER BY emb <op> $1 LIMIT k            per --ef value
//   per filter   SELECT id FROM t WHERE <filter> ORDER BY emb <op> $1 LIMIT k   per --filter-ef
//
// recall@k against the filter's ground truth, QPS, p50/p99 and short answers (fewer than
// min(k, matching rows) rows), so the report can put each filter's QPS next to the unfiltered
// QPS at recall >= 0.95.
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { AnnDataset } from '../dataset';
import { meanRecall, percentile, qpsOf } from '../metrics';
import { copyBinaryHeader, copyBinaryRowsWithAttrs, copyBinaryTrailer, vectorLiteral } from '../wire/copy-binary';
import { filteredDatasetDef, filteredRecall, resolveFilters, type ResolvedFilter } from './filters';
import type { FilteredPass, FilterResult } from './filtered-types';

type Log = (line: string) => void;

export interface FilteredWireOptions {
  url: string;
  table: string;
  skipLoad: boolean;
  m: number;
  efConstruction: number;
  k: number;
  /** ef_search values of the unfiltered sweep. */
  efs: number[];
  /** ef_search values of each filter's passes. */
  filterEfs: number[];
  warmup: number;
  /** SET vecgres.full_scan_threshold (kB) for the session, when given. */
  fullScanThreshold?: number;
  /** hnsw WITH (payload_m = ...): payload links per attribute value (the payload indexes exist first). */
  payloadM?: number;
}

export interface FilteredRunResult {
  buildMs: number;
  unfiltered: FilteredPass[];
  filters: FilterResult[];
}

const ROWS_PER_CHUNK = 1000;

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`table name must be a lower-case identifier, got '${name}'`);
  return name;
}

function opsOf(ds: Pick<AnnDataset, 'metric'>): { opclass: string; op: string } {
  return ds.metric === 'cosine' ? { opclass: 'vector_cosine_ops', op: '<=>' } : { opclass: 'vector_l2_ops', op: '<->' };
}

async function copyRows(client: Client, table: string, columns: string[], attrs: Int32Array[], ds: AnnDataset): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (id, ${columns.join(', ')}, emb) FROM STDIN (FORMAT binary)`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const write = (b: Buffer) => new Promise<void>((resolve, reject) => stream.write(b, (e) => (e ? reject(e) : resolve())));
  await write(copyBinaryHeader());
  for (let i = 0; i < ds.n; i += ROWS_PER_CHUNK) await write(copyBinaryRowsWithAttrs(ds.base, ds.dim, attrs, i, Math.min(ds.n, i + ROWS_PER_CHUNK)));
  await write(copyBinaryTrailer());
  stream.end();
  await done;
}

/**
 * CREATE TABLE t (id int, <columns> int, emb vector(d)), COPY, VACUUM (seal into a segment),
 * CREATE INDEX per column, CREATE INDEX USING hnsw. Returns the wall time of the index builds.
 */
export async function loadFilteredTable(client: Client, ds: AnnDataset, columns: string[], attrs: Int32Array[], o: FilteredWireOptions, log: Log): Promise<number> {
  const t = ident(o.table);
  await client.query('CREATE EXTENSION IF NOT EXISTS vector');
  await client.query(`DROP TABLE IF EXISTS ${t}`);
  await client.query(`CREATE TABLE ${t} (id integer, ${columns.map((c) => `${ident(c)} integer`).join(', ')}, emb vector(${ds.dim}))`);
  const c0 = performance.now();
  await copyRows(client, t, columns, attrs, ds);
  await client.query(`VACUUM ${t}`);
  log(`filtered: loaded and sealed ${ds.n} rows in ${((performance.now() - c0) / 1000).toFixed(1)} s`);
  const t0 = performance.now();
  for (const c of columns) await client.query(`CREATE INDEX ${t}_${c}_idx ON ${t} (${c})`);
  await client.query(`CREATE INDEX ${t}_emb_idx ON ${t} USING hnsw (emb ${opsOf(ds).opclass}) WITH (m = ${o.m}, ef_construction = ${o.efConstruction}${o.payloadM ? `, payload_m = ${o.payloadM}` : ''})`);
  const buildMs = performance.now() - t0;
  log(`filtered: payload indexes + hnsw built in ${(buildMs / 1000).toFixed(1)} s`);
  return buildMs;
}

interface PassInput {
  name: string;
  sql: string;
  literals: string[];
  params?: Int32Array;
  /** Recall of query q's answer. */
  recallOf: (q: number, found: number[]) => number;
  /** min(k, matching rows) for query q. */
  expectRows: (q: number) => number;
}

async function pass(client: Client, input: PassInput, ef: number, warmup: number): Promise<FilteredPass> {
  await client.query(`SET hnsw.ef_search = ${ef}`);
  const run = (q: number) =>
    client.query<{ id: number }>({ name: input.name, text: input.sql, values: input.params ? [input.literals[q], input.params[q]] : [input.literals[q]] });
  for (let q = 0; q < Math.min(warmup, input.literals.length); q++) await run(q);
  const lat: number[] = [];
  let recall = 0;
  let rows = 0;
  let short = 0;
  const t0 = performance.now();
  for (let q = 0; q < input.literals.length; q++) {
    const s = performance.now();
    const r = await run(q);
    lat.push(performance.now() - s);
    const found = r.rows.map((x) => Number(x.id));
    recall += input.recallOf(q, found);
    rows += found.length;
    if (found.length < input.expectRows(q)) short++;
  }
  const totalMs = performance.now() - t0;
  const nq = input.literals.length;
  return { ef, recall: recall / nq, qps: qpsOf(nq, totalMs), p50Ms: percentile(lat, 50), p99Ms: percentile(lat, 99), meanRows: rows / nq, shortAnswers: short };
}

function fmtPass(what: string, p: FilteredPass, k: number): string {
  return `  ${what} ef=${p.ef}: recall@${k} ${p.recall.toFixed(4)}  ${p.qps.toFixed(0)} QPS  p50 ${p.p50Ms.toFixed(3)} ms  p99 ${p.p99Ms.toFixed(3)} ms  short ${p.shortAnswers}`;
}

export async function runFilteredWireBench(ds: AnnDataset, o: FilteredWireOptions, log: Log): Promise<FilteredRunResult> {
  const { def, attrs } = filteredDatasetDef(ds);
  const filters: ResolvedFilter[] = resolveFilters(ds, def.filters, o.k, log);
  const client = new Client({ connectionString: o.url });
  // A dropped connection must reject the pending query, not crash the process.
  client.on('error', (e) => log(`filtered: connection error: ${e.message}`));
  await client.connect();
  try {
    const buildMs = o.skipLoad ? 0 : await loadFilteredTable(client, ds, def.columns, attrs, o, log);
    if (o.fullScanThreshold !== undefined) await client.query(`SET vecgres.full_scan_threshold = ${o.fullScanThreshold}`);
    const t = ident(o.table);
    const op = opsOf(ds).op;
    const literals = Array.from({ length: ds.nq }, (_, q) => vectorLiteral(ds.queries.subarray(q * ds.dim, (q + 1) * ds.dim)));
    const unfiltered: FilteredPass[] = [];
    const plain: PassInput = {
      name: 'bench_unfiltered',
      sql: `SELECT id FROM ${t} ORDER BY emb ${op} $1 LIMIT ${o.k}`,
      literals,
      recallOf: (q, found) => meanRecall([found], ds.gt.subarray(q * ds.gtD, (q + 1) * ds.gtD), ds.gtD, o.k),
      expectRows: () => Math.min(o.k, ds.n),
    };
    for (const ef of o.efs) {
      const p = await pass(client, plain, ef, o.warmup);
      log(fmtPass('unfiltered', p, o.k));
      unfiltered.push(p);
    }
    const results: FilterResult[] = [];
    for (const [i, f] of filters.entries()) {
      const input: PassInput = {
        name: `bench_filtered_${i}`,
        sql: `SELECT id FROM ${t} WHERE ${f.where} ORDER BY emb ${op} $1 LIMIT ${o.k}`,
        literals,
        ...(f.params ? { params: f.params } : {}),
        recallOf: (q, found) => filteredRecall(found, f.gt.subarray(q * f.gtD, (q + 1) * f.gtD), f.counts[q]!, o.k),
        expectRows: (q) => Math.min(o.k, f.counts[q]!),
      };
      const result: FilterResult = { target: f.target, where: f.where, selectivity: f.selectivity, rows: f.rows, gtSource: f.gtSource, passes: [] };
      try {
        for (const ef of o.filterEfs) {
          const p = await pass(client, input, ef, Math.min(o.warmup, 20));
          log(fmtPass(`[${f.where}] (${(100 * f.selectivity).toFixed(2)} %)`, p, o.k));
          result.passes.push(p);
        }
      } catch (e) {
        result.error = e instanceof Error ? e.message : String(e);
        log(`filtered: [${f.where}] failed: ${result.error}`);
      }
      results.push(result);
    }
    return { buildMs, unfiltered, filters: results };
  } finally {
    await client.end().catch(() => undefined);
  }
}
