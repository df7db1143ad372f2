// hnsw / ivfflat CREATE INDEX through node-postgres: the build phases are DEBUG1 messages
// (silent at the default client_min_messages = notice, like pgvector; `DEBUG:  hnsw: loading
// tuples` at debug1), pg_stat_progress_create_index shows pgvector's phase names while a build
// runs, and a CancelRequest or statement_timeout stops the native build with 57014, leaving no
// index in the catalog and no `ann.<oid>` file on disk. vecgres only (no pgvector in the local
// PostgreSQL).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, Query } from 'pg';
import type { NoticeMessage } from 'pg-protocol/dist/messages';
import { startServer, type ServerHandle } from '@vecgres/server-process';
import { makeTempDir, type TempDir } from '@vecgres/server-process';
import { delay } from './testing/wait';

const DIM = 32;
const SMALL_ROWS = 1000;
/** Big enough that an m = 48, ef_construction = 400 build runs for seconds on 2 cores. */
const BIG_ROWS = 20000;

let dataRoot: TempDir;
let server: ServerHandle;
let client: Client;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = lcg(17);
const vec = () => `[${Array.from({ length: DIM }, () => (rand() * 2 - 1).toFixed(4)).join(',')}]`;

async function fill(c: Client, table: string, rows: number): Promise<void> {
  for (let start = 0; start < rows; start += 1000) {
    const values = Array.from({ length: Math.min(1000, rows - start) }, (_, i) => `(${start + i}, '${vec()}')`);
    await c.query(`INSERT INTO ${table} VALUES ${values.join(',')}`);
  }
}

/** The notices `sql` raises on `c`. */
async function noticesOf(c: Client, sql: string): Promise<Array<{ severity?: string; message?: string }>> {
  const got: Array<{ severity?: string; message?: string }> = [];
  const on = (n: NoticeMessage) => got.push({ severity: n.severity, message: n.message });
  c.on('notice', on);
  try {
    await c.query(sql);
  } finally {
    c.off('notice', on);
  }
  return got;
}

/** `ann.<oid>` files anywhere under the data directory. */
function annFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/^ann\.\d+$/.test(e.name)) out.push(path.join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

/** Waits (bounded) until no `ann.*` file is left: rollback removes them after the error is sent. */
async function noAnnFilesLeft(dir: string): Promise<string[]> {
  for (let i = 0; i < 100 && annFiles(dir).length > 0; i++) await delay(100);
  return annFiles(dir);
}

function outcome(c: Client, query: Query): Promise<any> {
  return new Promise((resolve) => {
    query.on('error', (err) => resolve(err));
    query.on('end', () => resolve('completed'));
    c.query(query);
  });
}

beforeAll(async () => {
  dataRoot = makeTempDir('vecgres-index-build-');
  server = await startServer({ args: ['--data-dir', dataRoot.file('data')] });
  client = new Client(server.pgConfig());
  await client.connect();
  await client.query('CREATE EXTENSION vector');
  await client.query(`CREATE TABLE small (id int, embedding vector(${DIM}))`);
  await fill(client, 'small', SMALL_ROWS);
  await client.query(`CREATE TABLE big (id int, embedding vector(${DIM}))`);
  await fill(client, 'big', BIG_ROWS);
}, 120_000);

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await server?.stop('SIGTERM', 10_000);
  dataRoot.remove();
});

test('build phases are DEBUG1: silent by default, shown with client_min_messages = debug1', async () => {
  expect(await noticesOf(client, 'CREATE INDEX small_quiet ON small USING hnsw (embedding vector_l2_ops)')).toEqual([]);
  await client.query('SET client_min_messages = debug1');
  const hnsw = await noticesOf(client, 'CREATE INDEX small_hnsw ON small USING hnsw (embedding vector_cosine_ops)');
  expect(hnsw).toEqual([
    { severity: 'DEBUG', message: 'hnsw: initializing' },
    { severity: 'DEBUG', message: 'hnsw: loading tuples' },
  ]);
  const ivf = await noticesOf(client, 'CREATE INDEX small_ivf ON small USING ivfflat (embedding vector_l2_ops) WITH (lists = 10)');
  expect(ivf.map((n) => n.message)).toEqual(['ivfflat: initializing', 'ivfflat: performing k-means', 'ivfflat: loading tuples']);
  await client.query('RESET client_min_messages');
  expect(await noticesOf(client, 'REINDEX INDEX small_hnsw')).toEqual([]);
  for (const ix of ['small_quiet', 'small_hnsw', 'small_ivf']) await client.query(`DROP INDEX ${ix}`);
}, 60_000);

test('statement_timeout stops a CREATE INDEX build: 57014, no index, no files', async () => {
  await client.query("SET statement_timeout = '300ms'");
  const err = await client
    .query('CREATE INDEX big_idx ON big USING hnsw (embedding vector_l2_ops) WITH (m = 48, ef_construction = 400)')
    .then(() => 'completed', (e: unknown) => e);
  await client.query('RESET statement_timeout');
  expect(err).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
  expect((await client.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'big_idx'")).rows).toEqual([{ n: 0 }]);
  expect(await noAnnFilesLeft(dataRoot.file('data'))).toEqual([]);
}, 120_000);

test('a CancelRequest during the build (seen in pg_stat_progress_create_index) stops it', async () => {
  const watcher = new Client(server.pgConfig());
  await watcher.connect();
  try {
    const query = new Query('CREATE INDEX big_idx ON big USING hnsw (embedding vector_l2_ops) WITH (m = 48, ef_construction = 400)');
    const result = outcome(client, query);
    let settled = false;
    void result.then(() => (settled = true));
    let seen: any;
    while (!settled && !seen) {
      const r = await watcher.query(
        `SELECT phase, tuples_total::int AS total, tuples_done::int AS done FROM pg_stat_progress_create_index`,
      );
      // PostgreSQL prefixes the access method's phase name (pgvector's `loading tuples`).
      seen = r.rows.find((x: any) => x.phase === 'building index: loading tuples');
      if (!seen) await delay(20);
    }
    expect(seen).toMatchObject({ phase: 'building index: loading tuples', total: BIG_ROWS });
    (new Client(server.pgConfig()) as any).cancel(client, query);
    const err = await result;
    expect(err).toMatchObject({ code: '57014', message: 'canceling statement due to user request' });
    expect((await client.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'big_idx'")).rows).toEqual([{ n: 0 }]);
    expect(await noAnnFilesLeft(dataRoot.file('data'))).toEqual([]);
    // The session and table are fine: a cheap build of the same index succeeds.
    await client.query('CREATE INDEX big_idx ON big USING hnsw (embedding vector_l2_ops) WITH (m = 4, ef_construction = 8)');
    expect(annFiles(dataRoot.file('data')).length).toBeGreaterThan(0);
  } finally {
    await watcher.end();
  }
}, 120_000);
