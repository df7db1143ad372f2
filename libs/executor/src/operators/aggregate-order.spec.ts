import { PgArray } from '@vecgres/pg-types';
import { openHarness, rows, failure, type Harness } from '../testing/engine-harness';

describe('aggregate ORDER BY', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
    const s = h.session();
    await rows(s, 'CREATE TABLE t (id int, g text, v text)');
    await rows(s, "INSERT INTO t VALUES (1, 'a', 'z'), (2, 'b', 'y'), (3, 'a', NULL), (4, 'a', 'x'), (5, 'b', 'y')");
  });
  afterAll(() => h.close());

  it('feeds string_agg in the call order, per group', async () => {
    const s = h.session();
    expect(await rows(s, "SELECT g, string_agg(v, ',' ORDER BY v) FROM t GROUP BY g ORDER BY g")).toEqual([['a', 'x,z'], ['b', 'y,y']]);
    expect(await rows(s, "SELECT string_agg(v, ',' ORDER BY id DESC) FROM t")).toEqual([['y,x,y,z']]);
  });

  it('orders array_agg with NULLs last for ASC', async () => {
    const s = h.session();
    const [[a]] = await rows(s, 'SELECT array_agg(v ORDER BY v) FROM t');
    expect(a).toEqual(PgArray.of(['x', 'y', 'y', 'z', null]));
  });

  it('combines DISTINCT with ORDER BY over the arguments', async () => {
    const s = h.session();
    expect(await rows(s, "SELECT string_agg(DISTINCT v, '|' ORDER BY v DESC) FROM t")).toEqual([['z|y|x']]);
    expect((await failure(s, "SELECT string_agg(DISTINCT v, '|' ORDER BY id) FROM t")).sqlstate).toBe('42P10');
  });
});
