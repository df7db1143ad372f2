import { FakeSink } from '../testing/fake-sink';
import { createHarness, extended, simple, type Harness } from '../testing/session-harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const tick = () => new Promise((r) => setImmediate(r));

describe('generate_series', () => {
  it('in the SELECT list and in FROM, with PostgreSQL column names', async () => {
    const s = h.session();
    const a = await simple(s, "SELECT generate_series, 'x' AS c FROM generate_series(1, 3)");
    expect(a.sink.fields()[0]!.map((f) => [f.name, f.typeOid])).toEqual([['generate_series', 23], ['c', 25]]);
    expect(a.sink.textRows()).toEqual([['1', 'x'], ['2', 'x'], ['3', 'x']]);
    expect(a.sink.tags()).toEqual(['SELECT 3']);
    const b = await simple(s, 'SELECT * FROM generate_series(1, 3) AS x(col)');
    expect(b.sink.fields()[0]!.map((f) => f.name)).toEqual(['col']);
    const c = await simple(s, 'SELECT x FROM generate_series(5, 1, -2) x');
    expect(c.sink.fields()[0]!.map((f) => f.name)).toEqual(['x']);
    expect(c.sink.textRows()).toEqual([['5'], ['3'], ['1']]);
    const d = await simple(s, 'SELECT * FROM generate_series(1, 0)');
    expect(d.sink.tags()).toEqual(['SELECT 0']);
    const big = await simple(s, 'SELECT generate_series(9223372036854775806, 9223372036854775807)');
    expect(big.sink.fields()[0]![0]!.typeOid).toBe(20);
    expect(big.sink.textRows()).toEqual([['9223372036854775806'], ['9223372036854775807']]);
    expect((await simple(s, 'SELECT generate_series(1, 2, 0)')).error).toMatchObject({ sqlstate: '22023', message: 'step size cannot equal zero' });
  });

  it('streams with backpressure: no row is produced while the sink is full', async () => {
    const s = h.session();
    const sink = new FakeSink();
    let release!: () => void;
    sink.rowGate = new Promise<void>((r) => {
      release = r;
    });
    const done = s.simpleQuery('SELECT * FROM generate_series(1, 200000)', sink);
    for (let i = 0; i < 20; i++) await tick();
    // The first row went out, its promise is pending: the generator must not have run ahead.
    expect(sink.rawRows().length).toBe(1);
    sink.rowGate = null;
    release();
    s.cancel();
    await expect(done).rejects.toMatchObject({ sqlstate: '57014' });
    expect(sink.rawRows().length).toBeLessThan(200000);
  });

  it('a portal suspends at maxRows and resumes where it stopped', async () => {
    const s = h.session();
    const stmt = await s.parse('SELECT * FROM generate_series(1, 5)', []);
    const portal = await s.bind(stmt, { params: [], paramFormats: [], resultFormats: [] });
    const first = new FakeSink();
    expect(await s.execute(portal, 2, first)).toBe('suspended');
    expect(first.textRows()).toEqual([['1'], ['2']]);
    expect(first.tags()).toEqual([]);
    const rest = new FakeSink();
    expect(await s.execute(portal, 0, rest)).toBe('complete');
    expect(rest.textRows()).toEqual([['3'], ['4'], ['5']]);
    expect(rest.tags()).toEqual(['SELECT 3']);
    await s.sync();
  });

  it('takes parameters', async () => {
    const r = await extended(h.session(), 'SELECT * FROM generate_series($1::int4, $2::int4)', ['2', '4']);
    expect(r.paramTypes).toEqual([23, 23]);
    expect(r.sink.textRows()).toEqual([['2'], ['3'], ['4']]);
  });
});

describe('pg_sleep, cancel and statement_timeout', () => {
  it('pg_sleep returns one void row', async () => {
    const { sink } = await simple(h.session(), 'SELECT pg_sleep(0.01)');
    expect(sink.fields()[0]!.map((f) => [f.name, f.typeOid])).toEqual([['pg_sleep', 2278]]);
    expect(sink.textRows()).toEqual([['']]);
  });

  it('CancelRequest interrupts pg_sleep with 57014 user request', async () => {
    const s = h.session();
    const started = Date.now();
    const run = simple(s, 'SELECT pg_sleep(30)');
    await new Promise((r) => setTimeout(r, 50));
    s.cancel();
    const { error } = await run;
    expect(error).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
    expect(Date.now() - started).toBeLessThan(10000);
    expect((await simple(s, 'SELECT 1')).sink.tags()).toEqual(['SELECT 1']);
  });

  it('a cancel with nothing running does not hit the next statement', async () => {
    const s = h.session();
    s.cancel();
    expect((await simple(s, 'SELECT pg_sleep(0.01)')).error).toBeNull();
  });

  it('statement_timeout cancels with 57014 statement timeout', async () => {
    const s = h.session();
    // In one query string the error would roll back the SET with the implicit transaction.
    await simple(s, "SET statement_timeout = '50ms'");
    const { error } = await simple(s, 'SELECT pg_sleep(30)');
    expect(error).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to statement timeout' });
    // The timeout ended that statement only.
    expect((await simple(s, 'SELECT 42')).sink.textRows()).toEqual([['42']]);
    const rolled = h.session();
    await simple(rolled, "SET statement_timeout = '50ms'; SELECT 'x'::int4");
    expect((await simple(rolled, 'SHOW statement_timeout')).sink.textRows()).toEqual([['0']]);
  }, 20000);

  it('statement_timeout also stops a long generate_series whose sink never blocks', async () => {
    const s = h.session({ options: '-c statement_timeout=100' });
    const sink = new FakeSink();
    // About 10^9 rows from a nested loop over small inputs (the engine materialises each
    // function scan, so one huge generate_series would be a memory test instead).
    const { error } = await simple(s, 'SELECT * FROM generate_series(1, 1000) a, generate_series(1, 1000) b, generate_series(1, 1000) c', sink);
    expect(error).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to statement timeout' });
  }, 20000);

  it('a cancel inside a block fails the block', async () => {
    const s = h.session();
    await simple(s, 'BEGIN');
    const run = simple(s, 'SELECT pg_sleep(30)');
    await new Promise((r) => setTimeout(r, 30));
    s.cancel();
    await run;
    expect(s.transactionStatus()).toBe('E');
    await simple(s, 'ROLLBACK');
  });
});
