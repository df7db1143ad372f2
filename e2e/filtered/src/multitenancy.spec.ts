// Multitenancy (issue #7): one table of 20 tenants (`tenant_id` with a payload index, no
// partial indexes), queried per tenant with `WHERE tenant_id = $1` through a prepared
// statement. Every tenant's answer must hold exactly k rows of that tenant with the recall of a
// per-tenant search: exact at the default thresholds; with the HNSW paths forced, no lower than
// the unfiltered recall at the same ef_search. EXPLAIN counts the tenant's rows exactly.
import { Client } from 'pg';
import { loadFixture, vectorLiteral } from './testing/fixture-table';
import { exactTopK, TableModel, tieAwareRecall } from './testing/oracle';
import { startServer, type ServerHandle } from '@vecgres/server-process';

const TENANTS = 20;
const K = 10;
const QUERIES_PER_TENANT = 4;
const TABLE = 'tenant_docs';
const SQL = `SELECT id FROM ${TABLE} WHERE tenant_id = $1 ORDER BY emb <-> $2 LIMIT ${K}`;

let server: ServerHandle | undefined;
let client: Client;
const data = loadFixture('fashionSlice');
const model = new TableModel('l2', data.dim);
const literals: string[] = [];
let dists: Map<number, number>[] = [];
const tenantOf = (id: number) => (id * 7) % TENANTS;

beforeAll(async () => {
  server = await startServer();
  client = new Client(server.pgConfig());
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS vector');
  await client.query(`CREATE TABLE ${TABLE} (id int, tenant_id int, emb vector(${data.dim}))`);
  for (let i = 0; i < data.n; i += 100) {
    const params: unknown[] = [];
    const values: string[] = [];
    for (let id = i; id < Math.min(data.n, i + 100); id++) {
      const vec = data.base.subarray(id * data.dim, (id + 1) * data.dim);
      values.push(`($${params.length + 1}, $${params.length + 2}, $${params.length + 3})`);
      params.push(id, tenantOf(id), vectorLiteral(vec));
      model.put({ id, label: 0, bucket: 0, tag: '', meta: {}, vec, extra: { tenant: tenantOf(id) } });
    }
    await client.query(`INSERT INTO ${TABLE} (id, tenant_id, emb) VALUES ${values.join(', ')}`, params);
  }
  await client.query(`VACUUM ${TABLE}`);
  await client.query(`CREATE INDEX ON ${TABLE} (tenant_id)`);
  await client.query(`CREATE INDEX ON ${TABLE} USING hnsw (emb vector_l2_ops) WITH (m = 16, ef_construction = 64)`);
  const nq = TENANTS * QUERIES_PER_TENANT;
  for (let q = 0; q < nq; q++) literals.push(vectorLiteral(data.queries.subarray(q * data.dim, (q + 1) * data.dim)));
  dists = model.distances(data.queries, nq);
}, 240_000);

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await server?.stop();
});

/** Problems over every tenant (query q goes to tenant q % TENANTS). */
async function checkTenants(minRecall: number, what: string): Promise<string[]> {
  const problems: string[] = [];
  let sum = 0;
  for (let q = 0; q < literals.length; q++) {
    const tenant = q % TENANTS;
    const rows = model.matching((r) => r.extra!.tenant === tenant).map((r) => r.id);
    const got = (await client.query<{ id: number }>({ name: 'tenant_knn', text: SQL, values: [tenant, literals[q]] })).rows.map((r) => Number(r.id));
    const tag = `${what}: tenant ${tenant} (${rows.length} of ${model.rows.size} rows, ${((100 * rows.length) / model.rows.size).toFixed(1)} %), k=${K}, query ${q}`;
    if (got.length !== Math.min(K, rows.length)) problems.push(`${tag}: ${got.length} rows, expected exactly ${Math.min(K, rows.length)}`);
    const wrong = got.filter((id) => tenantOf(id) !== tenant);
    if (wrong.length) problems.push(`${tag}: rows of other tenants: ${wrong.join(', ')}`);
    sum += tieAwareRecall(got, exactTopK(dists[q]!, rows, K), dists[q]!, new Set(rows));
  }
  const recall = sum / literals.length;
  if (recall < minRecall) problems.push(`${what}: mean recall@${K} over ${literals.length} tenant queries ${recall.toFixed(4)}, expected >= ${minRecall.toFixed(4)}`);
  return problems;
}

async function unfiltered(): Promise<number> {
  const all = [...model.rows.keys()];
  let sum = 0;
  for (let q = 0; q < literals.length; q++) {
    const got = (await client.query<{ id: number }>(`SELECT id FROM ${TABLE} ORDER BY emb <-> $1 LIMIT ${K}`, [literals[q]])).rows.map((r) => Number(r.id));
    sum += tieAwareRecall(got, exactTopK(dists[q]!, all, K), dists[q]!, new Set(all));
  }
  return sum / literals.length;
}

test('WHERE tenant_id = $1: k rows of the tenant, exact recall at the default thresholds', async () => {
  expect(await checkTenants(0.98, 'default thresholds')).toEqual([]);
});

test('WHERE tenant_id = $1 with the HNSW paths forced: recall >= unfiltered recall at the same ef_search', async () => {
  await client.query('SET vecgres.full_scan_threshold = 10');
  try {
    let ef = 40;
    let baseline = 0;
    for (ef of [40, 80, 200, 400]) {
      await client.query(`SET hnsw.ef_search = ${ef}`);
      baseline = await unfiltered();
      if (baseline >= 0.98) break;
    }
    expect(await checkTenants(baseline - 0.01, `forced hnsw, ef_search ${ef} (unfiltered recall ${baseline.toFixed(4)})`)).toEqual([]);
  } finally {
    await client.query('RESET vecgres.full_scan_threshold');
    await client.query('RESET hnsw.ef_search');
  }
});

test('EXPLAIN: the Filter Strategy counts the tenant rows exactly (100 of 2000)', async () => {
  const lines = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM ${TABLE} WHERE tenant_id = 3 ORDER BY emb <-> '${literals[0]}' LIMIT ${K}`)).rows.map(
    (r) => r['QUERY PLAN'],
  );
  const strategy = lines.map((l) => /^\s*Filter Strategy:\s*(.+)$/.exec(l)?.[1]).find((s) => s !== undefined);
  const plan = lines.map((l) => (l.length > 100 ? `${l.slice(0, 100)}...` : l));
  expect({ strategy, hasExactCount: strategy !== undefined && /\b100\b/.test(strategy), plan }).toEqual({
    strategy: expect.any(String),
    hasExactCount: true,
    plan: expect.anything(),
  });
});
