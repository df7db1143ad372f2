// node-postgres against the server: simple and extended protocol, named prepared statements,
// binary results, error fields and failed-transaction behaviour. Pure SQL, so these also run
// against a real PostgreSQL (E2E_REAL_PG_URL).
import { Client } from 'pg';
import { serialize } from 'pg-protocol';
import { parseDataRow, parseRowDescription } from './testing/backend-messages';
import { RawConnection } from './testing/raw-connection';
import { openSqlTarget, SqlTarget } from './testing/sql-target';
import { rejectionOf } from './testing/wait';

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

describe('simple protocol', () => {
  test('SELECT of constants: values, names and type OIDs like PostgreSQL', async () => {
    const r = await client.query("SELECT 1 AS a, 'x' AS b, 2.5 AS c, true AS d, NULL AS e, 3");
    expect(r.command).toBe('SELECT');
    expect(r.rowCount).toBe(1);
    expect(r.rows).toEqual([{ a: 1, b: 'x', c: '2.5', d: true, e: null, '?column?': 3 }]);
    expect(r.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
      ['a', 23],
      ['b', 25],
      ['c', 1700],
      ['d', 16],
      ['e', 25],
      ['?column?', 23],
    ]);
  });

  test('a large integer constant is int8; a cast names the column after the type', async () => {
    const r = await client.query('SELECT 9007199254740993, 5::int8');
    expect(r.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
      ['?column?', 20],
      ['int8', 20],
    ]);
    expect(Object.values(r.rows[0])).toEqual(['9007199254740993', '5']);
  });

  test('several statements in one Query return one result each', async () => {
    const results = (await client.query("SELECT 1 AS one; SELECT 'two' AS two")) as unknown as Array<{ rows: unknown[] }>;
    expect(results.map((r) => r.rows)).toEqual([[{ one: 1 }], [{ two: 'two' }]]);
  });

  test('an empty query string', async () => {
    const r = await client.query('');
    expect(r.rows).toEqual([]);
    expect(r.command).toBeNull();
  });
});

describe('extended protocol', () => {
  test('parameters of several types', async () => {
    const r = await client.query('SELECT $1::int4 AS n, $2::text AS s, $3::bool AS b, $4::float8 AS f, $5::int8 AS big', [
      -123,
      'héllo',
      true,
      0.25,
      '-9223372036854775808',
    ]);
    expect(r.rows).toEqual([{ n: -123, s: 'héllo', b: true, f: 0.25, big: '-9223372036854775808' }]);
    expect(r.fields.map((f) => f.dataTypeID)).toEqual([23, 25, 16, 701, 20]);
  });

  test('a NULL parameter', async () => {
    const r = await client.query('SELECT $1::int4 AS n', [null]);
    expect(r.rows).toEqual([{ n: null }]);
  });

  test('a named prepared statement is reused with new values', async () => {
    const q = { name: 'e2e_q1', text: 'SELECT $1::int4 AS n, $2::text AS s' };
    const first = await client.query({ ...q, values: [1, 'a'] });
    const second = await client.query({ ...q, values: [2, 'b'] });
    expect(first.rows).toEqual([{ n: 1, s: 'a' }]);
    expect(second.rows).toEqual([{ n: 2, s: 'b' }]);
  });

  test('binary result format: exact wire bytes of int2/int4/int8/float4/float8/bool/text/bytea', async () => {
    // A raw client: node-postgres decodes every DataRow value as a UTF-8 string first, which
    // mangles binary values with bytes >= 0x80, so it cannot check the bytes exactly.
    const ep = target.endpoint();
    const raw = await RawConnection.connect(ep.host, ep.port);
    try {
      await raw.startup(ep.user, ep.database);
      const reply = await raw.exchange(
        Buffer.concat([
          serialize.parse({
            text: "SELECT 7::int2 AS i2, 42::int4 AS i4, 9007199254740993::int8 AS i8, 1.25::float4 AS f4, 1.5::float8 AS f8, true AS b, 'hé'::text AS t, $1::bytea AS by, NULL::int4 AS n",
          }),
          serialize.bind({ values: [Buffer.from([0x00, 0xff, 0x01])], binary: true }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]),
      );
      expect(reply.map((m) => m.type)).toEqual(['1', '2', 'T', 'D', 'C', 'Z']);
      const fields = parseRowDescription(reply.find((m) => m.type === 'T')!.payload);
      expect(fields.map((f) => [f.name, f.typeOid, f.format])).toEqual([
        ['i2', 21, 1],
        ['i4', 23, 1],
        ['i8', 20, 1],
        ['f4', 700, 1],
        ['f8', 701, 1],
        ['b', 16, 1],
        ['t', 25, 1],
        ['by', 17, 1],
        ['n', 23, 1],
      ]);
      const values = parseDataRow(reply.find((m) => m.type === 'D')!.payload);
      expect(values.map((v) => (v === null ? null : v.toString('hex')))).toEqual([
        '0007',
        '0000002a',
        '0020000000000001',
        '3fa00000',
        '3ff8000000000000',
        '01',
        '68c3a9',
        '00ff01',
        null,
      ]);
            expect(reply.find((m) => m.type === 'C')!.payload.toString('utf8')).toBe('SELECT 1\0');
    } finally {
      raw.destroy();
    }
  });

  test('binary results decoded by pg-types match the text results', async () => {
    // Values whose binary form is plain ASCII bytes, which node-postgres passes through intact.
    const text = "SELECT 42::int4 AS i4, 2.0::float8 AS f8, false AS b, 'x'::text AS t, 5::int8 AS i8";
    const viaBinary = await client.query({ text, binary: true, queryMode: 'extended' } as any);
    const viaText = await client.query(text);
    expect(viaBinary.fields.map((f: { format: string }) => f.format)).toEqual(['binary', 'binary', 'binary', 'binary', 'binary']);
    expect(viaBinary.rows).toEqual(viaText.rows);
    expect(viaText.rows).toEqual([{ i4: 42, f8: 2, b: false, t: 'x', i8: '5' }]);
  });

  test('an 8 MiB text parameter round-trips (large Bind and DataRow messages)', async () => {
    const big = 'vecgres-'.repeat(1024 * 1024);
    const r = await client.query('SELECT $1::text AS t', [big]);
    expect(r.rows[0].t.length).toBe(big.length);
    expect(r.rows[0].t === big).toBe(true);
  });

  test('text bytea output is hex', async () => {
    const r = await client.query({ text: 'SELECT $1::bytea AS by', values: [Buffer.from('0aff', 'hex')] });
    expect(r.rows[0].by).toEqual(Buffer.from('0aff', 'hex'));
  });
});

describe('errors', () => {
  test('syntax error: 42601 with a 1-based position (simple protocol)', async () => {
    const err = await rejectionOf(client.query('SELECT 1 FROM FROM'));
    expect(err).toMatchObject({ code: '42601', severity: 'ERROR', position: '15', message: 'syntax error at or near "FROM"' });
  });

  test('syntax error in Parse (extended protocol), then the connection still works', async () => {
    const err = await rejectionOf(client.query('SELECT $1::int4 FROM FROM', [1]));
    expect(err).toMatchObject({ code: '42601', position: '22', message: 'syntax error at or near "FROM"' });
    expect((await client.query('SELECT $1::int4 AS n', [5])).rows).toEqual([{ n: 5 }]);
  });

  test('unknown table: 42P01 with the relation name and position', async () => {
    const err = await rejectionOf(client.query('SELECT * FROM e2e_missing_table'));
    expect(err).toMatchObject({ code: '42P01', message: 'relation "e2e_missing_table" does not exist', position: '15' });
  });

  test('bad parameter text: 22P02 invalid input syntax for type integer', async () => {
    const err = await rejectionOf(client.query('SELECT $1::int4 AS n', ['abc']));
    expect(err).toMatchObject({ code: '22P02', message: 'invalid input syntax for type integer: "abc"' });
  });

  test('after an error in a transaction block: 25P02 until ROLLBACK', async () => {
    await client.query('BEGIN');
    expect(client.getTransactionStatus()).toBe('T');
    await expect(client.query('SELECT 1 FROM FROM')).rejects.toMatchObject({ code: '42601' });
    expect(client.getTransactionStatus()).toBe('E');
    for (const attempt of [() => client.query('SELECT 1'), () => client.query('SELECT $1::int4', [1])]) {
      const err = await rejectionOf(attempt());
      expect(err).toMatchObject({
        code: '25P02',
        message: 'current transaction is aborted, commands ignored until end of transaction block',
      });
    }
    const rb = await client.query('ROLLBACK');
    expect(rb.command).toBe('ROLLBACK');
    expect(client.getTransactionStatus()).toBe('I');
    expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });

  test('COMMIT of a failed transaction block reports ROLLBACK', async () => {
    await client.query('START TRANSACTION');
    await expect(client.query('SELECT * FROM e2e_missing_table')).rejects.toMatchObject({ code: '42P01' });
    const r = await client.query('COMMIT');
    expect(r.command).toBe('ROLLBACK');
    expect(client.getTransactionStatus()).toBe('I');
  });

  test('an error in one statement of a multi-statement Query skips the rest', async () => {
    await expect(client.query('SELECT 1; SELECT 1 FROM FROM; SELECT 3')).rejects.toMatchObject({ code: '42601' });
    expect(client.getTransactionStatus()).toBe('I');
  });
});
