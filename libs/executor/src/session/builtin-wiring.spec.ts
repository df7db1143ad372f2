// H15's builtin tables wired into the engine: registration ahead of derived comparisons,
// contextual functions (session clock, zone, random state), SQLValueFunctions, type-aware
// ordering, and the H12 fixes. Expected values from PostgreSQL 15 (same SQL run there).
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';
import { PgPrng } from './function-session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
});
afterAll(async () => { await h.close(); });

describe('builtin function wiring', () => {
  it('reaches H15 functions whose names end like comparison operators', async () => {
    expect(await rows(s, "SELECT quote_nullable('a'), quote_nullable(NULL::text)")).toEqual([["'a'", 'NULL']]);
    expect(await rows(s, "SELECT lpad('7', 3, '0'), split_part('a,b,c', ',', 2)")).toEqual([['007', 'b']]);
  });

  it('round/trunc take negative scales and trunc pads', async () => {
    expect(await rows(s, 'SELECT trunc(123.456, -1)::text, round(155.5, -1)::text, trunc(1.5, 3)::text, round(1.5, -3)::text'))
      .toEqual([['120', '160', '1.500', '0']]);
  });

  it('float power raises 2201F like PostgreSQL', async () => {
    expect(await failure(s, 'SELECT 0::float8 ^ -1')).toMatchObject({ sqlstate: '2201F', message: 'zero raised to a negative power is undefined' });
    expect(await failure(s, 'SELECT (-8)::float8 ^ 0.5')).toMatchObject({ sqlstate: '2201F', message: 'a negative number raised to a non-integer power yields a complex result' });
    expect(await rows(s, "SELECT 1::float8 ^ 'NaN'::float8, 1::float8 ^ 'Infinity'::float8")).toEqual([[1, 1]]);
  });

  it('~ and ~* use PostgreSQL regular expressions', async () => {
    expect(await rows(s, "SELECT 'abc' ~ '^[[:alpha:]]+$', 'ABC' ~* 'b', 'abc' !~ '\\d'")).toEqual([[true, true, true]]);
  });

  it('sorts and aggregates intervals by their length, not by JS <', async () => {
    expect(await rows(s, "SELECT x::text AS s FROM (VALUES ('1 day'::interval), ('23 hours'), ('25 hours')) v(x) ORDER BY x")).toEqual([['23:00:00'], ['1 day'], ['25:00:00']]);
    expect(await rows(s, "SELECT max(x)::text, min(x)::text FROM (VALUES ('1 day'::interval), ('23 hours')) v(x)")).toEqual([['1 day', '23:00:00']]);
    expect(await rows(s, "SELECT '1 day'::interval < '25 hours'::interval, '1 day'::interval = '24 hours'::interval")).toEqual([[true, true]]);
  });

  it('sorts arrays element-wise with the element type order', async () => {
    expect(await rows(s, 'SELECT x::text AS s FROM (VALUES (ARRAY[10, 2]), (ARRAY[9]), (ARRAY[10])) v(x) ORDER BY x')).toEqual([['{9}'], ['{10}'], ['{10,2}']]);
    expect(await rows(s, 'SELECT greatest(ARRAY[1.5, 2], ARRAY[10.0])::text')).toEqual([['{10.0}']]);
  });
});

describe('contextual functions and SQL value functions', () => {
  it('now(), CURRENT_TIMESTAMP and transaction_timestamp() are the transaction start', async () => {
    await run(s, 'BEGIN');
    const [[a, b, c]] = await rows(s, 'SELECT now(), CURRENT_TIMESTAMP, transaction_timestamp()');
    const [[later]] = await rows(s, 'SELECT now()');
    await run(s, 'COMMIT');
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(later).toEqual(a);
  });

  it('binds CURRENT_DATE, LOCALTIMESTAMP, CURRENT_TIME, LOCALTIME with their types', async () => {
    const [[date, ts, time, ltime, same]] = await rows(s, 'SELECT CURRENT_DATE::text, LOCALTIMESTAMP::text, CURRENT_TIME::text, LOCALTIME(0)::text, CURRENT_DATE = now()::date');
    expect(date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(ts).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/);
    expect(time).toMatch(/^\d\d:\d\d:\d\d(\.\d+)?\+00$/);
    expect(ltime).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(same).toBe(true);
  });

  it('reads the session TimeZone', async () => {
    await run(s, "SET TimeZone = 'Asia/Tokyo'");
    const [[local, utc]] = await rows(s, "SELECT to_char(LOCALTIMESTAMP, 'HH24'), to_char(now() AT TIME ZONE 'UTC', 'HH24')");
    await run(s, 'RESET TimeZone');
    expect((Number(utc) + 9) % 24).toBe(Number(local));
  });

  it('setseed() makes random() repeat PostgreSQL 15 values', async () => {
    expect(await rows(s, 'SELECT setseed(0.5)')).toHaveLength(1);
    expect(await rows(s, 'SELECT random(), random()')).toEqual([[0.9851677175347999, 0.825301858027981]]);
    await rows(s, 'SELECT setseed(-0.3)');
    expect(await rows(s, 'SELECT random()')).toEqual([[0.739669804988659]]);
  });

  it('PgPrng stays within [0, 1)', () => {
    const g = new PgPrng(42n);
    for (let i = 0; i < 1000; i++) {
      const v = g.double();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });
});

describe('stored values of structured types', () => {
  it('jsonb and arrays survive the storage row codec', async () => {
    await run(s, 'CREATE TABLE stored (j jsonb, a int[], n numeric[])');
    await run(s, `INSERT INTO stored VALUES ('{"a": 1.50, "b": [1, {"c": null}]}', '{{1,2},{3,4}}', '[0:1]={1.5,NULL}')`);
    expect(await rows(s, "SELECT j::text, j ->> 'a', a::text, a[2][1], n::text FROM stored"))
      .toEqual([['{"a": 1.50, "b": [1, {"c": null}]}', '1.50', '{{1,2},{3,4}}', 3, '[0:1]={1.5,NULL}']]);
    expect(await rows(s, `SELECT count(*) FROM stored WHERE j @> '{"b": [1]}' AND j ? 'a'`)).toEqual([[1n]]);
  });
});

describe('pg_typeof, convert_from', () => {
  it('pg_typeof reports the coerced argument type', async () => {
    expect(await rows(s, "SELECT pg_typeof(1)::text, pg_typeof(1 + 1.5)::text, pg_typeof('{1,2}'::bigint[])::text"))
      .toEqual([['integer', 'numeric', 'bigint[]']]);
  });

  it('convert_from decodes UTF8 bytes and rejects invalid ones', async () => {
    expect(await rows(s, "SELECT convert_from('\\x68c3a9'::bytea, 'UTF8'), convert_from('\\xe9'::bytea, 'LATIN1')")).toEqual([['hé', 'é']]);
    expect(await failure(s, "SELECT convert_from('\\xc3'::bytea, 'UTF8')")).toMatchObject({ sqlstate: '22021' });
  });
});
