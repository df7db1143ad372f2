// One sample of every frontend message, as encoders, for round-trip and split tests.
import type { BufferWriter } from '../buffer/buffer-writer';
import * as fe from '../messages/frontend';
import { StartupCode } from '../messages/codes';

export interface Sample<T> {
  msg: T;
  encode: (w: BufferWriter) => void;
}

function s<T>(msg: T, encode: (w: BufferWriter) => void): Sample<T> {
  return { msg, encode };
}

/** Startup-phase packets (no type byte). */
export const STARTUP_SAMPLES: Array<Sample<fe.StartupPacket>> = [
  s({ type: 'StartupMessage', protocolVersion: StartupCode.Protocol3, params: { user: 'ü', database: 'd', application_name: '' } }, (w) =>
    fe.encodeStartup(w, { protocolVersion: StartupCode.Protocol3, params: { user: 'ü', database: 'd', application_name: '' } }),
  ),
  s({ type: 'SSLRequest' }, (w) => fe.encodeSSLRequest(w)),
  s({ type: 'GSSENCRequest' }, (w) => fe.encodeGSSENCRequest(w)),
  s({ type: 'CancelRequest', processId: 123, secretKey: -1 }, (w) => fe.encodeCancelRequest(w, { processId: 123, secretKey: -1 })),
];

/** Query-phase messages. */
export const FRONTEND_SAMPLES: Array<Sample<fe.FrontendMessage>> = [
  s({ type: 'Query', sql: "SELECT 'é'; SELECT 2" }, (w) => fe.encodeQuery(w, { sql: "SELECT 'é'; SELECT 2" })),
  s({ type: 'Parse', name: 's1', sql: 'SELECT $1::int, $2', paramTypeOids: [23, 0, 4294967295] }, (w) =>
    fe.encodeParse(w, { name: 's1', sql: 'SELECT $1::int, $2', paramTypeOids: [23, 0, 4294967295] }),
  ),
  s(
    { type: 'Bind', portal: 'p', statement: 's1', paramFormats: [0, 1], params: [Buffer.from('42'), null, Buffer.alloc(0)], resultFormats: [1] },
    (w) => fe.encodeBind(w, { portal: 'p', statement: 's1', paramFormats: [0, 1], params: [Buffer.from('42'), null, Buffer.alloc(0)], resultFormats: [1] }),
  ),
  s({ type: 'Describe', target: 'S', name: 's1' }, (w) => fe.encodeDescribe(w, { target: 'S', name: 's1' })),
  s({ type: 'Describe', target: 'P', name: '' }, (w) => fe.encodeDescribe(w, { target: 'P', name: '' })),
  s({ type: 'Execute', portal: 'p', maxRows: 100 }, (w) => fe.encodeExecute(w, { portal: 'p', maxRows: 100 })),
  s({ type: 'Close', target: 'P', name: 'p' }, (w) => fe.encodeClose(w, { target: 'P', name: 'p' })),
  s({ type: 'Flush' }, (w) => fe.encodeFlush(w)),
  s({ type: 'Sync' }, (w) => fe.encodeSync(w)),
  s({ type: 'CopyData', data: Buffer.from('1\t2\n') }, (w) => fe.encodeCopyData(w, { data: Buffer.from('1\t2\n') })),
  s({ type: 'CopyDone' }, (w) => fe.encodeCopyDone(w)),
  s({ type: 'CopyFail', message: 'nope' }, (w) => fe.encodeCopyFail(w, { message: 'nope' })),
  s(
    { type: 'FunctionCall', functionOid: 1598, argFormats: [1], args: [Buffer.from([1, 2]), null], resultFormat: 1 },
    (w) => fe.encodeFunctionCall(w, { functionOid: 1598, argFormats: [1], args: [Buffer.from([1, 2]), null], resultFormat: 1 }),
  ),
  s({ type: 'Terminate' }, (w) => fe.encodeTerminate(w)),
];
