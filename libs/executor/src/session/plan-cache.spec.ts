// Prepared statements keep their plan across executions (plan-cache.ts) and plan again when
// the catalog or search_path they were planned under changed.
import { openHarness, run, type Harness } from '../testing/engine-harness';
import { CollectingSink } from './result-sink';
import type { PreparedStatement, Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE pc (a int, b text)');
  await run(s, "INSERT INTO pc VALUES (1, 'one'), (2, 'two'), (3, 'three')");
});
afterAll(async () => { await h.close(); });

async function exec(p: PreparedStatement, params: unknown[], session = s): Promise<unknown[][]> {
  const sink = new CollectingSink();
  await session.execute(p, params, sink);
  return sink.rowsOut;
}

it('plans once and reuses the plan with each execution\'s parameter values', async () => {
  const p = s.prepare('SELECT b FROM pc WHERE a = $1');
  const before = { planned: s.plans.planned, reused: s.plans.reused };
  expect(await exec(p, [1])).toEqual([['one']]);
  expect(await exec(p, [3])).toEqual([['three']]);
  expect(await exec(p, [2])).toEqual([['two']]);
  expect(s.plans.planned - before.planned).toBe(1);
  expect(s.plans.reused - before.reused).toBe(2);
});

it('plans again after DDL committed by another session (the table was replaced)', async () => {
  const other = h.session();
  await run(other, 'CREATE TABLE pc2 (a int)');
  await run(other, 'INSERT INTO pc2 VALUES (5), (6)');
  const p = s.prepare('SELECT a FROM pc2 WHERE a > $1 ORDER BY a');
  expect(await exec(p, [0])).toEqual([[5], [6]]);
  const planned = s.plans.planned;
  await run(other, 'DROP TABLE pc2');
  await run(other, 'CREATE TABLE pc2 (a int)');
  await run(other, 'INSERT INTO pc2 VALUES (99)');
  expect(await exec(p, [0])).toEqual([[99]]);
  expect(s.plans.planned - planned).toBe(1);
});

it('sees uncommitted DDL of its own transaction block', async () => {
  const p = s.prepare('SELECT count(*) FROM pc WHERE a >= $1');
  expect(await exec(p, [1])).toEqual([[3n]]);
  await run(s, 'BEGIN');
  try {
    await run(s, 'ALTER TABLE pc RENAME TO pc_old');
    await run(s, 'CREATE TABLE pc (a int)');
    const sink = new CollectingSink();
    await s.bind(p, [1]).fetch(0, sink);
    expect(sink.rowsOut).toEqual([[0n]]);
  } finally {
    await run(s, 'ROLLBACK');
  }
  expect(await exec(p, [1])).toEqual([[3n]]);
});

it('plans again when search_path resolves the name elsewhere', async () => {
  await run(s, 'CREATE SCHEMA pcs');
  await run(s, 'CREATE TABLE pcs.pc (a int, b text)');
  await run(s, "INSERT INTO pcs.pc VALUES (1, 'schema one')");
  const p = s.prepare('SELECT b FROM pc WHERE a = $1');
  expect(await exec(p, [1])).toEqual([['one']]);
  await run(s, 'SET search_path = pcs, public');
  try {
    expect(await exec(p, [1])).toEqual([['schema one']]);
  } finally {
    await run(s, 'RESET search_path');
  }
  expect(await exec(p, [1])).toEqual([['one']]);
});

it('a failed execution leaves the cached plan usable', async () => {
  const p = s.prepare('SELECT 10 / a FROM pc WHERE a = $1');
  await run(s, 'INSERT INTO pc VALUES (0, \'zero\')');
  await expect(exec(p, [0])).rejects.toMatchObject({ sqlstate: '22012' });
  expect(await exec(p, [2])).toEqual([[5]]);
  await run(s, 'DELETE FROM pc WHERE a = 0');
});
