// Extended protocol path: Parse without parameter types infers them from context the way
// PostgreSQL does; Execute runs with decoded values; result columns carry RowDescription data.
import { openHarness, run, type Harness } from '../testing/engine-harness';
import { CollectingSink } from './result-sink';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE t (a int, b text, c bigint)');
  await run(s, "INSERT INTO t VALUES (1, 'x', 10), (2, 'y', 20)");
});
afterAll(async () => { await h.close(); });

it.each([
  ['SELECT * FROM t WHERE a = $1', [23]],
  ['INSERT INTO t VALUES ($1, $2, $3)', [23, 25, 20]],
  ['SELECT $1', [25]],
  ['SELECT $1 + 1', [23]],
  ['SELECT a FROM t LIMIT $1', [20]],
  ['SELECT a FROM t WHERE b LIKE $1', [25]],
  ['UPDATE t SET c = $1 WHERE a = $2', [20, 23]],
  ['SELECT a FROM t WHERE a IN ($1, $2)', [23, 23]],
  ['SELECT $2::numeric, $1', [25, 1700]],
])('infers parameter types of %s', (sql, types) => {
  expect(s.prepare(sql).paramTypes).toEqual(types);
});

it('keeps the client-given parameter types', () => {
  expect(s.prepare('SELECT * FROM t WHERE a = $1', [20]).paramTypes).toEqual([20]);
});

it('describes result columns for RowDescription', () => {
  expect(s.prepare('SELECT a, b AS label, c + 1 FROM t').columns).toEqual([
    { name: 'a', type: { oid: 23, typmod: -1 }, typlen: 4, tableOid: expect.any(Number), attnum: 1 },
    { name: 'label', type: { oid: 25, typmod: -1 }, typlen: -1, tableOid: expect.any(Number), attnum: 2 },
    { name: '?column?', type: { oid: 20, typmod: -1 }, typlen: 8, tableOid: 0, attnum: 0 },
  ]);
});

it('executes with parameter values', async () => {
  const p = s.prepare('SELECT b FROM t WHERE a = $1');
  const sink = new CollectingSink();
  await s.execute(p, [2], sink);
  expect(sink.rowsOut).toEqual([['y']]);
  expect(sink.tags).toEqual(['SELECT 1']);
  const ins = s.prepare('INSERT INTO t VALUES ($1, $2, $3) RETURNING c');
  const sink2 = new CollectingSink();
  await s.execute(ins, [3, 'z', 30n], sink2);
  expect(sink2.rowsOut).toEqual([[30n]]);
  expect(sink2.tags).toEqual(['INSERT 0 1']);
});

it('streams large results in batches and waits for each delivery', async () => {
  await run(s, 'CREATE TABLE big (i int)');
  await run(s, 'INSERT INTO big SELECT g FROM generate_series(1, 5000) g');
  const sizes: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  await s.query('SELECT i FROM big', {
    describe: () => undefined,
    complete: () => undefined,
    rows: async (batch) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      sizes.push(batch.length);
      await new Promise((r) => setImmediate(r));
      inFlight--;
    },
  });
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
  expect(sizes.length).toBeGreaterThan(1);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(1024);
  expect(maxInFlight).toBe(1);
});
