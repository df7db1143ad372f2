import type { BufferWriter } from '../buffer/buffer-writer';
import type { BackendMessage } from '../messages/backend';
import { encodeBind } from '../messages/frontend/bind';
import { encodeClose } from '../messages/frontend/close';
import { encodeDescribe } from '../messages/frontend/describe';
import { encodeExecute } from '../messages/frontend/execute';
import { encodeFlush } from '../messages/frontend/flush';
import { encodeParse } from '../messages/frontend/parse';
import { encodeQuery } from '../messages/frontend/query';
import { encodeSync } from '../messages/frontend/sync';
import { INT4_FIELD } from '../testing/fake-handler';
import { connectReady, startHarness, type Harness } from '../testing/harness';
import { types, type WireClient } from '../testing/wire-client';
import { expandFormats } from './extended-query';

const parse = (sql: string, name = '', oids: number[] = []) => (w: BufferWriter) => encodeParse(w, { name, sql, paramTypeOids: oids });
const bind = (statement = '', portal = '', params: Array<Buffer | null> = [], paramFormats: number[] = [], resultFormats: number[] = []) => (w: BufferWriter) =>
  encodeBind(w, { portal, statement, params, paramFormats, resultFormats });
const execute = (portal = '', maxRows = 0) => (w: BufferWriter) => encodeExecute(w, { portal, maxRows });
const describeMsg = (target: 'S' | 'P', name = '') => (w: BufferWriter) => encodeDescribe(w, { target, name });
const close = (target: 'S' | 'P', name = '') => (w: BufferWriter) => encodeClose(w, { target, name });
const sync = (w: BufferWriter) => encodeSync(w);
const errorCode = (m: BackendMessage) => (m.type === 'ErrorResponse' ? `E:${m.fields['C']}` : m.type);

describe('extended query protocol', () => {
  let h: Harness;
  let c: WireClient;
  beforeEach(async () => {
    h = await startHarness();
    c = await connectReady(h);
  });
  afterEach(async () => {
    c.close();
    await h.close();
  });

  it('Parse/Bind/Describe/Execute/Sync, pipelined in one write', async () => {
    c.send(parse('rows 2', 's1'), bind('s1', 'p1'), describeMsg('P', 'p1'), execute('p1'), sync);
    const msgs = await c.until('ReadyForQuery');
    expect(types(msgs)).toEqual(['ParseComplete', 'BindComplete', 'RowDescription', 'DataRow', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
    expect(msgs[2]).toEqual({ type: 'RowDescription', fields: [INT4_FIELD] });
  });

  it('Describe S: ParameterDescription then RowDescription or NoData', async () => {
    c.send(parse('rows $1', 'a', [23]), describeMsg('S', 'a'), parse('notice $1 $2', 'b'), describeMsg('S', 'b'), sync);
    const msgs = await c.until('ReadyForQuery');
    expect(msgs).toEqual([
      { type: 'ParseComplete' },
      { type: 'ParameterDescription', typeOids: [23] },
      { type: 'RowDescription', fields: [INT4_FIELD] },
      { type: 'ParseComplete' },
      { type: 'ParameterDescription', typeOids: [25, 25] },
      { type: 'NoData' },
      { type: 'ReadyForQuery', status: 'I' },
    ]);
  });

  it('portal suspend/resume with a row limit', async () => {
    c.send(parse('rows 5'), bind(), execute('', 2), execute('', 2), execute('', 2), sync);
    const msgs = await c.until('ReadyForQuery');
    expect(types(msgs)).toEqual([
      'ParseComplete', 'BindComplete',
      'DataRow', 'DataRow', 'PortalSuspended',
      'DataRow', 'DataRow', 'PortalSuspended',
      'DataRow', 'CommandComplete',
      'ReadyForQuery',
    ]);
    const values = msgs.filter((m) => m.type === 'DataRow').map((m) => (m.type === 'DataRow' ? m.values[0]!.toString() : ''));
    expect(values).toEqual(['1', '2', '3', '4', '5']);
  });

  it('after an error, messages are skipped until Sync; ReadyForQuery only at Sync', async () => {
    c.send(parse('error'), bind(), execute(), parse('rows 1', 'x'), sync, parse('rows 1'), bind(), execute(), sync);
    const msgs = await c.until('ReadyForQuery');
    expect(msgs.map(errorCode)).toEqual(['E:42601', 'ReadyForQuery']);
    expect(types(await c.until('ReadyForQuery'))).toEqual(['ParseComplete', 'BindComplete', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
    // The skipped Parse of "x" never reached the handler.
    expect(h.handlers[0]!.calls.filter((x) => x.startsWith('parse'))).toEqual(['parse:error', 'parse:rows 1']);
  });

  it('named statements: duplicate -> 42P05, missing -> 26000, Close then re-Parse works', async () => {
    c.send(parse('rows 1', 'st'), parse('rows 2', 'st'), sync);
    expect((await c.until('ReadyForQuery')).map(errorCode)).toEqual(['ParseComplete', 'E:42P05', 'ReadyForQuery']);
    c.send(bind('nope'), sync);
    const missing = await c.until('ReadyForQuery');
    expect(missing[0]).toMatchObject({ fields: { C: '26000', M: 'prepared statement "nope" does not exist' } });
    c.send(close('S', 'st'), close('S', 'never-existed'), parse('rows 2', 'st'), sync);
    expect(types(await c.until('ReadyForQuery'))).toEqual(['CloseComplete', 'CloseComplete', 'ParseComplete', 'ReadyForQuery']);
    expect(h.handlers[0]!.calls).toContain('closeStatement:rows 1');
  });

  it('unnamed statement: replaced by the next unnamed Parse; missing -> "unnamed prepared statement does not exist"', async () => {
    c.send(describeMsg('S'), sync);
    expect((await c.until('ReadyForQuery'))[0]).toMatchObject({ fields: { C: '26000', M: 'unnamed prepared statement does not exist' } });
    c.send(parse('rows 1'), parse('rows 2'), bind(), execute(), sync);
    const msgs = await c.until('ReadyForQuery');
    expect(msgs.filter((m) => m.type === 'DataRow')).toHaveLength(2);
    expect(h.handlers[0]!.calls).toContain('closeStatement:rows 1');
  });

  it('portals: missing -> 34000; unnamed portal dies at Sync outside a transaction block', async () => {
    c.send(execute('nope'), sync);
    expect((await c.until('ReadyForQuery'))[0]).toMatchObject({ fields: { C: '34000', M: 'portal "nope" does not exist' } });
    c.send(parse('rows 3'), bind(), execute('', 1), sync);
    await c.until('ReadyForQuery');
    c.send(execute('', 1), sync);
    expect((await c.until('ReadyForQuery')).map(errorCode)).toEqual(['E:34000', 'ReadyForQuery']);
    expect(h.handlers[0]!.calls).toContain('closePortal:rows 3');
  });

  it('portals survive Sync inside a transaction block and die at its end', async () => {
    c.send((w) => encodeQuery(w, { sql: 'begin' }));
    await c.until('ReadyForQuery');
    c.send(parse('rows 3'), bind('', 'cur'), execute('cur', 1), sync);
    expect((await c.until('ReadyForQuery')).pop()).toEqual({ type: 'ReadyForQuery', status: 'T' });
    c.send(execute('cur', 1), sync);
    expect(types(await c.until('ReadyForQuery'))).toEqual(['DataRow', 'PortalSuspended', 'ReadyForQuery']);
    c.send((w) => encodeQuery(w, { sql: 'commit' }));
    await c.until('ReadyForQuery');
    c.send(execute('cur', 1), sync);
    expect((await c.until('ReadyForQuery')).map(errorCode)).toEqual(['E:34000', 'ReadyForQuery']);
  });

  it('named portal: duplicate -> 42P03; Close P releases it', async () => {
    c.send((w) => encodeQuery(w, { sql: 'begin' }));
    await c.until('ReadyForQuery');
    c.send(parse('rows 1', 's'), bind('s', 'p'), bind('s', 'p'), sync);
    expect((await c.until('ReadyForQuery')).map(errorCode)).toEqual(['ParseComplete', 'BindComplete', 'E:42P03', 'ReadyForQuery']);
    c.send(close('P', 'p'), execute('p'), sync);
    expect((await c.until('ReadyForQuery')).map(errorCode)).toEqual(['CloseComplete', 'E:34000', 'ReadyForQuery']);
  });

  it('Bind checks parameter counts and format codes (08P01 / 22023) and expands formats', async () => {
    c.send(parse('echo $1', 'e'), bind('e', '', []), sync);
    const count = await c.until('ReadyForQuery');
    expect(count[1]).toMatchObject({ fields: { C: '08P01', M: 'bind message supplies 0 parameters, but prepared statement "e" requires 1' } });
    c.send(bind('e', '', [Buffer.from('x')], [0, 1]), sync);
    expect((await c.until('ReadyForQuery'))[0]).toMatchObject({ fields: { C: '08P01', M: 'bind message has 2 parameter formats but 1 parameters' } });
    c.send(bind('e', '', [Buffer.from('x')], [7]), sync);
    expect((await c.until('ReadyForQuery'))[0]).toMatchObject({ fields: { C: '22023', M: 'unsupported format code: 7' } });
    c.send(bind('e', '', [Buffer.from('x')], [1], [1]), describeMsg('P'), execute(), sync);
    const ok = await c.until('ReadyForQuery');
    expect(ok[1]).toMatchObject({ type: 'RowDescription', fields: [{ format: 1 }] });
    expect(ok[2]).toEqual({ type: 'DataRow', values: [Buffer.from('x')] });
    expect(h.handlers[0]!.calls).toContain('bind:echo $1:1:1');
  });

  it('NULL parameters and empty statements', async () => {
    c.send(parse('echo $1'), bind('', '', [null]), execute(), parse(''), bind(), describeMsg('P'), execute(), sync);
    const msgs = await c.until('ReadyForQuery');
    expect(msgs.map((m) => (m.type === 'DataRow' ? m.values : m.type))).toEqual([
      'ParseComplete', 'BindComplete', [null], 'CommandComplete',
      'ParseComplete', 'BindComplete', 'NoData', 'EmptyQueryResponse',
      'ReadyForQuery',
    ]);
  });

  it('Flush sends pending output without ReadyForQuery', async () => {
    c.send(parse('rows 1', 'f'), encodeFlush);
    expect(await c.next()).toEqual({ type: 'ParseComplete' });
    c.send(sync);
    expect(await c.next()).toEqual({ type: 'ReadyForQuery', status: 'I' });
  });

  it('a simple Query drops the unnamed statement', async () => {
    c.send(parse('rows 1'), sync);
    await c.until('ReadyForQuery');
    c.send((w) => encodeQuery(w, { sql: 'rows 1' }));
    await c.until('ReadyForQuery');
    c.send(bind(), sync);
    expect((await c.until('ReadyForQuery')).map(errorCode)).toEqual(['E:26000', 'ReadyForQuery']);
  });

  it('Sync errors are reported before ReadyForQuery', async () => {
    h.handlers[0]!.sync = async () => {
      throw new Error('commit failed');
    };
    c.send(sync);
    expect((await c.until('ReadyForQuery')).map(errorCode)).toEqual(['E:XX000', 'ReadyForQuery']);
  });
});

describe('expandFormats (Bind 0/1/N rule)', () => {
  it('expands none to text, one to all, keeps N', () => {
    expect(expandFormats([], 3)).toEqual([0, 0, 0]);
    expect(expandFormats([1], 3)).toEqual([1, 1, 1]);
    expect(expandFormats([0, 1], 2)).toEqual([0, 1]);
    expect(() => expandFormats([2], 1)).toThrow('unsupported format code: 2');
  });
});
