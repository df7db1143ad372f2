// UPDATE ... FROM, DELETE ... USING and multi-column SET, against PostgreSQL 15's results/texts.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  await run(h.session(), `CREATE TABLE t (id int, a int, b text);
    CREATE TABLE s (id int, v int, w text);
    INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z');
    INSERT INTO s VALUES (1, 100, 'p'), (2, 200, 'q'), (2, 201, 'r')`);
});
afterEach(async () => { await h.close(); });

describe('UPDATE ... FROM', () => {
  it('joins, updates each matched target row once, and RETURNING sees FROM columns', async () => {
    const s = h.session();
    const out = await run(s, 'UPDATE t SET a = s.v FROM s WHERE s.id = t.id AND s.v < 201 RETURNING t.*, s.w');
    expect(out.tags).toEqual(['UPDATE 2']);
    expect(out.columns).toEqual(['id', 'a', 'b', 'w']);
    expect(out.rows.sort((x, y) => (x[0] as number) - (y[0] as number))).toEqual([[1, 100, 'x', 'p'], [2, 200, 'y', 'q']]);
    // Target row 2 matches two rows of s: updated once, with one of them.
    const twice = await run(s, 'UPDATE t SET a = s.v FROM s WHERE s.id = t.id');
    expect(twice.tags).toEqual(['UPDATE 2']);
    const [[a2]] = await rows(s, 'SELECT a FROM t WHERE id = 2');
    expect([200, 201]).toContain(a2);
    expect(await rows(s, 'SELECT id, a FROM t WHERE id <> 2 ORDER BY id')).toEqual([[1, 100], [3, 30]]);
  });

  it('with an alias, RETURNING * gives target then FROM columns', async () => {
    const s = h.session();
    const out = await run(s, 'UPDATE t AS x SET a = s.v + 1 FROM s WHERE s.id = x.id AND s.v > 150 AND s.w = \'r\' RETURNING *');
    expect(out.columns).toEqual(['id', 'a', 'b', 'id', 'v', 'w']);
    expect(out.rows).toEqual([[2, 202, 'y', 2, 201, 'r']]);
  });

  it('FROM a subquery and a join of two items', async () => {
    const s = h.session();
    await run(s, `UPDATE t SET b = q.w || t.b FROM (SELECT id, max(w) AS w FROM s GROUP BY id) q WHERE q.id = t.id`);
    expect(await rows(s, 'SELECT id, b FROM t ORDER BY id')).toEqual([[1, 'px'], [2, 'ry'], [3, 'z']]);
  });

  it('errors as PostgreSQL: duplicate table name, ambiguous column', async () => {
    const s = h.session();
    expect(await failure(s, 'UPDATE t SET a = t.a FROM t')).toEqual({ sqlstate: '42712', message: 'table name "t" specified more than once' });
    expect(await failure(s, 'UPDATE t SET a = 1 FROM s WHERE id = 1')).toEqual({ sqlstate: '42702', message: 'column reference "id" is ambiguous', position: 33 });
  });
});

describe('DELETE ... USING', () => {
  it('deletes the joined rows once and returns USING columns', async () => {
    const s = h.session();
    const out = await run(s, "DELETE FROM t USING s WHERE s.id = t.id AND s.w = 'q' RETURNING t.id, s.w");
    expect(out).toMatchObject({ tags: ['DELETE 1'], rows: [[2, 'q']] });
    expect((await run(s, 'DELETE FROM t USING s WHERE s.id = t.id')).tags).toEqual(['DELETE 1']);
    expect(await rows(s, 'SELECT id FROM t')).toEqual([[3]]);
    expect(await failure(s, 'DELETE FROM t USING t')).toEqual({ sqlstate: '42712', message: 'table name "t" specified more than once' });
  });
});

describe('multi-column SET', () => {
  it('(a, b) = (1, 2) and = ROW(...)', async () => {
    const s = h.session();
    await run(s, "UPDATE t SET (a, b) = (11, 'xx') WHERE id = 1; UPDATE t SET (b, a) = ROW('yy', 22) WHERE id = 2");
    expect(await rows(s, 'SELECT id, a, b FROM t ORDER BY id')).toEqual([[1, 11, 'xx'], [2, 22, 'yy'], [3, 30, 'z']]);
  });

  it('(a, b) = (SELECT ...), correlated', async () => {
    const s = h.session();
    const out = await run(s, 'UPDATE t SET (a, b) = (SELECT v, w FROM s WHERE s.id = t.id AND v < 201) WHERE id = 1 RETURNING *');
    expect(out.rows).toEqual([[1, 100, 'p']]);
    // No row from the subquery: both columns become NULL.
    await run(s, 'UPDATE t SET (a, b) = (SELECT v, w FROM s WHERE s.id = t.id) WHERE id = 3');
    expect(await rows(s, 'SELECT a, b FROM t WHERE id = 3')).toEqual([[null, null]]);
  });

  it('errors: column count, a non-row source, more than one row', async () => {
    const s = h.session();
    expect(await failure(s, 'UPDATE t SET (a, b) = (SELECT v FROM s WHERE s.id = t.id)')).toEqual({
      sqlstate: '42601', message: 'number of columns does not match number of values', position: 23,
    });
    expect(await failure(s, 'UPDATE t SET (a, b) = (1)')).toEqual({
      sqlstate: '0A000', message: 'source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression', position: 24,
    });
    expect(await failure(s, 'UPDATE t SET (a, b) = (SELECT v, w FROM s)')).toEqual({
      sqlstate: '21000', message: 'more than one row returned by a subquery used as an expression',
    });
  });
});

describe('data-modifying WITH queries', () => {
  it('run once, first, and feed their RETURNING rows to the main query', async () => {
    const s = h.session();
    expect(await rows(s, 'WITH gone AS (DELETE FROM t WHERE id >= 2 RETURNING id) SELECT count(*) FROM gone')).toEqual([[2n]]);
    expect(await rows(s, 'SELECT id FROM t')).toEqual([[1]]);
    expect(await rows(s, "WITH moved AS (UPDATE t SET b = 'm' RETURNING id, b) SELECT m.b, n.b FROM moved m, moved n")).toEqual([['m', 'm']]);
    // Not referenced: still executed.
    await run(s, 'WITH ins AS (INSERT INTO t VALUES (7, 70, \'q\') RETURNING id) SELECT 1');
    expect(await rows(s, 'SELECT id FROM t ORDER BY id')).toEqual([[1], [7]]);
    expect(await rows(s, 'EXPLAIN (COSTS OFF) WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d x')).toEqual([['CTE Scan on d x'], ['  SubPlan 1'], ['  ->  Delete on t'], ['        ->  Seq Scan on t']]);
    expect(await failure(s, 'WITH d AS (DELETE FROM t) SELECT * FROM d')).toEqual({
      sqlstate: '0A000', message: 'WITH query "d" does not have a RETURNING clause', position: 41,
    });
  });
});
