// EXPLAIN ANALYZE and EXPLAIN option parsing; expected texts from PostgreSQL 15 (same data).
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  await run(h.session(), `CREATE TABLE t (id int, a int, b text);
    INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z')`);
});
afterEach(async () => { await h.close(); });

const plan = async (sql: string) => (await rows(h.session(), sql)).map((r) => r[0] as string);
const A = 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ';

describe('EXPLAIN ANALYZE', () => {
  it('prints actual rows and loops, and rows removed by a filter', async () => {
    expect(await plan(`${A}SELECT * FROM t WHERE a > 10`)).toEqual([
      'Seq Scan on t (actual rows=2 loops=1)',
      '  Filter: (a > 10)',
      '  Rows Removed by Filter: 1',
    ]);
    expect(await plan(`${A}SELECT * FROM t WHERE a > 0`)).toEqual(['Seq Scan on t (actual rows=3 loops=1)', '  Filter: (a > 0)']);
  });

  it('counts only the rows a Limit pulled, and never-executed nodes', async () => {
    expect(await plan(`${A}SELECT * FROM t LIMIT 1`)).toEqual(['Limit (actual rows=1 loops=1)', '  ->  Seq Scan on t (actual rows=1 loops=1)']);
    expect(await plan(`${A}SELECT * FROM t LIMIT 0`)).toEqual(['Limit (actual rows=0 loops=1)', '  ->  Seq Scan on t (never executed)']);
    expect(await plan(`${A}SELECT * FROM t ORDER BY a DESC LIMIT 2`)).toEqual([
      'Limit (actual rows=2 loops=1)',
      '  ->  Sort (actual rows=2 loops=1)',
      '        Sort Key: a DESC',
      '        ->  Seq Scan on t (actual rows=3 loops=1)',
    ]);
  });

  it('runs DML for real: the modify node returns no rows without RETURNING', async () => {
    expect(await plan(`${A}UPDATE t SET a = a + 1 WHERE id > 1`)).toEqual([
      'Update on t (actual rows=0 loops=1)',
      '  ->  Seq Scan on t (actual rows=2 loops=1)',
      '        Filter: (id > 1)',
      '        Rows Removed by Filter: 1',
    ]);
    expect(await plan(`${A}INSERT INTO t VALUES (9, 9, 'n')`)).toEqual([
      'Insert on t (actual rows=0 loops=1)',
      '  ->  Result (actual rows=1 loops=1)',
    ]);
    expect(await rows(h.session(), 'SELECT id, a FROM t ORDER BY id')).toEqual([[1, 10], [2, 21], [3, 31], [9, 9]]);
  });

  it('a correlated subplan reports its loops, with per-loop averages', async () => {
    await run(h.session(), 'CREATE TABLE s (id int, v int); INSERT INTO s VALUES (1, 100), (2, 200), (2, 201)');
    const lines = await plan(`${A}SELECT * FROM t WHERE a > (SELECT min(v) FROM s WHERE s.id = t.id)`);
    expect(lines[0]).toBe('Seq Scan on t (actual rows=0 loops=1)');
    expect(lines).toContain('  Rows Removed by Filter: 3');
    expect(lines.slice(-4).map((l) => l.trim())).toEqual([
      '->  Aggregate (actual rows=1 loops=3)',
      '->  Seq Scan on s (actual rows=1 loops=3)',
      'Filter: (id = t.id)',
      'Rows Removed by Filter: 2',
    ]);
  });

  it('prints times and the summary unless TIMING / SUMMARY are off', async () => {
    const lines = await plan('EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM t');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Aggregate \(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=1 loops=1\)$/);
    expect(lines[1]).toMatch(/^ {2}->  Seq Scan on t \(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=3 loops=1\)$/);
    expect(lines[2]).toMatch(/^Planning Time: \d+\.\d{3} ms$/);
    expect(lines[3]).toMatch(/^Execution Time: \d+\.\d{3} ms$/);
    expect(await plan('EXPLAIN (COSTS OFF, SUMMARY ON) SELECT 1')).toEqual(['Result', expect.stringMatching(/^Planning Time: /)]);
    expect(await plan('EXPLAIN ANALYZE VERBOSE SELECT 1')).toEqual([
      expect.stringMatching(/^Result \(actual time=.* rows=1 loops=1\)$/), expect.stringMatching(/^Planning Time/), expect.stringMatching(/^Execution Time/),
    ]);
  });
});

describe('EXPLAIN options', () => {
  it('accepts PostgreSQL\'s boolean spellings and FORMAT TEXT', async () => {
    expect(await plan("EXPLAIN (ANALYZE 'on', COSTS 0, TIMING false, SUMMARY off, FORMAT TEXT, VERBOSE, BUFFERS, SETTINGS) SELECT 1")).toEqual(['Result (actual rows=1 loops=1)']);
    expect(await plan('EXPLAIN (ANALYZE false, COSTS OFF) SELECT 1')).toEqual(['Result']);
  });

  it('rejects what PostgreSQL rejects, with its texts', async () => {
    const s = h.session();
    expect(await failure(s, 'EXPLAIN (BOGUS) SELECT 1')).toEqual({ sqlstate: '42601', message: 'unrecognized EXPLAIN option "bogus"', position: 10 });
    expect(await failure(s, 'EXPLAIN (FORMAT XYZ) SELECT 1')).toEqual({ sqlstate: '22023', message: 'unrecognized value for EXPLAIN option "format": "xyz"', position: 10 });
    expect(await failure(s, 'EXPLAIN (ANALYZE maybe) SELECT 1')).toEqual({ sqlstate: '42601', message: 'analyze requires a Boolean value' });
    expect(await failure(s, 'EXPLAIN (ANALYZE 2) SELECT 1')).toEqual({ sqlstate: '42601', message: 'analyze requires a Boolean value' });
    expect(await failure(s, 'EXPLAIN (TIMING) SELECT 1')).toEqual({ sqlstate: '22023', message: 'EXPLAIN option TIMING requires ANALYZE' });
    expect(await failure(s, 'EXPLAIN (WAL) SELECT 1')).toEqual({ sqlstate: '22023', message: 'EXPLAIN option WAL requires ANALYZE' });
    expect(await failure(s, 'EXPLAIN (FORMAT JSON) SELECT 1')).toMatchObject({ sqlstate: '0A000' });
  });
});
