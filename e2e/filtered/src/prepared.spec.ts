// Filtered top-k through prepared statements with parameters for the filter value, the query
// vector and k (`WHERE label = $1 ORDER BY emb <=> $2 LIMIT $3`): node-postgres named
// statements re-executed with new values, and postgres.js (which prepares by default and learns
// the parameter types from the server's ParameterDescription). On the fiori table (sealed
// segment + mutable tail + updates + deletes), at the default thresholds and with the HNSW
// paths forced.
import { Client } from 'pg';
import postgres from 'postgres';
import { loadFixture, loadFixtureTable, type LoadedTable } from './testing/fixture-table';
import { exactTopK, tieAwareRecall } from './testing/oracle';
import { startServer, type ServerHandle } from '@vecgres/server-process';
import { querySet, unfilteredRecall, type QuerySet } from './testing/sweep';

const TABLE = 'fiori_prepared';
const SQL = `SELECT id FROM ${TABLE} WHERE label = $1 ORDER BY emb <=> $2 LIMIT $3`;
// label 2 ~10 %, 5 ~3 %, 7 five rows (fewer than k), 99 none; k below and above the counts.
const LABELS = [2, 5, 7, 99];
const KS = [10, 3, 25];

let server: ServerHandle | undefined;
let client: Client;
let loaded: LoadedTable;
let qs: QuerySet;

beforeAll(async () => {
  server = await startServer();
  client = new Client(server.pgConfig());
  await client.connect();
  loaded = await loadFixtureTable(client, TABLE, loadFixture('fiori'));
  qs = querySet(loaded, 10);
}, 240_000);

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await server?.stop();
});

type Run = (label: number, q: number, k: number) => Promise<number[]>;

/** Problems of every (label, query, k) answer against the oracle; minRecall is the mean bar. */
async function check(run: Run, minRecall: number, what: string): Promise<string[]> {
  const problems: string[] = [];
  for (const label of LABELS) {
    const matching = loaded.model.matching((r) => r.label === label).map((r) => r.id);
    const matchSet = new Set(matching);
    for (const k of KS) {
      let sum = 0;
      for (let q = 0; q < qs.nq; q++) {
        const got = await run(label, q, k);
        const want = Math.min(k, matching.length);
        const tag = `${what}: label = ${label} (${matching.length} of ${loaded.model.rows.size} rows match), k=${k}, query ${q}`;
        if (got.length !== want) problems.push(`${tag}: ${got.length} rows, expected exactly ${want}`);
        const wrong = got.filter((id) => !matchSet.has(id));
        if (wrong.length) problems.push(`${tag}: rows not matching the filter: ${wrong.join(', ')}`);
        sum += tieAwareRecall(got, exactTopK(qs.dists[q]!, matching, k), qs.dists[q]!, matchSet);
      }
      const recall = sum / qs.nq;
      if (recall < minRecall) problems.push(`${what}: label = ${label}, k=${k}: mean recall@${k} ${recall.toFixed(4)}, expected >= ${minRecall.toFixed(4)}`);
    }
  }
  return problems;
}

const pgNamed: Run = async (label, q, k) =>
  (await client.query<{ id: number }>({ name: 'filtered_knn', text: SQL, values: [label, qs.literals[q], k] })).rows.map((r) => Number(r.id));

test('node-postgres: one named statement re-executed with new label / vector / k values', async () => {
  expect(await check(pgNamed, 0.98, 'pg prepared, default thresholds')).toEqual([]);
});

test('node-postgres: the same statement with the HNSW paths forced (full_scan_threshold = 10, ef_search = 200)', async () => {
  await client.query('SET vecgres.full_scan_threshold = 10');
  await client.query('SET hnsw.ef_search = 200');
  try {
    const baseline = await unfilteredRecall(client, loaded, qs, 10);
    expect(await check(pgNamed, Math.min(baseline, 0.98) - 0.01, `pg prepared, forced hnsw (unfiltered recall ${baseline.toFixed(4)})`)).toEqual([]);
  } finally {
    await client.query('RESET vecgres.full_scan_threshold');
    await client.query('RESET hnsw.ef_search');
  }
});

test('postgres.js: tagged-template query, prepared with server-inferred parameter types', async () => {
  const sql = postgres({ host: server!.host, port: server!.port, user: 'postgres', database: 'postgres', onnotice: () => undefined, max: 1 });
  try {
    const run: Run = async (label, q, k) =>
      (await sql<{ id: number }[]>`SELECT id FROM fiori_prepared WHERE label = ${label} ORDER BY emb <=> ${qs.literals[q]!} LIMIT ${k}`).map((r) => Number(r.id));
    expect(await check(run, 0.98, 'postgres.js')).toEqual([]);
  } finally {
    await sql.end({ timeout: 5 });
  }
});
