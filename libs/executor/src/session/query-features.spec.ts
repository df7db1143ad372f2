// Query features beyond the parity files (testing/pg-expected/window.sql, queries.sql): plan
// shapes in EXPLAIN (PostgreSQL 15's output for the same SQL, with our deliberate
// differences noted) and cancellation of an endless WITH RECURSIVE.
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE w (id int, dept text, sal int, x float8)');
  await run(s, "INSERT INTO w VALUES (1, 'a', 100, 1.5), (2, 'a', 200, 2.5), (3, 'b', 50, NULL)");
});
afterAll(async () => { await h.close(); });

const plan = async (sql: string) => (await rows(s, `EXPLAIN (COSTS OFF) ${sql}`)).map((r) => r[0]);

describe('EXPLAIN shapes', () => {
  it('stacks one WindowAgg per window, sorting only when the window has keys', async () => {
    expect(await plan('SELECT id, rank() OVER (PARTITION BY dept ORDER BY sal DESC), sum(sal) OVER () FROM w')).toEqual([
      'WindowAgg',
      '  ->  WindowAgg',
      '        ->  Sort',
      '              Sort Key: dept, sal DESC',
      '              ->  Seq Scan on w',
    ]);
  });

  it('shares a sort between windows whose keys are a prefix of it', async () => {
    expect(await plan('SELECT rank() OVER (PARTITION BY dept ORDER BY sal), count(*) OVER (PARTITION BY dept) FROM w')).toEqual([
      'WindowAgg',
      '  ->  WindowAgg',
      '        ->  Sort',
      '              Sort Key: dept, sal',
      '              ->  Seq Scan on w',
    ]);
  });

  it('plans DISTINCT ON as Unique over Sort', async () => {
    expect(await plan('SELECT DISTINCT ON (dept) dept, id FROM w ORDER BY dept, id DESC')).toEqual([
      'Unique',
      '  ->  Sort',
      '        Sort Key: dept, id DESC',
      '        ->  Seq Scan on w',
    ]);
  });

  it('inlines a recursive CTE as a Recursive Union (PostgreSQL: CTE Scan over it)', async () => {
    expect(await plan('WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT * FROM t')).toEqual([
      'Recursive Union',
      '  ->  Result',
      '  ->  WorkTable Scan on t',
      '        Filter: (n < 5)',
    ]);
  });
});

describe('WITH RECURSIVE cancellation', () => {
  it('an endless recursion runs until statement_timeout cancels it', async () => {
    const c = h.session();
    await run(c, "SET statement_timeout = '200ms'");
    const err = await failure(c, 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t');
    expect(err).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to statement timeout' });
    // The session is usable afterwards.
    expect(await rows(c, 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t LIMIT 3')).toEqual([[1], [2], [3]]);
  });

  it('a cancel request stops it too', async () => {
    const c = h.session();
    const pending = failure(c, 'WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t) SELECT max(n) FROM t');
    setTimeout(() => c.cancel(), 100);
    expect(await pending).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
  });
});
