// Row-limited Execute: pg-cursor reads a 100k-row portal 1000 rows at a time (each read is an
// Execute with a row limit answered by PortalSuspended), and a raw client checks the exact
// message sequence of a named portal resumed across Syncs inside a transaction block.
// Pure SQL, so these also run against a real PostgreSQL (E2E_REAL_PG_URL).
import { Client } from 'pg';
import Cursor from 'pg-cursor';
import { serialize } from 'pg-protocol';
import { parseErrorFields } from './testing/backend-messages';
import { RawConnection } from './testing/raw-connection';
import { openSqlTarget, SqlTarget } from './testing/sql-target';

let target: SqlTarget;
let client: Client;

beforeAll(async () => {
  target = await openSqlTarget();
  client = new Client(target.pgConfig());
  await client.connect();
});

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await target?.close();
});

test('pg-cursor reads generate_series(1, 100000) in 100 batches of 1000', async () => {
  const cursor = client.query(new Cursor('SELECT * FROM generate_series(1, 100000)'));
  let next = 1;
  let batches = 0;
  for (;;) {
    const rows = await cursor.read(1000);
    if (rows.length === 0) break;
    batches++;
    expect(rows.length).toBe(1000);
    expect(rows[0]).toEqual({ generate_series: next });
    expect(rows[999]).toEqual({ generate_series: next + 999 });
    next += 1000;
  }
  await cursor.close();
  expect(batches).toBe(100);
  expect(next).toBe(100_001);
  expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
});

test('closing a cursor early releases the portal; the connection continues', async () => {
  const cursor = client.query(new Cursor('SELECT * FROM generate_series(1, 10000000)'));
  expect((await cursor.read(5)).map((r) => r.generate_series)).toEqual([1, 2, 3, 4, 5]);
  await cursor.close();
  expect((await client.query('SELECT 2 AS n')).rows).toEqual([{ n: 2 }]);
});

test('pg-cursor with parameters and a column alias', async () => {
  const cursor = client.query(new Cursor('SELECT * FROM generate_series($1::int4, $2::int4) AS g(n)', [10, 14]));
  expect(await cursor.read(3)).toEqual([{ n: 10 }, { n: 11 }, { n: 12 }]);
  expect(await cursor.read(3)).toEqual([{ n: 13 }, { n: 14 }]);
  expect(await cursor.read(3)).toEqual([]);
  await cursor.close();
});

test('a named portal is suspended and resumed across Syncs inside a transaction block', async () => {
  const ep = target.endpoint();
  const raw = await RawConnection.connect(ep.host, ep.port);
  const tagsAndTypes = (msgs: Array<{ type: string; payload: Buffer }>): string[] =>
    msgs.map((m) => (m.type === 'C' ? `C:${m.payload.toString('utf8', 0, m.payload.length - 1)}` : m.type === 'Z' ? `Z:${m.payload.toString()}` : m.type));
  try {
    await raw.startup(ep.user, ep.database);
    expect(tagsAndTypes(await raw.exchange(serialize.query('BEGIN')))).toEqual(['C:BEGIN', 'Z:T']);
    const first = await raw.exchange(
      Buffer.concat([
        serialize.parse({ text: 'SELECT * FROM generate_series(1, 5)' }),
        serialize.bind({ portal: 'p' }),
        serialize.execute({ portal: 'p', rows: 2 }),
        serialize.execute({ portal: 'p', rows: 2 }),
        serialize.sync(),
      ]),
    );
    expect(tagsAndTypes(first)).toEqual(['1', '2', 'D', 'D', 's', 'D', 'D', 's', 'Z:T']);
    // The tag counts the rows of the Execute that completed the portal.
    const rest = await raw.exchange(Buffer.concat([serialize.execute({ portal: 'p', rows: 0 }), serialize.sync()]));
    expect(tagsAndTypes(rest)).toEqual(['D', 'C:SELECT 1', 'Z:T']);
    const again = await raw.exchange(Buffer.concat([serialize.execute({ portal: 'p', rows: 0 }), serialize.sync()]));
    expect(tagsAndTypes(again)).toEqual(['C:SELECT 0', 'Z:T']);
    // COMMIT closes the portal.
    expect(tagsAndTypes(await raw.exchange(serialize.query('COMMIT')))).toEqual(['C:COMMIT', 'Z:I']);
    const gone = await raw.exchange(Buffer.concat([serialize.execute({ portal: 'p', rows: 0 }), serialize.sync()]));
    expect(tagsAndTypes(gone)).toEqual(['E', 'Z:I']);
    expect(parseErrorFields(gone[0]!.payload)).toMatchObject({ code: '34000', message: 'portal "p" does not exist' });
  } finally {
    raw.destroy();
  }
});
