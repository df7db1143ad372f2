// pgvector's Querying examples through node-postgres: nearest neighbours by each distance
// operator (a Vector Top-K Scan, EXPLAIN shows it), with a filter, the distance in the select
// list, parameters for the query vector and k, and the same answers after VACUUM seals the rows
// into a memory-mapped segment. vecgres only (the local PostgreSQL has no pgvector).
import { Client } from 'pg';
import { startServer, type ServerHandle } from '@vecgres/server-process';

let server: ServerHandle;
let client: Client;

beforeAll(async () => {
  server = await startServer();
  client = new Client(server.pgConfig());
  await client.connect();
  await client.query('CREATE EXTENSION vector');
  await client.query('CREATE TABLE items (id bigserial PRIMARY KEY, category_id int, embedding vector(3))');
  await client.query("INSERT INTO items (category_id, embedding) VALUES (1, '[1,2,3]'), (2, '[4,5,6]'), (1, '[1,1,1]'), (2, NULL), (1, '[-1,0,2]')");
});

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await server?.stop();
});

async function answers(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const op of ['<->', '<#>', '<=>', '<+>']) {
    const r = await client.query(`SELECT id, embedding ${op} '[3,1,2]' AS d FROM items ORDER BY embedding ${op} '[3,1,2]' LIMIT 5`);
    out.push(r.rows);
  }
  return out;
}

test('ORDER BY embedding <op> query LIMIT k: Vector Top-K Scan with pgvector distances', async () => {
  const plan = await client.query("EXPLAIN SELECT * FROM items WHERE category_id = 1 ORDER BY embedding <-> '[3,1,2]' LIMIT 5");
  expect(plan.rows.map((r) => r['QUERY PLAN'])).toEqual([
    'Limit',
    '  ->  Vector Top-K Scan on items',
    "        Order By: (embedding <-> '[3,1,2]'::vector)",
    '        Strategy: exact',
    '        Filter: (category_id = 1)',
    // No payload index: every row is a candidate, rechecked (issue #7's planner line).
    '        Filter Strategy: exact + recheck (estimated rows: 5 of 5)',
  ]);
  const l2 = await client.query("SELECT id, embedding <-> '[3,1,2]' AS d FROM items ORDER BY embedding <-> '[3,1,2]' LIMIT 5");
  expect(l2.rows).toEqual([
    { id: '3', d: Math.sqrt(5) },
    { id: '1', d: Math.sqrt(6) },
    { id: '5', d: Math.sqrt(17) },
    { id: '2', d: Math.sqrt(33) },
    { id: '4', d: null },
  ]);
  const filtered = await client.query("SELECT id FROM items WHERE category_id = 1 ORDER BY embedding <-> '[3,1,2]' LIMIT 2");
  expect(filtered.rows).toEqual([{ id: '3' }, { id: '1' }]);
  const ip = await client.query("SELECT id, (embedding <#> '[3,1,2]') * -1 AS inner_product FROM items ORDER BY embedding <#> '[3,1,2]' LIMIT 2");
  expect(ip.rows).toEqual([{ id: '2', inner_product: 29 }, { id: '1', inner_product: 11 }]);
});

test('the query vector and k as parameters (extended protocol)', async () => {
  const r = await client.query({ name: 'knn', text: 'SELECT id FROM items ORDER BY embedding <=> $1 LIMIT $2', values: ['[3,1,2]', 3] });
  const sorted = await client.query("SELECT id FROM items ORDER BY (embedding <=> '[3,1,2]') + 0 LIMIT 3");
  expect(r.rows).toEqual(sorted.rows);
});

test('the same answers after VACUUM seals the rows (memory-mapped vectors)', async () => {
  const before = await answers();
  await client.query('VACUUM');
  expect(await answers()).toEqual(before);
});
