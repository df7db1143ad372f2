import { openHarness, rows, failure, type Harness } from '../testing/engine-harness';

describe('grouping sets, ordered-set, statistical and JSON aggregates', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
    const s = h.session();
    await rows(s, 'CREATE TABLE s (r text, p text, n int)');
    await rows(s, "INSERT INTO s VALUES ('e', 'pen', 1), ('e', 'pad', 2), ('w', 'pen', 4)");
  });
  afterAll(() => h.close());

  it('adds ROLLUP subtotals and a grand total with NULL keys', async () => {
    const s = h.session();
    expect(await rows(s, 'SELECT r, p, sum(n) FROM s GROUP BY ROLLUP (r, p) ORDER BY r, p')).toEqual([
      ['e', 'pad', 2n], ['e', 'pen', 1n], ['e', null, 3n], ['w', 'pen', 4n], ['w', null, 4n], [null, null, 7n],
    ]);
    expect(await rows(s, 'SELECT r, p, count(*) FROM s GROUP BY GROUPING SETS ((r), (p), ()) ORDER BY r, p')).toEqual([
      ['e', null, 2n], ['w', null, 1n], [null, 'pad', 1n], [null, 'pen', 2n], [null, null, 3n],
    ]);
    expect(await rows(s, 'SELECT count(*) FROM s WHERE false GROUP BY ROLLUP (r)')).toEqual([[0n]]);
  });

  it('computes percentile_cont, percentile_disc and mode over the sorted input', async () => {
    const s = h.session();
    expect(await rows(s, 'SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n), mode() WITHIN GROUP (ORDER BY r) FROM s'))
      .toEqual([[1.5, 2, 'e']]);
    expect((await failure(s, 'SELECT mode(n) FROM s')).sqlstate).toBe('42809');
  });

  it('computes var_pop and stddev_samp exactly for integers', async () => {
    const s = h.session();
    expect(await rows(s, 'SELECT var_pop(n), stddev_samp(n), var_samp(n) FILTER (WHERE n > 3) FROM s')).toEqual([['1.5555555555555556', '1.5275252316519467', null]]);
  });

  it('builds jsonb_object_agg and json_agg in the call order', async () => {
    const s = h.session();
    const [[o, j]] = await rows(s, 'SELECT jsonb_object_agg(p, n ORDER BY n), json_agg(r ORDER BY n DESC) FROM s');
    expect(String(o)).toBe('{"pad": 2, "pen": 4}');
    expect(j).toBe('["w", "e", "e"]');
  });
});
