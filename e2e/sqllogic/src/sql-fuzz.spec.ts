// "Bad SQL never crashes the server": every statement of the recorded corpus (test/*.test,
// SQL that PostgreSQL accepts) is run against vecgres, interleaved with mutated versions of
// it (mutate-sql.ts). Each reply must be a result or an ErrorResponse with a real SQLSTATE that
// is not XX000 (an internal error means a bug in our code, not in the input), the connection
// must stay usable, no statement may hang, and the server must be serving at the end.
// Deterministic: SQL_FUZZ_SEED replays a run; SQL_FUZZ_PER_STATEMENT (default 2) sets the
// number of mutations per corpus statement (VECGRES_SOAK=1 -> 10); SQL_FUZZ_URL runs against
// an already running server; SQL_FUZZ_LOG=<file> logs each statement before it runs.
import { appendFileSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Client } from 'pg';
import { parseSqlLogic, recordsFor } from './format/parse';
import { mutateSql, seededRng } from './fuzz/mutate-sql';
import { listTestFiles } from './runner/suite';
import { startVecgres, type VecgresServer } from './vecgres/server';

const SEED = Number(process.env.SQL_FUZZ_SEED ?? 20261121);
const PER_STATEMENT = Number(process.env.SQL_FUZZ_PER_STATEMENT ?? (process.env.VECGRES_SOAK === '1' ? 10 : 2));
/** Client-side bound on one statement: far above statement_timeout, so reaching it is a hang. */
const HANG_MS = 20_000;
/** SQL_FUZZ_LOG=<file>: every statement is appended there before it runs (to find a crash). */
const LOG = process.env.SQL_FUZZ_LOG;

interface Failure {
  file: string;
  sql: string;
  problem: string;
}

let server: VecgresServer;

beforeAll(async () => {
  // SQL_FUZZ_URL points the run at a server you started (to read its log while debugging).
  const url = process.env.SQL_FUZZ_URL;
  server = url ? { url, stop: async () => undefined } : await startVecgres();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function connect(schema: string): Promise<Client> {
  const client = new Client({ connectionString: server.url, query_timeout: HANG_MS });
  client.on('error', () => undefined);
  await client.connect();
  await client.query(`SET statement_timeout = '3s'`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(`SET search_path = ${schema}, public`);
  return client;
}

/** Runs one statement; returns a problem description, or undefined when the reply was acceptable. */
async function runOne(client: Client, sql: string): Promise<string | undefined> {
  try {
    await client.query(sql);
    return undefined;
  } catch (e) {
    const err = e as { code?: unknown; message?: string };
    if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) {
      return err.code === 'XX000' ? `internal error: ${err.message}` : undefined;
    }
    return `no ErrorResponse (${err.message ?? String(e)})`;
  }
}

test('mutated corpus statements get results or PostgreSQL errors, never an internal error, a dropped connection or a hang', async () => {
  const rng = seededRng(SEED);
  const failures: Failure[] = [];
  let statements = 0;
  const files = listTestFiles();
  for (const [n, path] of files.entries()) {
    const file = parseSqlLogic(readFileSync(path, 'utf8'), path);
    const name = basename(path);
    const schema = `fuzz_${n}`;
    let client = await connect(schema);
    for (const record of recordsFor(file, 'postgres')) {
      const variants = [record.sql, ...Array.from({ length: PER_STATEMENT }, () => mutateSql(rng, record.sql))];
      for (const sql of variants) {
        statements++;
        // The corpus resets settings (RESET ALL, SET statement_timeout = 0): bound every statement.
        await client.query(`SET statement_timeout = '3s'`).catch(() => undefined);
        if (LOG) appendFileSync(LOG, `${name}\t${sql.replace(/\s+/g, ' ')}\n`);
        const problem = await runOne(client, sql);
        if (problem === undefined) continue;
        failures.push({ file: name, sql, problem });
        if (problem.startsWith('no ErrorResponse')) {
          await client.end().catch(() => undefined);
          client = await connect(schema);
        }
      }
      // A mutated BEGIN may leave a transaction open (or failed): end it so the file goes on.
      await client.query('ROLLBACK').catch(() => undefined);
    }
    const alive = await client.query('SELECT 1 AS one');
    expect(alive.rows).toEqual([{ one: 1 }]);
    await client.end();
  }
  const report = failures.slice(0, 40).map((f) => `${f.file}: ${f.problem}\n    ${f.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
  expect({ statements, failures: failures.length, first: report }).toEqual({ statements, failures: 0, first: [] });
}, 900_000);
