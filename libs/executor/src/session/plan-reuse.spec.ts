// A prepared vector query's operator tree is built once and reused (exec/plan-reuse.ts): every
// execution must still see its own parameters, its own transaction's rows and its own LIMIT,
// two open portals of one statement must not share a tree, and plans whose expressions
// capture per-statement state (now(), a filter) are built per execution.
import { openHarness, run, type Harness } from '../testing/engine-harness';
import { CollectingSink } from './result-sink';
import type { PreparedStatement, Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE EXTENSION vector');
  await run(s, 'CREATE TABLE pr (id int, emb vector(2))');
  await run(s, "INSERT INTO pr VALUES (1, '[0,0]'), (2, '[1,0]'), (3, '[2,0]'), (4, '[3,0]'), (5, '[4,0]')");
  await run(s, 'CREATE INDEX ON pr USING hnsw (emb vector_l2_ops)');
});
afterAll(async () => { await h.close(); });

async function exec(p: PreparedStatement, params: unknown[], session = s): Promise<unknown[][]> {
  const sink = new CollectingSink();
  await session.execute(p, params, sink);
  return sink.rowsOut;
}

const vec = (...xs: number[]) => new Float32Array(xs);

it('reuses one tree across executions with each execution\'s parameters', async () => {
  const p = s.prepare('SELECT id FROM pr ORDER BY emb <-> $1 LIMIT $2');
  const before = { ...s.trees };
  expect(await exec(p, [vec(0, 0), 2n])).toEqual([[1], [2]]);
  expect(await exec(p, [vec(4, 0), 3n])).toEqual([[5], [4], [3]]);
  expect(await exec(p, [vec(2.1, 0), 1n])).toEqual([[3]]);
  expect(s.trees.built - before.built).toBe(1);
  expect(s.trees.reused - before.reused).toBe(2);
});

it('a reused tree reads the rows of the transaction it runs in', async () => {
  const p = s.prepare('SELECT id FROM pr ORDER BY emb <-> $1 LIMIT 1');
  const reused = s.trees.reused;
  expect(await exec(p, [vec(10, 0)])).toEqual([[5]]);
  const other = h.session();
  await run(other, "INSERT INTO pr VALUES (6, '[10,0]')");
  expect(await exec(p, [vec(10, 0)])).toEqual([[6]]);
  await run(s, 'BEGIN');
  try {
    await run(s, 'DELETE FROM pr WHERE id = 6');
    const sink = new CollectingSink();
    await s.bind(p, [vec(10, 0)]).fetch(0, sink);
    expect(sink.rowsOut).toEqual([[5]]);
  } finally {
    await run(s, 'ROLLBACK');
  }
  expect(await exec(p, [vec(10, 0)])).toEqual([[6]]);
  expect(s.trees.reused - reused).toBe(3);
  await run(other, 'DELETE FROM pr WHERE id = 6');
});

it('two open portals of one statement each run their own tree', async () => {
  const p = s.prepare('SELECT id FROM pr ORDER BY emb <-> $1 LIMIT 4');
  await exec(p, [vec(0, 0)]);
  await run(s, 'BEGIN');
  try {
    const a = s.bind(p, [vec(0, 0)]);
    const b = s.bind(p, [vec(4, 0)]);
    const sa = new CollectingSink();
    const sb = new CollectingSink();
    expect(await a.fetch(2, sa)).toBe('suspended');
    expect(await b.fetch(2, sb)).toBe('suspended');
    expect(await a.fetch(0, sa)).toBe('complete');
    expect(await b.fetch(0, sb)).toBe('complete');
    expect(sa.rowsOut).toEqual([[1], [2], [3], [4]]);
    expect(sb.rowsOut).toEqual([[5], [4], [3], [2]]);
  } finally {
    await run(s, 'ROLLBACK');
  }
  // Both portals are gone with the transaction: the statement runs normally again.
  expect(await exec(p, [vec(1.1, 0)])).toEqual([[2], [3], [1], [4]]);
});

it('builds per execution when an expression captures per-statement state', async () => {
  const withNow = s.prepare('SELECT id, now() FROM pr ORDER BY emb <-> $1 LIMIT 1');
  const filtered = s.prepare('SELECT id FROM pr WHERE id > $2 ORDER BY emb <-> $1 LIMIT 1');
  const before = { ...s.trees };
  const [[, t1]] = await exec(withNow, [vec(0, 0)]);
  await new Promise((r) => setTimeout(r, 5));
  const [[, t2]] = await exec(withNow, [vec(0, 0)]);
  expect(t2).not.toEqual(t1);
  expect(await exec(filtered, [vec(0, 0), 2])).toEqual([[3]]);
  expect(await exec(filtered, [vec(0, 0), 4])).toEqual([[5]]);
  expect(s.trees.reused - before.reused).toBe(0);
});

it('reuses the tree of a statement without a table, with each execution\'s parameters', async () => {
  const p = s.prepare('SELECT $1::int AS v, $2::text AS t LIMIT $3');
  const before = { ...s.trees };
  expect(await exec(p, [1, 'a', 1n])).toEqual([[1, 'a']]);
  expect(await exec(p, [2, null, 5n])).toEqual([[2, null]]);
  expect(await exec(p, [3, 'c', 0n])).toEqual([]);
  const where = s.prepare('SELECT $1::int AS v WHERE $2::bool');
  expect(await exec(where, [4, true])).toEqual([[4]]);
  expect(await exec(where, [5, false])).toEqual([]);
  expect(await exec(where, [6, true])).toEqual([[6]]);
  expect(s.trees.built - before.built).toBe(2);
  expect(s.trees.reused - before.reused).toBe(4);
});

it('builds per execution when a statement without a table calls a function', async () => {
  const p = s.prepare('SELECT $1::int + 1 AS v, now() AS t');
  const before = { ...s.trees };
  const [[v1, t1]] = await exec(p, [1]);
  await new Promise((r) => setTimeout(r, 5));
  const [[v2, t2]] = await exec(p, [2]);
  expect([v1, v2]).toEqual([2, 3]);
  expect(t2).not.toEqual(t1);
  expect(s.trees.reused - before.reused).toBe(0);
});
