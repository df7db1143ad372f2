import { createHarness, extended, simple, type Harness } from '../testing/session-harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('SHOW / SET / RESET', () => {
  it('SHOW names the column with the canonical spelling', async () => {
    const { sink } = await simple(h.session(), 'SHOW datestyle; SHOW TIME ZONE; SHOW server_version; SHOW standard_conforming_strings');
    expect(sink.fields().map((f) => [f[0]!.name, f[0]!.typeOid])).toEqual([['DateStyle', 25], ['TimeZone', 25], ['server_version', 25], ['standard_conforming_strings', 25]]);
    expect(sink.textRows()).toEqual([['ISO, MDY'], ['UTC'], ['16.0 (vecgres 0.1.0)'], ['on']]);
    expect(sink.tags()).toEqual(['SHOW', 'SHOW', 'SHOW', 'SHOW']);
  });

  it('SHOW ALL lists every parameter sorted by name', async () => {
    const { sink } = await simple(h.session(), 'SHOW ALL');
    expect(sink.fields()[0]!.map((f) => f.name)).toEqual(['name', 'setting', 'description']);
    const names = sink.textRows().map((r) => r[0]!);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    for (const n of ['application_name', 'client_encoding', 'DateStyle', 'extra_float_digits', 'IntervalStyle', 'integer_datetimes', 'max_connections', 'search_path', 'server_encoding', 'server_version', 'standard_conforming_strings', 'statement_timeout', 'TimeZone']) {
      expect(names).toContain(n);
    }
  });

  it('SET sends ParameterStatus for reported parameters only', async () => {
    const s = h.session();
    const r = await simple(s, "SET application_name = 'app1'; SET search_path TO a, b; SET TIME ZONE 'Europe/Paris'");
    expect(r.sink.tags()).toEqual(['SET', 'SET', 'SET']);
    expect(r.sink.parameterStatuses()).toEqual([['application_name', 'app1'], ['TimeZone', 'Europe/Paris']]);
    const show = await simple(s, "SHOW search_path; SELECT current_setting('application_name')");
    expect(show.sink.textRows()).toEqual([['a, b'], ['app1']]);
    const reset = await simple(s, 'RESET application_name');
    expect(reset.sink.tags()).toEqual(['RESET']);
    expect(reset.sink.parameterStatuses()).toEqual([['application_name', '']]);
  });

  it('normalises values like PostgreSQL', async () => {
    const s = h.session();
    await simple(s, "SET statement_timeout = 1000; SET DateStyle = 'german'; SET client_encoding = 'utf8'; SET extra_float_digits TO 0");
    expect((await simple(s, 'SHOW statement_timeout; SHOW DateStyle; SHOW client_encoding; SHOW extra_float_digits')).sink.textRows()).toEqual([
      ['1s'], ['German, DMY'], ['UTF8'], ['0'],
    ]);
    await simple(s, "SET statement_timeout = '1500ms'");
    expect((await simple(s, 'SHOW statement_timeout')).sink.textRows()).toEqual([['1500ms']]);
  });

  it('extra_float_digits changes float output', async () => {
    const s = h.session();
    expect((await simple(s, 'SELECT 0.1::float8 AS f')).sink.textRows()).toEqual([['0.1']]);
    await simple(s, 'SET extra_float_digits = -3');
    expect((await simple(s, "SELECT '3.14159265358979'::float8 AS f")).sink.textRows()).toEqual([['3.14159265359']]);
  });

  it('rejects unknown and read-only parameters and bad values', async () => {
    const s = h.session();
    expect((await simple(s, 'SHOW nope')).error).toMatchObject({ sqlstate: '42704', message: 'unrecognized configuration parameter "nope"' });
    expect((await simple(s, 'SET nope = 1')).error).toMatchObject({ sqlstate: '42704', message: 'unrecognized configuration parameter "nope"' });
    expect((await simple(s, "SET server_version = '1'")).error).toMatchObject({ sqlstate: '55P02', message: 'parameter "server_version" cannot be changed' });
    expect((await simple(s, 'SHOW max_wal_size')).sink.textRows()).toEqual([['1GB']]);
    expect((await simple(s, "SET max_wal_size = '2GB'")).error).toMatchObject({ sqlstate: '55P02' });
    expect((await simple(s, 'SET max_connections = 5')).error).toMatchObject({
      sqlstate: '55P02',
      message: 'parameter "max_connections" cannot be changed without restarting the server',
    });
    expect((await simple(s, "SET statement_timeout = 'soon'")).error).toMatchObject({
      sqlstate: '22023',
      message: 'invalid value for parameter "statement_timeout": "soon"',
    });
    expect((await simple(s, 'SET extra_float_digits = 9')).error).toMatchObject({
      sqlstate: '22023',
      message: '9 is outside the valid range for parameter "extra_float_digits" (-15 .. 3)',
    });
    expect((await simple(s, "SET IntervalStyle = 'x'")).error).toMatchObject({ sqlstate: '22023' });
    expect((await simple(s, "SET TimeZone = 'Mars/Base'")).error).toMatchObject({ sqlstate: '22023' });
  });

  it('accepts custom dotted parameters', async () => {
    const s = h.session();
    await simple(s, "SET myapp.flag = 'on'");
    expect((await simple(s, 'SHOW myapp.flag')).sink.textRows()).toEqual([['on']]);
  });

  it('SET is undone by ROLLBACK; SET LOCAL lasts to the end of the block', async () => {
    const s = h.session();
    await simple(s, "BEGIN; SET application_name = 'inside'");
    const rb = await simple(s, 'ROLLBACK');
    expect(rb.sink.parameterStatuses()).toEqual([['application_name', '']]);
    await simple(s, "BEGIN; SET LOCAL search_path = x; SET search_path = y");
    expect((await simple(s, 'SHOW search_path')).sink.textRows()).toEqual([['y']]);
    await simple(s, 'COMMIT');
    expect((await simple(s, 'SHOW search_path')).sink.textRows()).toEqual([['y']]);
    await simple(s, 'BEGIN; SET LOCAL search_path = z; COMMIT');
    expect((await simple(s, 'SHOW search_path')).sink.textRows()).toEqual([['y']]);
  });

  it('SET LOCAL outside a block warns and has no lasting effect', async () => {
    const s = h.session();
    const r = await simple(s, 'SET LOCAL search_path = q');
    expect(r.sink.notices()).toEqual([{ severity: 'WARNING', sqlstate: '25P01', message: 'SET LOCAL can only be used in transaction blocks' }]);
    expect((await simple(s, 'SHOW search_path')).sink.textRows()).toEqual([['"$user", public']]);
  });

  it('takes startup parameters (options -c too) and reports them', async () => {
    const s = h.session({ application_name: 'psql', client_encoding: 'UTF8', options: '-c statement_timeout=5s --search_path=abc', lock_timeout: '10s' });
    expect(s.serverParameters()).toMatchObject({
      application_name: 'psql', server_version: '16.0 (vecgres 0.1.0)', server_encoding: 'UTF8', client_encoding: 'UTF8',
      DateStyle: 'ISO, MDY', IntervalStyle: 'postgres', TimeZone: 'UTC', integer_datetimes: 'on', standard_conforming_strings: 'on',
      session_authorization: 'tester', is_superuser: 'on',
    });
    expect((await simple(s, 'SHOW statement_timeout; SHOW search_path; SHOW lock_timeout')).sink.textRows()).toEqual([['5s'], ['abc'], ['10s']]);
    expect(() => h.session({ client_encoding: 'LATIN1' })).toThrow(expect.objectContaining({ severity: 'FATAL', sqlstate: '0A000' }));
  });

  it('idle_session_timeout / idle_in_transaction_session_timeout: SET, SHOW, RESET and idleTimeouts()', async () => {
    const s = h.session();
    expect((await simple(s, 'SHOW idle_session_timeout; SHOW idle_in_transaction_session_timeout')).sink.textRows()).toEqual([['0'], ['0']]);
    expect(s.idleTimeouts()).toEqual({ idleSessionMs: 0, idleInTransactionMs: 0 });
    await simple(s, "SET idle_session_timeout = '5s'; SET idle_in_transaction_session_timeout TO 300");
    expect((await simple(s, 'SHOW idle_session_timeout; SHOW idle_in_transaction_session_timeout')).sink.textRows()).toEqual([['5s'], ['300ms']]);
    expect(s.idleTimeouts()).toEqual({ idleSessionMs: 5000, idleInTransactionMs: 300 });
    await simple(s, "SET idle_session_timeout = '2min'");
    expect((await simple(s, "SELECT current_setting('idle_session_timeout')")).sink.textRows()).toEqual([['2min']]);
    await simple(s, 'RESET idle_session_timeout');
    expect(s.idleTimeouts()).toEqual({ idleSessionMs: 0, idleInTransactionMs: 300 });
    // Undone with the transaction like any SET.
    await simple(s, 'BEGIN; SET idle_in_transaction_session_timeout = 1000; ROLLBACK');
    expect(s.idleTimeouts().idleInTransactionMs).toBe(300);
    const names = (await simple(s, 'SHOW ALL')).sink.textRows().map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['idle_in_transaction_session_timeout', 'idle_session_timeout']));
  });

  it('idle timeouts are validated like statement_timeout', async () => {
    const s = h.session();
    expect((await simple(s, "SET idle_session_timeout = 'later'")).error).toMatchObject({
      sqlstate: '22023',
      message: 'invalid value for parameter "idle_session_timeout": "later"',
    });
    expect((await simple(s, 'SET idle_in_transaction_session_timeout = -1')).error).toMatchObject({
      sqlstate: '22023',
      message: '-1 ms is outside the valid range for parameter "idle_in_transaction_session_timeout" (0 ms .. 2147483647 ms)',
    });
    expect((await simple(s, "SET idle_session_timeout = '30d'")).error).toMatchObject({ sqlstate: '22023' });
    expect(s.idleTimeouts()).toEqual({ idleSessionMs: 0, idleInTransactionMs: 0 });
  });

  it('idle timeouts from startup options; a bad one is FATAL', async () => {
    const s = h.session({ options: '-c idle_session_timeout=10s -c idle_in_transaction_session_timeout=250' });
    expect(s.idleTimeouts()).toEqual({ idleSessionMs: 10000, idleInTransactionMs: 250 });
    expect((await simple(s, 'SHOW idle_session_timeout')).sink.textRows()).toEqual([['10s']]);
    expect(h.session({ idle_session_timeout: '1min' }).idleTimeouts().idleSessionMs).toBe(60000);
    expect(() => h.session({ options: '-c idle_session_timeout=soon' })).toThrow(
      expect.objectContaining({ severity: 'FATAL', sqlstate: '22023', message: 'invalid value for parameter "idle_session_timeout": "soon"' }),
    );
  });

  it('SET works through the extended protocol', async () => {
    const s = h.session();
    const r = await extended(s, "SET application_name = 'ext'");
    expect(r.sink.tags()).toEqual(['SET']);
    expect(r.sink.parameterStatuses()).toEqual([['application_name', 'ext']]);
  });
});

describe('settings through functions and DateStyle', () => {
  it('set_config is SET (or SET LOCAL) from a query', async () => {
    const s = h.session();
    const r = await simple(s, "SELECT set_config('application_name', 'via_fn', false)");
    expect(r.sink.textRows()).toEqual([['via_fn']]);
    expect(r.sink.parameterStatuses()).toEqual([['application_name', 'via_fn']]);
    await simple(s, "BEGIN; SELECT set_config('search_path', 'x', true)");
    expect((await simple(s, 'SHOW search_path')).sink.textRows()).toEqual([['x']]);
    await simple(s, 'COMMIT');
    expect((await simple(s, 'SHOW search_path')).sink.textRows()).toEqual([['"$user", public']]);
  });

  it('DateStyle keeps the field order it had; German implies DMY', async () => {
    const s = h.session();
    await simple(s, "SET DateStyle = 'German'");
    await simple(s, 'SET DateStyle = ISO');
    expect((await simple(s, 'SHOW DateStyle')).sink.textRows()).toEqual([['ISO, DMY']]);
    await simple(s, "SET DateStyle = 'SQL, YMD'");
    expect((await simple(s, 'SHOW DateStyle')).sink.textRows()).toEqual([['SQL, YMD']]);
  });
});
