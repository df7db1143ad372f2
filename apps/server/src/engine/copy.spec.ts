import { FakeSink } from '../testing/fake-sink';
import { createHarness, simple, type Harness } from '../testing/session-harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

function chunks(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

async function copyIn(sql: string, data: Buffer, size: number) {
  const sink = new FakeSink();
  sink.copyInChunks = chunks(data, size);
  return simple(h.session(), sql, sink);
}

describe('COPY through the engine', () => {
  beforeEach(async () => {
    await simple(h.session(), 'DROP TABLE IF EXISTS c1; CREATE TABLE c1 (id int4, name text, score float8, flag bool)');
  });

  it('text in and out round-trips byte for byte across chunk sizes', async () => {
    const data = Buffer.from('1\talpha\t1.5\tt\n2\t\\N\t-0.25\tf\n3\ttab\\there\\\\ ☃\t1e+30\t\\N\n', 'utf8');
    for (const size of [1, 3, 7, 1000]) {
      await simple(h.session(), 'TRUNCATE c1');
      const r = await copyIn('COPY c1 FROM STDIN', data, size);
      expect(r.error).toBeNull();
      expect(r.sink.events.find((e) => e.type === 'copyIn')).toEqual({ type: 'copyIn', start: { format: 0, columnFormats: [0, 0, 0, 0] } });
      expect(r.sink.tags()).toEqual(['COPY 3']);
    }
    const out = await simple(h.session(), 'COPY c1 TO STDOUT');
    expect(out.sink.copyOutput().toString('utf8')).toBe(data.toString('utf8'));
    expect(out.sink.types().slice(-2)).toEqual(['copyDone', 'complete']);
    expect(out.sink.tags()).toEqual(['COPY 3']);
  });

  it('csv with header, delimiter, NULL string and a column list', async () => {
    const r = await copyIn("COPY c1 (name, id) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER '|', NULL 'NULL')", Buffer.from('name|id\nalpha|1\nNULL|2\n|3\n'), 5);
    expect(r.sink.tags()).toEqual(['COPY 3']);
    expect((await simple(h.session(), 'SELECT id, name, score FROM c1')).sink.textRows()).toEqual([
      ['1', 'alpha', null], ['2', null, null], ['3', '', null],
    ]);
    const out = await simple(h.session(), 'COPY c1 (id, name) TO STDOUT WITH (FORMAT csv, HEADER true)');
    expect(out.sink.copyOutput().toString('utf8')).toBe('id,name\n1,alpha\n2,\n3,""\n');
  });

  it('binary out of one table into another keeps every value', async () => {
    await copyIn('COPY c1 FROM STDIN', Buffer.from('1\ta\t0.5\tt\n2\t\\N\t-1e-300\t\\N\n'), 64);
    const out = await simple(h.session(), 'COPY c1 TO STDOUT (FORMAT binary)');
    const bin = out.sink.copyOutput();
    expect(bin.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(bin.subarray(bin.length - 2)).toEqual(Buffer.from([0xff, 0xff]));
    await simple(h.session(), 'DROP TABLE IF EXISTS c2; CREATE TABLE c2 (id int4, name text, score float8, flag bool)');
    const r = await copyIn('COPY c2 FROM STDIN WITH (FORMAT binary)', bin, 5);
    expect(r.sink.events.find((e) => e.type === 'copyIn')).toEqual({ type: 'copyIn', start: { format: 1, columnFormats: [1, 1, 1, 1] } });
    expect(r.sink.tags()).toEqual(['COPY 2']);
    expect((await simple(h.session(), 'COPY c2 TO STDOUT')).sink.copyOutput().toString()).toBe('1\ta\t0.5\tt\n2\t\\N\t-1e-300\t\\N\n');
  });

  it('a bad value fails the whole COPY with CONTEXT and leaves the table empty', async () => {
    const r = await copyIn('COPY c1 FROM STDIN', Buffer.from('1\ta\t1\tt\nabc\tb\t2\tf\n3\tc\t3\tt\n'), 4);
    expect(r.error).toMatchObject({ sqlstate: '22P02', message: 'invalid input syntax for type integer: "abc"', where: 'COPY c1, line 2, column id: "abc"' });
    expect((await simple(h.session(), 'SELECT count(*) FROM c1')).sink.textRows()).toEqual([['0']]);
  });

  it('missing and extra columns are 22P04', async () => {
    const missing = await copyIn('COPY c1 FROM STDIN', Buffer.from('1\ta\n'), 100);
    expect(missing.error).toMatchObject({ sqlstate: '22P04', message: 'missing data for column "score"', where: 'COPY c1, line 1: "1\ta"' });
    const extra = await copyIn('COPY c1 FROM STDIN', Buffer.from('1\ta\t1\tt\tx\n'), 100);
    expect(extra.error).toMatchObject({ sqlstate: '22P04', message: 'extra data after last expected column' });
  });

  it('CopyFail aborts with its error and keeps nothing', async () => {
    const sink = new FakeSink();
    sink.copyInChunks = [Buffer.from('1\ta\t1\tt\n')];
    sink.copyInFailure = Object.assign(new Error('COPY from stdin failed: nope'), { sqlstate: '57014', isSqlError: true });
    const r = await simple(h.session(), 'COPY c1 FROM STDIN', sink);
    expect(r.error).toMatchObject({ sqlstate: '57014' });
    expect((await simple(h.session(), 'SELECT count(*) FROM c1')).sink.textRows()).toEqual([['0']]);
  });

  it('validates options and refuses files', async () => {
    const s = h.session();
    expect((await simple(s, 'COPY c1 FROM STDIN (FORMAT xml)')).error).toMatchObject({ sqlstate: '22023', message: 'COPY format "xml" not recognized' });
    expect((await simple(s, 'COPY c1 FROM STDIN (FORMAT binary, HEADER)')).error).toMatchObject({ sqlstate: '42601', message: 'cannot specify HEADER in BINARY mode' });
    expect((await simple(s, "COPY c1 FROM STDIN (DELIMITER 'ab')")).error).toMatchObject({ sqlstate: '0A000', message: 'COPY delimiter must be a single one-byte character' });
    expect((await simple(s, "COPY c1 FROM STDIN (QUOTE '\"')")).error).toMatchObject({ sqlstate: '0A000', message: 'COPY quote available only in CSV mode' });
    expect((await simple(s, 'COPY c1 FROM STDIN (FORMAT csv, FORMAT text)')).error).toMatchObject({ sqlstate: '42601', message: 'conflicting or redundant options' });
    expect((await simple(s, 'COPY c1 FROM STDIN (bogus 1)')).error).toMatchObject({ sqlstate: '42601', message: 'option "bogus" not recognized' });
    expect((await simple(s, "COPY c1 FROM '/etc/passwd'")).error).toMatchObject({ sqlstate: '0A000' });
    const q = await simple(s, "COPY (SELECT 1 AS a, 'x y' AS b) TO STDOUT");
    expect(q.error).toBeNull();
    expect(q.sink.copyOutput().toString()).toBe('1\tx y\n');
    expect(q.sink.tags()).toEqual(['COPY 1']);
    expect((await simple(s, 'COPY nothere FROM STDIN')).error).toMatchObject({ sqlstate: '42P01', message: 'relation "nothere" does not exist' });
    expect((await simple(s, 'COPY c1 (zz) FROM STDIN')).error).toMatchObject({ sqlstate: '42703', message: 'column "zz" of relation "c1" does not exist' });
  });

  it('COPY TO honours CSV FORCE_QUOTE and the text header', async () => {
    await copyIn('COPY c1 FROM STDIN', Buffer.from('1\ta\t2\tt\n'), 100);
    expect((await simple(h.session(), 'COPY c1 (id, name) TO STDOUT (FORMAT csv, FORCE_QUOTE *)')).sink.copyOutput().toString()).toBe('"1","a"\n');
    expect((await simple(h.session(), 'COPY c1 (id, name) TO STDOUT (HEADER)')).sink.copyOutput().toString()).toBe('id\tname\n1\ta\n');
  });
});

describe('COPY FROM through the INSERT path', () => {
  it('fills defaults and serials, checks constraints, and reports the failing line', async () => {
    const s = h.session();
    await simple(s, "DROP TABLE IF EXISTS c2; CREATE TABLE c2 (id serial PRIMARY KEY, name text NOT NULL, tag text DEFAULT 'none')");
    // Enough rows for several INSERT batches.
    const lines = Array.from({ length: 10_000 }, (_, i) => `n${i}\n`).join('');
    const ok = new FakeSink();
    ok.copyInChunks = chunks(Buffer.from(lines), 4096);
    expect((await simple(s, 'COPY c2 (name) FROM STDIN', ok)).error).toBeNull();
    expect(ok.tags()).toEqual(['COPY 10000']);
    const check = await simple(s, "SELECT count(*), max(id), min(tag), max(tag) FROM c2");
    expect(check.sink.textRows()).toEqual([['10000', '10000', 'none', 'none']]);

    const bad = new FakeSink();
    bad.copyInChunks = [Buffer.from('20001\ta\n20002\t\\N\n')];
    const r = await simple(s, 'COPY c2 (id, name) FROM STDIN', bad);
    expect(r.error).toMatchObject({ sqlstate: '23502', where: 'COPY c2, line 2' });
    const dup = new FakeSink();
    dup.copyInChunks = [Buffer.from('7\tx\n')];
    expect((await simple(s, 'COPY c2 (id, name) FROM STDIN', dup)).error).toMatchObject({ sqlstate: '23505', where: 'COPY c2, line 1' });
    expect((await simple(s, 'SELECT count(*) FROM c2')).sink.textRows()).toEqual([['10000']]);
  });

  it('COPY inside a block is rolled back with it', async () => {
    const s = h.session();
    await simple(s, 'DROP TABLE IF EXISTS c3; CREATE TABLE c3 (a int4)');
    await simple(s, 'BEGIN');
    const sink = new FakeSink();
    sink.copyInChunks = [Buffer.from('1\n2\n')];
    expect((await simple(s, 'COPY c3 FROM STDIN', sink)).error).toBeNull();
    expect((await simple(s, 'SELECT count(*) FROM c3')).sink.textRows()).toEqual([['2']]);
    expect((await simple(h.session(), 'SELECT count(*) FROM c3')).sink.textRows()).toEqual([['0']]);
    await simple(s, 'ROLLBACK');
    expect((await simple(s, 'SELECT count(*) FROM c3')).sink.textRows()).toEqual([['0']]);
  });
});
