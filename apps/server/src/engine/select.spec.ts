import { createHarness, extended, simple, type Harness } from '../testing/session-harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const nameType = (fields: Array<{ name: string; typeOid: number }>) => fields.map((f) => [f.name, f.typeOid]);

describe('SELECT constants (simple protocol)', () => {
  it('types and names columns like PostgreSQL', async () => {
    const { sink, error } = await simple(h.session(), "SELECT 1 AS a, 'x' AS b, 2.5 AS c, true AS d, NULL AS e, 3, 3000000000, 9223372036854775808, -7");
    expect(error).toBeNull();
    expect(nameType(sink.fields()[0]!)).toEqual([
      ['a', 23], ['b', 25], ['c', 1700], ['d', 16], ['e', 25], ['?column?', 23], ['?column?', 20], ['?column?', 1700], ['?column?', 23],
    ]);
    expect(sink.textRows()).toEqual([['1', 'x', '2.5', 't', null, '3', '3000000000', '9223372036854775808', '-7']]);
    expect(sink.tags()).toEqual(['SELECT 1']);
    expect(sink.types()).toEqual(['describe', 'row', 'complete']);
  });

  it('names casts after the type', async () => {
    const { sink, error } = await simple(h.session(), "SELECT 1::int4, '5'::integer, CAST(1 AS bigint), 'x'::text, 2::float8, 1.5::real, '1.50'::numeric, '\\x0aff'::bytea, 'yes'::bool, 3::int2, -'4'::int4 AS neg, 0.1::float8::numeric AS n");
    expect(error).toBeNull();
    expect(nameType(sink.fields()[0]!)).toEqual([
      ['int4', 23], ['int4', 23], ['int8', 20], ['text', 25], ['float8', 701], ['float4', 700], ['numeric', 1700], ['bytea', 17], ['bool', 16], ['int2', 21], ['neg', 23], ['n', 1700],
    ]);
    expect(sink.textRows()).toEqual([['1', '5', '1', 'x', '2', '1.5', '1.50', '\\x0aff', 't', '3', '-4', '0.1']]);
  });

  it('refuses impossible casts and out-of-range values', async () => {
    expect((await simple(h.session(), 'SELECT true::bytea')).error).toMatchObject({ sqlstate: '42846', message: 'cannot cast type boolean to bytea' });
    expect((await simple(h.session(), 'SELECT 70000::int2')).error).toMatchObject({ sqlstate: '22003', message: 'smallint out of range' });
    expect((await simple(h.session(), "SELECT 'x'::widget")).error).toMatchObject({ sqlstate: '42704', message: 'type "widget" does not exist' });
  });

  it('evaluates version() and current_setting()', async () => {
    const { sink } = await simple(h.session(), "SELECT version(), current_setting('server_version'), current_setting('nope', true)");
    const [row] = sink.textRows();
    expect(row![0]).toMatch(/^PostgreSQL 16\.0 \(vecgres 0\.1\.0\) on (x86_64|aarch64)-pc-linux-gnu, compiled by node \d+\.\d+\.\d+, 64-bit$/);
    expect(row!.slice(1)).toEqual(['16.0 (vecgres 0.1.0)', null]);
    expect(nameType(sink.fields()[0]!)).toEqual([['version', 25], ['current_setting', 25], ['current_setting', 25]]);
  });

  it('runs every statement of a multi-statement query with its own RowDescription', async () => {
    const { sink } = await simple(h.session(), "SELECT 1 AS one; SELECT 'two' AS two");
    expect(sink.types()).toEqual(['describe', 'row', 'complete', 'describe', 'row', 'complete']);
    expect(sink.textRows()).toEqual([['1'], ['two']]);
  });

  it('answers an empty query with EmptyQueryResponse', async () => {
    for (const sql of ['', '  ', ';', '-- nothing']) {
      const { sink } = await simple(h.session(), sql);
      expect(sink.types()).toEqual(['empty']);
    }
  });

  it('reports syntax errors with the 1-based character position', async () => {
    const { error } = await simple(h.session(), "SELECT 'ä' FROM FROM");
    expect(error).toMatchObject({ sqlstate: '42601', message: 'syntax error at or near "FROM"', position: 17 });
  });

  it('reports bad literals at their position', async () => {
    const { error } = await simple(h.session(), "SELECT 1, 'x'::int4");
    expect(error).toMatchObject({ sqlstate: '22P02', message: 'invalid input syntax for type integer: "x"', position: 11 });
  });

  it('refuses what it does not implement with 0A000', async () => {
    const cases: Array<[string, string]> = [
      ['LISTEN ch', 'listen'],
      ['NOTIFY ch', 'notify'],
    ];
    for (const [sql, kind] of cases) {
      const { error } = await simple(h.session(), sql);
      expect(error).toMatchObject({ sqlstate: '0A000', message: `${kind} statements are not supported yet` });
    }
  });

  it('rejects $n in the simple protocol with 42P02', async () => {
    const { error } = await simple(h.session(), 'SELECT $1');
    expect(error).toMatchObject({ sqlstate: '42P02', message: 'there is no parameter $1', position: 8 });
  });

  it('column references without FROM are 42703', async () => {
    const { error } = await simple(h.session(), 'SELECT nope');
    expect(error).toMatchObject({ sqlstate: '42703', message: 'column "nope" does not exist', position: 8 });
  });
});

describe('SELECT with parameters (extended protocol)', () => {
  it('infers parameter types from casts, text otherwise', async () => {
    const r = await extended(h.session(), 'SELECT $1::int4 AS n, $2::text AS s, $3::bool AS b, $4::float8 AS f, $5::int8 AS big, $6', [
      '-123', 'héllo', 't', '0.25', '-9223372036854775808', 'plain',
    ]);
    expect(r.error).toBeNull();
    expect(r.paramTypes).toEqual([23, 25, 16, 701, 20, 25]);
    expect(r.sink.textRows()).toEqual([['-123', 'héllo', 't', '0.25', '-9223372036854775808', 'plain']]);
    expect(r.sink.types()).toEqual(['row', 'complete']);
  });

  it('decodes binary parameters and encodes binary results', async () => {
    const int4 = Buffer.from([0, 0, 0, 42]);
    const r = await extended(h.session(), 'SELECT $1::int4 AS i4, $2::float8 AS f8, $3::bool AS b, $4::text AS t, $5::int8 AS i8, $6::bytea AS by, $7::int2 AS i2, $8::float4 AS f4', [
      int4, Buffer.from([0x40, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0]), Buffer.from('x'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 5]), Buffer.from([0x0a, 0xff]), Buffer.from([0, 7]), Buffer.from([0x3f, 0xc0, 0, 0]),
    ], { paramFormats: [1, 1, 1, 1, 1, 1, 1, 1], resultFormats: [1] });
    expect(r.error).toBeNull();
    expect(r.sink.rawRows()[0]!.map((b) => b!.toString('hex'))).toEqual([
      '0000002a', '4000000000000000', '00', '78', '0000000000000005', '0aff', '0007', '3fc00000',
    ]);
  });

  it('applies per-column result formats', async () => {
    const s = h.session();
    const stmt = await s.parse('SELECT 1 AS a, 2 AS b', []);
    const portal = await s.bind(stmt, { params: [], paramFormats: [], resultFormats: [0, 1] });
    expect(portal.fields!.map((f) => f.format)).toEqual([0, 1]);
    await expect(s.bind(stmt, { params: [], paramFormats: [], resultFormats: [0, 1, 1] })).rejects.toMatchObject({
      sqlstate: '08P01',
      message: 'bind message has 3 result formats but query has 2 columns',
    });
  });

  it('uses the declared parameter type and casts at run time', async () => {
    const r = await extended(h.session(), 'SELECT $1::int4 + 1 AS n', ['1'], { paramTypes: [25] });
    expect(r.sink.textRows()).toEqual([['2']]);
    const ok = await extended(h.session(), 'SELECT $1::int4 AS n', ['41'], { paramTypes: [25] });
    expect(ok.paramTypes).toEqual([25]);
    expect(ok.sink.textRows()).toEqual([['41']]);
  });

  it('reports bad parameter text like PostgreSQL', async () => {
    const r = await extended(h.session(), 'SELECT $1::int4 AS n', ['abc']);
    expect(r.error).toMatchObject({ sqlstate: '22P02', message: 'invalid input syntax for type integer: "abc"' });
    const bin = await extended(h.session(), 'SELECT $1::int4 AS n', [Buffer.from([1, 2])], { paramFormats: [1] });
    expect(bin.error).toMatchObject({ sqlstate: '22P03', message: 'incorrect binary data format in bind parameter 1' });
  });

  it('passes NULL parameters through', async () => {
    const r = await extended(h.session(), 'SELECT $1::int4 AS n', [null]);
    expect(r.sink.textRows()).toEqual([[null]]);
  });

  it('describes the statement before execution', async () => {
    const s = h.session();
    const stmt = await s.parse('SELECT $1::int8 AS big, version()', []);
    expect(stmt.paramTypeOids).toEqual([20]);
    expect(stmt.fields!.map((f) => [f.name, f.typeOid, f.typeSize, f.format])).toEqual([['big', 20, 8, 0], ['version', 25, -1, 0]]);
    const none = await s.parse('SET application_name = x', []);
    expect(none.fields).toBeNull();
  });

  it('refuses several statements in one Parse', async () => {
    const r = await extended(h.session(), 'SELECT 1; SELECT 2');
    expect(r.error).toMatchObject({ sqlstate: '42601', message: 'cannot insert multiple commands into a prepared statement' });
  });

  it('an empty Parse executes as EmptyQueryResponse', async () => {
    const r = await extended(h.session(), '');
    expect(r.sink.types()).toEqual(['empty']);
  });
});
