import { encodeQuery } from '../messages/frontend/query';
import { encodeTerminate } from '../messages/frontend/terminate';
import { connectReady, startHarness, startupBytes, waitFor, type Harness } from '../testing/harness';
import { WireClient, types } from '../testing/wire-client';

describe('startup (trust) and the simple query protocol', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('startup: AuthenticationOk, ParameterStatus per server parameter, BackendKeyData, ReadyForQuery(I)', async () => {
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'alice', database: 'db', application_name: 'x' }));
    const msgs = await c.until('ReadyForQuery');
    expect(msgs).toEqual([
      { type: 'AuthenticationOk' },
      { type: 'ParameterStatus', name: 'server_version', value: '16.0' },
      { type: 'ParameterStatus', name: 'client_encoding', value: 'UTF8' },
      { type: 'BackendKeyData', processId: 4242, secretKey: 777 },
      { type: 'ReadyForQuery', status: 'I' },
    ]);
    c.close();
  });

  it('passes StartupInfo to createHandler', async () => {
    let seen: unknown;
    await h.close();
    h = await startHarness({
      overrides: {
        createHandler: async (info) => {
          seen = info;
          const { FakeHandler } = await import('../testing/fake-handler');
          return new FakeHandler();
        },
      },
    });
    const c = await WireClient.connect(h.port);
    c.sendRaw(startupBytes({ user: 'bob', application_name: 'app' }));
    await c.until('ReadyForQuery');
    expect(seen).toEqual({
      user: 'bob',
      database: 'bob',
      params: { user: 'bob', application_name: 'app' },
      processId: 4242,
      secretKey: 777,
      remoteAddress: expect.stringMatching(/127\.0\.0\.1/),
      tls: false,
    });
    c.close();
  });

  it('Query: RowDescription, DataRows, CommandComplete, ReadyForQuery', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: 'rows 3' }));
    const msgs = await c.until('ReadyForQuery');
    expect(types(msgs)).toEqual(['RowDescription', 'DataRow', 'DataRow', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
    expect(msgs[3]).toEqual({ type: 'DataRow', values: [Buffer.from('3')] });
    expect(msgs[4]).toEqual({ type: 'CommandComplete', tag: 'SELECT 3' });
    c.close();
  });

  it('empty query string -> EmptyQueryResponse without calling the handler', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: '  \n ' }));
    expect(types(await c.until('ReadyForQuery'))).toEqual(['EmptyQueryResponse', 'ReadyForQuery']);
    expect(h.handlers[0]!.calls.filter((x) => x.startsWith('query'))).toEqual([]);
    c.close();
  });

  it('errors: ErrorResponse with fields, then ReadyForQuery; the connection stays usable', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: 'error' }));
    const msgs = await c.until('ReadyForQuery');
    expect(msgs[0]).toEqual({
      type: 'ErrorResponse',
      fields: { S: 'ERROR', V: 'ERROR', C: '42601', M: 'syntax error at or near "error"', P: '1' },
    });
    expect(msgs[1]).toEqual({ type: 'ReadyForQuery', status: 'I' });
    c.send((w) => encodeQuery(w, { sql: 'rows 1' }));
    expect(types(await c.until('ReadyForQuery'))).toContain('DataRow');
    c.close();
  });

  it('non-SqlError from the handler: XX000 "internal error" without stack, stack logged', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: 'boom' }));
    const msgs = await c.until('ReadyForQuery');
    expect(msgs[0]).toEqual({ type: 'ErrorResponse', fields: { S: 'ERROR', V: 'ERROR', C: 'XX000', M: 'internal error' } });
    const logged = h.logs.find((l) => l.level === 'error');
    expect((logged?.obj as { err: Error }).err.message).toBe('boom');
    expect((logged?.obj as { err: Error }).err.stack).toContain('fake-handler');
    c.close();
  });

  it('FATAL from the handler: ErrorResponse then the connection closes, handler closed', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: 'fatal' }));
    const msgs = await c.closedAfter();
    expect(msgs).toEqual([{ type: 'ErrorResponse', fields: expect.objectContaining({ S: 'FATAL', C: '57P01' }) }]);
    await h.connections[0]!.closed;
    expect(h.handlers[0]!.calls).toContain('close');
  });

  it('transaction status follows the handler; notices and ParameterStatus pass through', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: 'begin; notice; set TimeZone UTC' }));
    const msgs = await c.until('ReadyForQuery');
    expect(msgs).toEqual([
      { type: 'CommandComplete', tag: 'BEGIN' },
      { type: 'NoticeResponse', fields: { S: 'NOTICE', V: 'NOTICE', C: '00000', M: 'hello' } },
      { type: 'CommandComplete', tag: 'DO' },
      { type: 'ParameterStatus', name: 'TimeZone', value: 'UTC' },
      { type: 'CommandComplete', tag: 'SET' },
      { type: 'ReadyForQuery', status: 'T' },
    ]);
    c.send((w) => encodeQuery(w, { sql: 'fail' }));
    expect((await c.until('ReadyForQuery')).pop()).toEqual({ type: 'ReadyForQuery', status: 'E' });
    c.send((w) => encodeQuery(w, { sql: 'rows 1' }));
    const aborted = await c.until('ReadyForQuery');
    expect(aborted[0]).toMatchObject({ type: 'ErrorResponse', fields: { C: '25P02' } });
    c.send((w) => encodeQuery(w, { sql: 'rollback' }));
    expect((await c.until('ReadyForQuery')).pop()).toEqual({ type: 'ReadyForQuery', status: 'I' });
    c.close();
  });

  it('Terminate closes the connection and the handler', async () => {
    const c = await connectReady(h);
    c.send(encodeTerminate);
    expect(await c.closedAfter()).toEqual([]);
    await h.connections[0]!.closed;
    expect(h.handlers[0]!.calls.at(-1)).toBe('close');
  });

  it('client hang-up mid-statement: cancel() then close()', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: 'sleep' }));
    await waitFor(() => h.handlers[0]!.calls.includes('query:sleep'));
    c.close();
    await h.connections[0]!.closed;
    const calls = h.handlers[0]!.calls;
    expect(calls.slice(calls.indexOf('query:sleep') + 1)).toEqual(['cancel', 'close']);
  });

  it('terminate(): FATAL 57P01 to the client, connection closed, handler closed', async () => {
    const c = await connectReady(h);
    const done = h.connections[0]!.terminate();
    const msgs = await c.closedAfter();
    expect(msgs).toEqual([
      {
        type: 'ErrorResponse',
        fields: { S: 'FATAL', V: 'FATAL', C: '57P01', M: 'terminating connection due to administrator command' },
      },
    ]);
    await done;
    expect(h.handlers[0]!.calls).toContain('close');
  });

  it('terminate() during a running statement cancels it first', async () => {
    const c = await connectReady(h);
    c.send((w) => encodeQuery(w, { sql: 'sleep' }));
    await waitFor(() => h.handlers[0]!.calls.includes('query:sleep'));
    await h.connections[0]!.terminate();
    const msgs = await c.closedAfter();
    expect(msgs.map((m) => (m.type === 'ErrorResponse' ? m.fields['C'] : m.type))).toEqual(['57P01']);
    expect(h.handlers[0]!.calls.slice(-2)).toEqual(['cancel', 'close']);
  });
});
