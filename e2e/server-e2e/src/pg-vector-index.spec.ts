// pgvector's Indexing examples through node-postgres: CREATE INDEX ... USING hnsw / ivfflat,
// EXPLAIN naming the index, answers close to the exact ones, hnsw.ef_search capping a plain
// index scan, ivfflat's little-data NOTICE, DROP INDEX back to the exact scan, and a restart
// of the server that searches the persisted index. vecgres only (no pgvector in the local
// PostgreSQL).
import { Client } from 'pg';
import { startServer, type ServerHandle } from '@vecgres/server-process';
import { makeTempDir, type TempDir } from '@vecgres/server-process';

const DIM = 8;
const ROWS = 2000;

let dataRoot: TempDir;
let server: ServerHandle | undefined;
let client: Client | undefined;

/** A deterministic pseudo-random generator (LCG). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = lcg(5);
const vec = () => `[${Array.from({ length: DIM }, () => (rand() * 2 - 1).toFixed(4)).join(',')}]`;
const queries = Array.from({ length: 10 }, vec);

async function connect(): Promise<Client> {
  server = await startServer({ args: ['--data-dir', dataRoot.file('data')] });
  const c = new Client(server.pgConfig());
  await c.connect();
  return c;
}

async function disconnect(): Promise<void> {
  await client?.end().catch(() => undefined);
  await server?.stop('SIGTERM', 10_000);
  client = undefined;
  server = undefined;
}

async function planOf(c: Client, sql: string): Promise<string[]> {
  return (await c.query(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN'] as string);
}

/** Mean recall@10 of the indexed answer against the exact (Sort) answer. */
async function recall(c: Client, op: string): Promise<number> {
  let hit = 0;
  for (const q of queries) {
    const got = (await c.query(`SELECT id FROM items ORDER BY embedding ${op} $1 LIMIT 10`, [q])).rows.map((r) => r.id);
    const want = (await c.query(`SELECT id FROM items ORDER BY (embedding ${op} $1) + 0 LIMIT 10`, [q])).rows.map((r) => r.id);
    hit += want.filter((id) => got.includes(id)).length;
  }
  return hit / (10 * queries.length);
}

beforeAll(async () => {
  dataRoot = makeTempDir('vecgres-vector-index-');
  client = await connect();
  await client.query('CREATE EXTENSION vector');
  await client.query(`CREATE TABLE items (id bigserial PRIMARY KEY, category_id int, embedding vector(${DIM}))`);
  for (let start = 0; start < ROWS; start += 500) {
    const values = Array.from({ length: 500 }, (_, i) => `(${(start + i) % 5}, '${vec()}')`);
    await client.query(`INSERT INTO items (category_id, embedding) VALUES ${values.join(',')}`);
  }
}, 60_000);

afterAll(async () => {
  await disconnect();
  dataRoot.remove();
});

test('CREATE INDEX USING hnsw: EXPLAIN names it, answers match the exact ones', async () => {
  const c = client!;
  await c.query('CREATE INDEX items_embedding_idx ON items USING hnsw (embedding vector_l2_ops) WITH (m = 16, ef_construction = 64)');
  expect(await planOf(c, "SELECT * FROM items ORDER BY embedding <-> '[1,2,3,4,5,6,7,8]' LIMIT 5")).toEqual([
    'Limit',
    '  ->  Vector Top-K Scan using items_embedding_idx on items',
    "        Order By: (embedding <-> '[1,2,3,4,5,6,7,8]'::vector)",
    '        Strategy: hnsw',
  ]);
  expect(await recall(c, '<->')).toBeGreaterThanOrEqual(0.95);
  // Rows inserted after the build are found too.
  await c.query('INSERT INTO items (category_id, embedding) VALUES (9, $1)', [queries[0]]);
  const top = await c.query('SELECT category_id FROM items ORDER BY embedding <-> $1 LIMIT 1', [queries[0]]);
  expect(top.rows).toEqual([{ category_id: 9 }]);
}, 60_000);

test('hnsw.ef_search caps a plain index scan; iterative scans continue', async () => {
  const c = client!;
  await c.query('BEGIN');
  await c.query('SET LOCAL hnsw.ef_search = 10');
  expect((await c.query('SELECT id FROM items ORDER BY embedding <-> $1 LIMIT 50', [queries[1]])).rows).toHaveLength(10);
  await c.query('SET LOCAL hnsw.iterative_scan = relaxed_order');
  expect((await c.query('SELECT id FROM items ORDER BY embedding <-> $1 LIMIT 50', [queries[1]])).rows).toHaveLength(50);
  await c.query('COMMIT');
});

test('ivfflat: the little-data NOTICE, then probes', async () => {
  const c = client!;
  const notices: string[] = [];
  const onNotice = (n: { message?: string }) => notices.push(String(n.message));
  c.on('notice', onNotice);
  await c.query('CREATE TABLE tiny (id int, embedding vector(3))');
  await c.query("INSERT INTO tiny VALUES (1, '[1,1,1]'), (2, '[2,2,2]')");
  await c.query('CREATE INDEX ON tiny USING ivfflat (embedding vector_l2_ops) WITH (lists = 100)');
  await c.query('CREATE INDEX items_ivf ON items USING ivfflat (embedding vector_cosine_ops) WITH (lists = 20)');
  c.off('notice', onNotice);
  expect(notices).toEqual(['ivfflat index created with little data']);
  await c.query('SET ivfflat.probes = 20');
  expect(await recall(c, '<=>')).toBe(1);
  await c.query('RESET ivfflat.probes');
});

test('a restart searches the persisted index; DROP INDEX returns to the exact scan', async () => {
  const before = (await client!.query('SELECT id FROM items ORDER BY embedding <-> $1 LIMIT 10', [queries[2]])).rows;
  await disconnect();
  client = await connect();
  const c = client;
  expect((await planOf(c, "SELECT id FROM items ORDER BY embedding <-> '[1,2,3,4,5,6,7,8]' LIMIT 5"))[1]).toBe('  ->  Vector Top-K Scan using items_embedding_idx on items');
  expect((await c.query('SELECT id FROM items ORDER BY embedding <-> $1 LIMIT 10', [queries[2]])).rows).toEqual(before);
  await c.query('DROP INDEX items_embedding_idx');
  expect((await planOf(c, "SELECT id FROM items ORDER BY embedding <-> '[1,2,3,4,5,6,7,8]' LIMIT 5"))[3]).toBe('        Strategy: exact');
}, 60_000);
