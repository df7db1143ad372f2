// Issue #6 acceptance: every SQL example of pgvector's README (0.8.x), plus its reference
// tables and a seeded 1,000-row data set for the index paths, runs as ONE psql script against
// vecgres and against the real pgvector (PostgreSQL 18 + pgvector 0.8.7 in WASM), and each
// statement's results (rows, or SQLSTATE + message) must match. Normalisations and known
// differences are declared per statement (src/script/*.ts) and listed in README.md.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { README_SCRIPT, buildPsqlScript, parsePsqlOutput, type StepResult } from './script';
import { canonical, compareStep } from './script/compare';
import { startOracle, startVecgres, type ChildServer } from './testing/child-server';
import { runPsqlFile } from './testing/run-psql';

let vecgres: ChildServer | undefined;
let oracle: ChildServer | undefined;
let expected: Map<number, StepResult>;
let actual: Map<number, StepResult>;

beforeAll(async () => {
  [vecgres, oracle] = await Promise.all([startVecgres(), startOracle()]);
  const file = join(tmpdir(), `pgvector-readme-${process.pid}.sql`);
  writeFileSync(file, buildPsqlScript(README_SCRIPT));
  const [o, v] = await Promise.all([runPsqlFile(oracle.conninfo(), file), runPsqlFile(vecgres.conninfo(), file)]);
  if (o.code !== 0) throw new Error(`psql against the oracle failed (${o.code}): ${o.stderr.slice(-2000)}`);
  if (v.code !== 0) throw new Error(`psql against vecgres failed (${v.code}): ${v.stderr.slice(-2000)}`);
  expected = parsePsqlOutput(o.stdout);
  actual = parsePsqlOutput(v.stdout);
}, 180_000);

afterAll(async () => {
  await Promise.all([vecgres?.stop(), oracle?.stop()]);
});

describe('pgvector README through psql: vecgres vs pgvector 0.8.7', () => {
  it('ran every statement on both servers', () => {
    expect(expected.size).toBe(README_SCRIPT.length);
    expect(actual.size).toBe(README_SCRIPT.length);
  });

  it('the oracle really is pgvector: the extension and its operators exist there', () => {
    const created = README_SCRIPT.findIndex((s) => s.sql === 'CREATE EXTENSION vector');
    expect(canonical(expected.get(created), 'exact')).toBe('CREATE EXTENSION\n00000');
  });

  const sections = [...new Set(README_SCRIPT.map((s) => s.section))];
  for (const section of sections) {
    it(`${section}: results match statement by statement`, () => {
      const mismatches = README_SCRIPT.flatMap((s, i) =>
        s.section === section && s.mode !== 'known' ? [compareStep(i, s, expected.get(i), actual.get(i))] : [],
      ).filter((m) => m !== undefined);
      expect(mismatches).toEqual([]);
    });
  }

  it("the index sections run through vecgres' ANN indexes, not an exact scan (EXPLAIN)", () => {
    for (const [section, strategy] of [['HNSW', /Strategy: hnsw/], ['IVFFlat', /Strategy: ivfflat/]] as const) {
      const i = README_SCRIPT.findIndex((s) => s.section === section && s.sql.startsWith('EXPLAIN'));
      expect(actual.get(i)?.lines.join('\n')).toMatch(strategy);
    }
  });

  it('known differences are documented with a reason', () => {
    for (const s of README_SCRIPT) {
      if (s.mode !== undefined && s.mode !== 'exact') expect(s.why ?? '').not.toBe('');
    }
  });
});
