import type { BufferWriter } from '../buffer/buffer-writer';
import { encodeBind } from '../messages/frontend/bind';
import { encodeCopyData } from '../messages/frontend/copy-data';
import { encodeCopyDone } from '../messages/frontend/copy-done';
import { encodeCopyFail } from '../messages/frontend/copy-fail';
import { encodeExecute } from '../messages/frontend/execute';
import { encodeFlush } from '../messages/frontend/flush';
import { encodeParse } from '../messages/frontend/parse';
import { encodeQuery } from '../messages/frontend/query';
import { encodeSync } from '../messages/frontend/sync';
import { connectReady, startHarness, type Harness } from '../testing/harness';
import { types, type WireClient } from '../testing/wire-client';

const query = (sql: string) => (w: BufferWriter) => encodeQuery(w, { sql });
const data = (s: string) => (w: BufferWriter) => encodeCopyData(w, { data: Buffer.from(s) });

describe('COPY', () => {
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

  it('COPY FROM STDIN: CopyInResponse, CopyData chunks (any split) until CopyDone; Flush/Sync ignored', async () => {
    c.send(query('copy in'));
    expect(await c.next()).toEqual({ type: 'CopyInResponse', format: 0, columnFormats: [0] });
    c.send(data('1\n2'), encodeFlush, encodeSync, data('\n3\n'), encodeCopyDone);
    const msgs = await c.until('ReadyForQuery');
    expect(msgs).toEqual([
      { type: 'CommandComplete', tag: 'COPY 3' },
      { type: 'ReadyForQuery', status: 'I' },
    ]);
    expect(Buffer.concat(h.handlers[0]!.copied).toString()).toBe('1\n2\n3\n');
  });

  it('CopyFail -> 57014 "COPY from stdin failed: <msg>", later CopyData is dropped', async () => {
    c.send(query('copy in'));
    await c.next();
    c.send(data('1\n'), (w) => encodeCopyFail(w, { message: 'client gave up' }), data('ignored\n'), encodeCopyDone);
    const msgs = await c.until('ReadyForQuery');
    expect(msgs[0]).toMatchObject({ type: 'ErrorResponse', fields: { C: '57014', M: 'COPY from stdin failed: client gave up' } });
    c.send(query('rows 1'));
    expect(types(await c.until('ReadyForQuery'))).toEqual(['RowDescription', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
  });

  it('an unexpected message during COPY FROM STDIN -> 08P01, the connection survives', async () => {
    c.send(query('copy in'));
    await c.next();
    c.send(query('rows 1'));
    const msgs = await c.until('ReadyForQuery');
    expect(msgs[0]).toMatchObject({ fields: { C: '08P01', M: 'unexpected message type 0x51 during COPY from stdin' } });
  });

  it('COPY FROM STDIN in the extended protocol ends at the Sync after CopyDone', async () => {
    c.send(
      (w) => encodeParse(w, { name: '', sql: 'copy in', paramTypeOids: [] }),
      (w) => encodeBind(w, { portal: '', statement: '', params: [], paramFormats: [], resultFormats: [] }),
      (w) => encodeExecute(w, { portal: '', maxRows: 0 }),
      encodeSync,
    );
    expect(types(await c.until('CopyInResponse'))).toEqual(['ParseComplete', 'BindComplete', 'CopyInResponse']);
    c.send(data('a\nb\n'), encodeCopyDone, encodeSync);
    expect(await c.until('ReadyForQuery')).toEqual([
      { type: 'CommandComplete', tag: 'COPY 2' },
      { type: 'ReadyForQuery', status: 'I' },
    ]);
  });

  it('COPY TO STDOUT: CopyOutResponse, CopyData, CopyDone, CommandComplete', async () => {
    c.send(query('copy out 3'));
    const msgs = await c.until('ReadyForQuery');
    expect(msgs).toEqual([
      { type: 'CopyOutResponse', format: 0, columnFormats: [0] },
      { type: 'CopyData', data: Buffer.from('1\n') },
      { type: 'CopyData', data: Buffer.from('2\n') },
      { type: 'CopyData', data: Buffer.from('3\n') },
      { type: 'CopyDone' },
      { type: 'CommandComplete', tag: 'COPY 3' },
      { type: 'ReadyForQuery', status: 'I' },
    ]);
  });

  it('client hang-up during COPY FROM STDIN closes cleanly (cancel, close)', async () => {
    c.send(query('copy in'));
    await c.next();
    c.send(data('1\n'));
    c.close();
    await h.connections[0]!.closed;
    expect(h.handlers[0]!.calls.slice(-2)).toEqual(['cancel', 'close']);
  });
});
