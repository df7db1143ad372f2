// psql against the server: scripted with -c and -f, unaligned tuples-only output. These are
// pure-SQL scenarios, so they also run against a real PostgreSQL (E2E_REAL_PG_URL).
import { readFileSync } from 'node:fs';
import { runPsql } from './testing/psql';
import { openSqlTarget, SqlTarget, uniqueTableName } from './testing/sql-target';
import { makeTempDir, TempDir } from '@vecgres/server-process';

let target: SqlTarget;
let dir: TempDir;

beforeAll(async () => {
  target = await openSqlTarget();
  dir = makeTempDir('vecgres-e2e-psql-');
});

afterAll(async () => {
  dir?.remove();
  await target?.close();
});

const psql = (script: Parameters<typeof runPsql>[1]) => runPsql(target.conninfo(), script);

function expectOk(result: { code: number; stderr: string }): void {
  if (result.code !== 0) throw new Error(`psql exited ${result.code}: ${result.stderr}`);
}

test('SELECT 1', async () => {
  const r = await psql([{ c: 'SELECT 1' }]);
  expectOk(r);
  expect(r.stdout).toBe('1\n');
});

test('SELECT version() looks like PostgreSQL', async () => {
  const r = await psql([{ c: 'SELECT version()' }]);
  expectOk(r);
  expect(r.stdout).toMatch(/^PostgreSQL \d+(\.\d+)? /);
  if (target.kind === 'vecgres') expect(r.stdout).toMatch(/^PostgreSQL 16\.0 \(vecgres 0\.1\.0\) on x86_64-pc-linux-gnu, /);
});

test('SHOW server_version', async () => {
  const r = await psql([{ c: 'SHOW server_version' }]);
  expectOk(r);
  expect(r.stdout).toMatch(/^\d+(\.\d+)?/);
  if (target.kind === 'vecgres') expect(r.stdout).toBe('16.0 (vecgres 0.1.0)\n');
});

test('a multi-statement -c string shows every result (psql >= 15)', async () => {
  const r = await psql([{ c: "SELECT 1; SELECT 2 AS b; SELECT 'x'" }]);
  expectOk(r);
  expect(r.stdout).toBe('1\n2\nx\n');
});

test('several -c in one session keep session state (SET then SHOW)', async () => {
  const r = await psql([{ c: "SET application_name = 'e2e-psql'" }, { c: 'SHOW application_name' }]);
  expectOk(r);
  expect(r.stdout.split('\n')).toContain('e2e-psql');
});

test('a syntax error shows the LINE 1 caret at the error position', async () => {
  const sql = 'SELECT 1 FROM FROM';
  const r = await psql([{ c: sql }]);
  expect(r.code).toBe(1); // ON_ERROR_STOP: an SQL error exits 1 (connection errors exit 2)
  const lines = r.stderr.split('\n');
  expect(lines).toContain('ERROR:  syntax error at or near "FROM"');
  const lineIdx = lines.indexOf(`LINE 1: ${sql}`);
  expect(lineIdx).toBeGreaterThanOrEqual(0);
  // The caret sits under the second FROM: position 15 (1-based) after the 8-char prefix.
  expect(lines[lineIdx + 1]).toBe(`${' '.repeat('LINE 1: '.length + 14)}^`);
});

test('an unknown table reports 42P01 with its name, then the session is still usable', async () => {
  const r = await psql([{ c: 'SELECT * FROM e2e_no_such_table' }]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('ERROR:  relation "e2e_no_such_table" does not exist');
  const ok = await psql([{ c: 'SELECT 2' }]);
  expectOk(ok);
  expect(ok.stdout).toBe('2\n');
});

test('\\copy from a CSV file and back to a CSV file round-trips byte for byte (-f script)', async () => {
  const table = uniqueTableName('psql_copy');
  // Canonical CSV as PostgreSQL writes it: NULL is an unquoted empty field, the empty string is
  // "", fields with the delimiter/quotes/newlines are quoted, floats in shortest form, bools t/f.
  const csv = [
    '1,a,1.5,t',
    '2,"a,b",-2.25,f',
    '3,,0,',
    '4,"",,t',
    '5,"say ""hi""",3,f',
    '6,"l1\nl2",1e+30,t',
    '7,naïve ☃,-0.5,f',
  ].join('\n') + '\n';
  const input = dir.write('in.csv', csv);
  const output = dir.file('out.csv');
  const script = dir.write(
    'copy.sql',
    [
      `CREATE TABLE ${table} (id int4, name text, score float8, ok bool);`,
      `\\copy ${table} from '${input}' csv`,
      `\\copy ${table} to '${output}' csv`,
      `SELECT count(*) FROM ${table};`,
      `DROP TABLE ${table};`,
    ].join('\n') + '\n',
  );
  const r = await psql([{ f: script }]);
  expectOk(r);
  expect(r.stdout.split('\n')).toEqual(['CREATE TABLE', 'COPY 7', 'COPY 7', '7', 'DROP TABLE', '']);
  expect(readFileSync(output, 'utf8')).toBe(csv);
});
