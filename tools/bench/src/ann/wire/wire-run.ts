// Over-the-wire mode: load the dataset into a server (COPY BINARY), build the HNSW index with
// CREATE INDEX, then per client count and ef_search run the queries through prepared
// statements, each client one query at a time, clients in parallel on their own connections.
//
//   client 0: q0, qC, q2C, ...   ┐
//   client 1: q1, qC+1, ...      ├─ QPS = all queries / wall time of the pass
//   client C-1: ...              ┘  latency = per query, pooled over clients
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import postgres from 'postgres';

import type { AnnDataset } from '../dataset';
import { meanRecall, percentile, qpsOf } from '../metrics';
import type { AnnRunOptions, BuildStats, EfResult, EngineResult } from '../types';
import { copyBinaryHeader, copyBinaryRows, copyBinaryTrailer, vectorBinary, vectorLiteral } from './copy-binary';

export interface WireOptions {
  url: string;
  clients: number[];
  table: string;
  /** Reuse the table and index already loaded. */
  skipLoad: boolean;
  /**
   * How rows are loaded: `copy` (COPY ... FROM STDIN (FORMAT binary), the fast path) or
   * `insert` (multi-row INSERTs of text literals, for servers without COPY FROM STDIN, e.g.
   * PGlite behind pglite-socket). Default copy.
   */
  load?: 'copy' | 'insert';
  /**
   * How the query vector is sent: `text` (pgvector's '[1,2,3]' literal, what pgvector-node's
   * toSql gives `pg`) or `binary` (vector_recv's layout, as a Buffer, which `pg` binds in
   * binary format). Default text.
   */
  params?: 'text' | 'binary';
  /**
   * The driver the query clients use: `pg` (node-postgres, a named prepared statement) or
   * `postgres` (postgres.js with `prepare: true`; it always binds parameters in text format, so
   * the vector is sent as a '[1,2,3]' literal whatever `params` says). Default pg.
   */
  client?: 'pg' | 'postgres';
}

/** One connection running the benchmark query; `knn` returns the ids in rank order. */
interface QueryClient {
  set(sql: string): Promise<void>;
  knn(param: string | Buffer): Promise<number[]>;
  end(): Promise<void>;
}

type Log = (line: string) => void;

const ROWS_PER_CHUNK = 1000;

function opsOf(ds: Pick<AnnDataset, 'metric'>): { opclass: string; op: string } {
  return ds.metric === 'cosine' ? { opclass: 'vector_cosine_ops', op: '<=>' } : { opclass: 'vector_l2_ops', op: '<->' };
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`table name must be a lower-case identifier, got '${name}'`);
  return name;
}

async function copyRows(client: Client, table: string, ds: AnnDataset): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (id, emb) FROM STDIN (FORMAT binary)`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const write = (b: Buffer) => new Promise<void>((resolve, reject) => stream.write(b, (e) => (e ? reject(e) : resolve())));
  await write(copyBinaryHeader());
  for (let i = 0; i < ds.n; i += ROWS_PER_CHUNK) await write(copyBinaryRows(ds.base, ds.dim, i, Math.min(ds.n, i + ROWS_PER_CHUNK)));
  await write(copyBinaryTrailer());
  stream.end();
  await done;
}

const ROWS_PER_INSERT = 200;

async function insertRows(client: Client, table: string, ds: AnnDataset): Promise<void> {
  for (let i = 0; i < ds.n; i += ROWS_PER_INSERT) {
    const end = Math.min(ds.n, i + ROWS_PER_INSERT);
    const values: string[] = [];
    const params: (number | string)[] = [];
    for (let r = i; r < end; r++) {
      values.push(`($${params.length + 1}, $${params.length + 2})`);
      params.push(r, vectorLiteral(ds.base.subarray(r * ds.dim, (r + 1) * ds.dim)));
    }
    await client.query(`INSERT INTO ${table} (id, emb) VALUES ${values.join(', ')}`, params);
  }
}

/** Creates and fills the table, builds the index; returns the CREATE INDEX time and size. */
export async function loadTable(
  client: Client,
  ds: AnnDataset,
  opts: AnnRunOptions,
  table: string,
  log: Log,
  load: 'copy' | 'insert' = 'copy',
): Promise<BuildStats> {
  const t = ident(table);
  await client.query('CREATE EXTENSION IF NOT EXISTS vector');
  await client.query(`DROP TABLE IF EXISTS ${t}`);
  await client.query(`CREATE TABLE ${t} (id integer, emb vector(${ds.dim}))`);
  const c0 = performance.now();
  await (load === 'copy' ? copyRows(client, t, ds) : insertRows(client, t, ds));
  log(`wire: loaded ${ds.n} rows in ${((performance.now() - c0) / 1000).toFixed(1)} s`);
  const { opclass } = opsOf(ds);
  const t0 = performance.now();
  await client.query(
    `CREATE INDEX ${t}_emb_idx ON ${t} USING hnsw (emb ${opclass}) WITH (m = ${opts.m}, ef_construction = ${opts.efConstruction})`,
  );
  const buildMs = performance.now() - t0;
  return { buildMs, threadsUsed: 0, indexBytes: await indexBytes(client, `${t}_emb_idx`) };
}

/** pg_relation_size of the index, or 0 when the server cannot tell. */
async function indexBytes(client: Client, index: string): Promise<number> {
  try {
    const r = await client.query<{ size: string }>(`SELECT pg_relation_size('${index}') AS size`);
    return Number(r.rows[0]?.size ?? 0);
  } catch {
    return 0;
  }
}

/** A `pg` client running `sql` through the prepared statement `name`. */
async function pgQueryClient(url: string, name: string, sql: string, log: Log): Promise<QueryClient> {
  const c = new Client({ connectionString: url });
  c.on('error', (e) => log(`wire: connection error: ${e.message}`));
  await c.connect();
  return {
    set: async (text) => void (await c.query(text)),
    knn: async (param) => (await c.query<{ id: number }>({ name, text: sql, values: [param] })).rows.map((row) => Number(row.id)),
    end: () => c.end(),
  };
}

/** A postgres.js client (one connection) running `sql` as a prepared statement. */
async function postgresQueryClient(url: string, sql: string): Promise<QueryClient> {
  const c = postgres(url, { max: 1, prepare: true, onnotice: () => undefined });
  await c`SELECT 1`;
  return {
    set: async (text) => void (await c.unsafe(text)),
    knn: async (param) => {
      const rows = await c.unsafe<Array<{ id: number }>>(sql, [typeof param === 'string' ? param : param.toString('latin1')], { prepare: true });
      return rows.map((row) => Number(row.id));
    },
    end: () => c.end({ timeout: 5 }),
  };
}

/** One client's share of a pass: queries qi = first, first + step, ... */
async function clientPass(
  client: QueryClient,
  literals: ReadonlyArray<string | Buffer>,
  first: number,
  step: number,
  found: number[][],
  latMs: number[],
): Promise<void> {
  for (let q = first; q < literals.length; q += step) {
    const s = performance.now();
    const ids = await client.knn(literals[q]!);
    latMs.push(performance.now() - s);
    found[q] = ids;
  }
}

async function measureClients(
  clients: QueryClient[],
  literals: Array<string | Buffer>,
  ds: AnnDataset,
  opts: AnnRunOptions,
  log: Log,
): Promise<EfResult[]> {
  const runs: EfResult[] = [];
  // One untimed pass over every query before the first ef_search: a freshly started bench
  // process (the dataset just loaded, its garbage still being collected, the driver's code
  // not yet optimized) made the first measured pass 20-40% slower than the same pass later.
  if (opts.warmup > 0 && opts.efs.length > 0) {
    await Promise.all(clients.map((c) => c.set(`SET hnsw.ef_search = ${Math.max(opts.efs[0]!, opts.k)}`)));
    await Promise.all(clients.map((c, i) => clientPass(c, literals, i, clients.length, [], [])));
  }
  for (const ef of opts.efs) {
    await Promise.all(clients.map((c) => c.set(`SET hnsw.ef_search = ${Math.max(ef, opts.k)}`)));
    const warm = literals.slice(0, Math.min(opts.warmup, literals.length));
    await Promise.all(clients.map((c, i) => clientPass(c, warm, i, clients.length, [], [])));
    // `reps` timed passes, the fastest reported (as in-process engines are measured).
    let run: EfResult | undefined;
    for (let rep = 0; rep < Math.max(1, opts.reps); rep++) {
      const found: number[][] = new Array(literals.length);
      const latMs: number[] = [];
      const t0 = performance.now();
      await Promise.all(clients.map((c, i) => clientPass(c, literals, i, clients.length, found, latMs)));
      const qps = qpsOf(literals.length, performance.now() - t0);
      if (run && run.qps >= qps) continue;
      run = {
        ef,
        recall: meanRecall(found, ds.gt, ds.gtD, opts.k),
        qps,
        p50Ms: percentile(latMs, 50),
        p99Ms: percentile(latMs, 99),
      };
    }
    if (!run) throw new Error('unreachable: at least one pass runs');
    log(`  wire c=${clients.length} ef=${ef}: recall@${opts.k} ${run.recall.toFixed(4)}  ${run.qps.toFixed(0)} QPS  p50 ${run.p50Ms.toFixed(3)} ms  p99 ${run.p99Ms.toFixed(3)} ms`);
    runs.push(run);
  }
  return runs;
}

/** Wire-mode results: one EngineResult per client count, named `wire-c<N>` (`wire-bin-c<N>` with binary parameters). */
export async function runWireBench(ds: AnnDataset, opts: AnnRunOptions, wire: WireOptions, log: Log): Promise<EngineResult[]> {
  const t = ident(wire.table);
  const admin = new Client({ connectionString: wire.url });
  // A dropped connection must reject the pending query, not crash the process.
  admin.on('error', (e) => log(`wire: connection error: ${e.message}`));
  await admin.connect();
  let build: BuildStats = { buildMs: 0, threadsUsed: 0, indexBytes: 0 };
  try {
    if (!wire.skipLoad) build = await loadTable(admin, ds, opts, t, log, wire.load);
    else build.indexBytes = await indexBytes(admin, `${t}_emb_idx`);
    log(`wire: index built in ${(build.buildMs / 1000).toFixed(2)} s`);
  } finally {
    await admin.end();
  }
  const sql = `SELECT id FROM ${t} ORDER BY emb ${opsOf(ds).op} $1 LIMIT ${opts.k}`;
  const literals: Array<string | Buffer> = [];
  const driver = wire.client ?? 'pg';
  // postgres.js binds every parameter as text.
  const binary = wire.params === 'binary' && driver === 'pg';
  const encode = binary ? vectorBinary : vectorLiteral;
  for (let q = 0; q < ds.nq; q++) literals.push(encode(ds.queries.subarray(q * ds.dim, (q + 1) * ds.dim)));
  const out: EngineResult[] = [];
  const name = `wire${driver === 'postgres' ? '-postgresjs' : ''}${binary ? '-bin' : ''}`;
  for (const n of wire.clients) {
    const clients: QueryClient[] = [];
    try {
      for (let i = 0; i < n; i++) {
        // One statement name per client: servers that share one session between connections,
        // like pglite-socket, would otherwise see a duplicate.
        clients.push(driver === 'postgres' ? await postgresQueryClient(wire.url, sql) : await pgQueryClient(wire.url, `bench_knn_${i}`, sql, log));
      }
      out.push({ engine: `${name}-c${n}`, build, runs: await measureClients(clients, literals, ds, opts, log) });
    } catch (e) {
      out.push({ engine: `${name}-c${n}`, build, error: e instanceof Error ? e.message : String(e), runs: [] });
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    }
  }
  return out;
}
