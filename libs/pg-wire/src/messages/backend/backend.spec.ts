import { SqlError, SQLSTATE } from '@vecgres/errors';
// Parser is not re-exported from the package index.
import { Parser } from 'pg-protocol/dist/parser';
import { BufferWriter } from '../../buffer/buffer-writer';
import type { FieldDescription } from '../../query-handler';
import { decodeAll } from '../../testing/backend-stream';
import * as be from './index';

const FIELD: FieldDescription = { name: 'id', tableOid: 16384, columnAttr: 1, typeOid: 23, typeSize: 4, typeModifier: -1, format: 1 };
const ERROR = new SqlError(SQLSTATE.UNDEFINED_COLUMN, 'column "x" does not exist', {
  detail: 'd',
  hint: 'h',
  position: 8,
  internalPosition: 2,
  internalQuery: 'iq',
  where: 'w',
  schema: 'public',
  table: 't',
  column: 'x',
  dataType: 'int4',
  constraint: 'c',
});

/** One of every backend message, with its encoder. */
const SAMPLES: Array<[be.BackendMessage, (w: BufferWriter) => void]> = [
  [{ type: 'AuthenticationOk' }, (w) => be.encodeAuthentication(w, { type: 'AuthenticationOk' })],
  [{ type: 'AuthenticationCleartextPassword' }, (w) => be.encodeAuthentication(w, { type: 'AuthenticationCleartextPassword' })],
  [
    { type: 'AuthenticationMD5Password', salt: Buffer.from([1, 2, 3, 4]) },
    (w) => be.encodeAuthentication(w, { type: 'AuthenticationMD5Password', salt: Buffer.from([1, 2, 3, 4]) }),
  ],
  [{ type: 'AuthenticationSASL', mechanisms: ['SCRAM-SHA-256'] }, (w) => be.encodeAuthentication(w, { type: 'AuthenticationSASL', mechanisms: ['SCRAM-SHA-256'] })],
  [
    { type: 'AuthenticationSASLContinue', data: Buffer.from('r=a,s=b,i=4096') },
    (w) => be.encodeAuthentication(w, { type: 'AuthenticationSASLContinue', data: Buffer.from('r=a,s=b,i=4096') }),
  ],
  [{ type: 'AuthenticationSASLFinal', data: Buffer.from('v=xyz') }, (w) => be.encodeAuthentication(w, { type: 'AuthenticationSASLFinal', data: Buffer.from('v=xyz') })],
  [{ type: 'BackendKeyData', processId: 7, secretKey: -9 }, (w) => be.encodeBackendKeyData(w, { processId: 7, secretKey: -9 })],
  [{ type: 'BindComplete' }, be.encodeBindComplete],
  [{ type: 'CloseComplete' }, be.encodeCloseComplete],
  [{ type: 'CommandComplete', tag: 'INSERT 0 5' }, (w) => be.encodeCommandComplete(w, { tag: 'INSERT 0 5' })],
  [{ type: 'CopyInResponse', format: 0, columnFormats: [0, 0] }, (w) => be.encodeCopyInResponse(w, { format: 0, columnFormats: [0, 0] })],
  [{ type: 'CopyOutResponse', format: 1, columnFormats: [1] }, (w) => be.encodeCopyOutResponse(w, { format: 1, columnFormats: [1] })],
  [{ type: 'CopyData', data: Buffer.from('1\t2\n') }, (w) => be.encodeCopyData(w, { data: Buffer.from('1\t2\n') })],
  [{ type: 'CopyDone' }, be.encodeCopyDone],
  [{ type: 'DataRow', values: [Buffer.from('1'), null, Buffer.alloc(0)] }, (w) => be.encodeDataRow(w, { values: [Buffer.from('1'), null, Buffer.alloc(0)] })],
  [{ type: 'EmptyQueryResponse' }, be.encodeEmptyQueryResponse],
  [{ type: 'ErrorResponse', fields: be.sqlErrorToFields(ERROR) }, (w) => be.encodeErrorResponse(w, { fields: be.sqlErrorToFields(ERROR) })],
  [
    { type: 'NegotiateProtocolVersion', newestMinor: 0, unrecognizedOptions: ['_pq_.x'] },
    (w) => be.encodeNegotiateProtocolVersion(w, { newestMinor: 0, unrecognizedOptions: ['_pq_.x'] }),
  ],
  [{ type: 'NoData' }, be.encodeNoData],
  [
    { type: 'NoticeResponse', fields: { S: 'NOTICE', V: 'NOTICE', C: '00000', M: 'm' } },
    (w) => be.encodeNoticeResponse(w, { fields: be.noticeToFields({ severity: 'NOTICE', sqlstate: '00000', message: 'm' }) }),
  ],
  [{ type: 'ParameterDescription', typeOids: [23, 4294967295] }, (w) => be.encodeParameterDescription(w, { typeOids: [23, 4294967295] })],
  [{ type: 'ParameterStatus', name: 'TimeZone', value: 'UTC' }, (w) => be.encodeParameterStatus(w, { name: 'TimeZone', value: 'UTC' })],
  [{ type: 'ParseComplete' }, be.encodeParseComplete],
  [{ type: 'PortalSuspended' }, be.encodePortalSuspended],
  [{ type: 'ReadyForQuery', status: 'E' }, (w) => be.encodeReadyForQuery(w, { status: 'E' })],
  [{ type: 'RowDescription', fields: [FIELD, { ...FIELD, name: 'é', format: 0 }] }, (w) => be.encodeRowDescription(w, { fields: [FIELD, { ...FIELD, name: 'é', format: 0 }] })],
];

function bytesOf(encode: (w: BufferWriter) => void): Buffer {
  const w = new BufferWriter(8);
  encode(w);
  return w.flush();
}

/** Parses bytes with node-postgres's client-side parser. */
function pgParse(bytes: Buffer): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  new Parser().parse(bytes, (msg) => out.push(msg as unknown as Record<string, unknown>));
  return out;
}

describe('backend codecs round-trip', () => {
  it.each(SAMPLES.map(([msg, enc]) => [msg.type, msg, enc] as const))('%s: encode -> decode -> encode', (_t, msg, enc) => {
    const bytes = bytesOf(enc);
    expect(bytes.readInt32BE(1)).toBe(bytes.length - 1);
    const decoded = decodeAll(bytes);
    expect(decoded).toEqual([msg]);
    expect(bytesOf(enc)).toEqual(bytes);
  });

  it('SqlError <-> ErrorResponse fields keeps every field', () => {
    const fields = be.sqlErrorToFields(ERROR);
    expect(fields).toEqual({
      S: 'ERROR', V: 'ERROR', C: '42703', M: 'column "x" does not exist', D: 'd', H: 'h', P: '8', p: '2', q: 'iq',
      W: 'w', s: 'public', t: 't', c: 'x', d: 'int4', n: 'c',
    });
    const back = be.fieldsToSqlError(fields);
    expect(back.options()).toEqual(ERROR.options());
    expect(back.sqlstate).toBe('42703');
  });
});

describe("backend encoders against node-postgres's parser", () => {
  it('parses a whole stream of our messages as the same messages', () => {
    const stream = Buffer.concat(SAMPLES.filter(([m]) => m.type !== 'NegotiateProtocolVersion').map(([, enc]) => bytesOf(enc)));
    const parsed = pgParse(stream).map((m) => m['name']);
    expect(parsed).toEqual([
      'authenticationOk', 'authenticationCleartextPassword', 'authenticationMD5Password', 'authenticationSASL',
      'authenticationSASLContinue', 'authenticationSASLFinal', 'backendKeyData', 'bindComplete', 'closeComplete',
      'commandComplete', 'copyInResponse', 'copyOutResponse', 'copyData', 'copyDone', 'dataRow', 'emptyQuery',
      'error', 'noData', 'notice', 'parameterDescription', 'parameterStatus', 'parseComplete', 'portalSuspended',
      'readyForQuery', 'rowDescription',
    ]);
  });

  it('field values match', () => {
    const one = (enc: (w: BufferWriter) => void) => pgParse(bytesOf(enc))[0]!;
    expect(one((w) => be.encodeAuthentication(w, { type: 'AuthenticationMD5Password', salt: Buffer.from([9, 8, 7, 6]) }))).toMatchObject({
      salt: Buffer.from([9, 8, 7, 6]),
    });
    expect(one((w) => be.encodeAuthentication(w, { type: 'AuthenticationSASL', mechanisms: ['SCRAM-SHA-256'] }))).toMatchObject({
      mechanisms: ['SCRAM-SHA-256'],
    });
    expect(one((w) => be.encodeAuthentication(w, { type: 'AuthenticationSASLContinue', data: Buffer.from('r=x') }))).toMatchObject({ data: 'r=x' });
    expect(one((w) => be.encodeBackendKeyData(w, { processId: 7, secretKey: 9 }))).toMatchObject({ processID: 7, secretKey: 9 });
    expect(one((w) => be.encodeCommandComplete(w, { tag: 'SELECT 2' }))).toMatchObject({ text: 'SELECT 2' });
    expect(one((w) => be.encodeCopyInResponse(w, { format: 1, columnFormats: [1, 1] }))).toMatchObject({ binary: true, columnTypes: [1, 1] });
    expect(one((w) => be.encodeCopyData(w, { data: Buffer.from('abc') }))).toMatchObject({ chunk: Buffer.from('abc') });
    expect(one((w) => be.encodeDataRow(w, { values: [Buffer.from('1'), null] }))).toMatchObject({ fields: ['1', null] });
    expect(one((w) => be.encodeParameterDescription(w, { typeOids: [23, 25] }))).toMatchObject({ parameterCount: 2, dataTypeIDs: [23, 25] });
    expect(one((w) => be.encodeParameterStatus(w, { name: 'a', value: 'b' }))).toMatchObject({ parameterName: 'a', parameterValue: 'b' });
    expect(one((w) => be.encodeReadyForQuery(w, { status: 'T' }))).toMatchObject({ status: 'T' });
    expect(one((w) => be.encodeRowDescription(w, { fields: [FIELD] }))).toMatchObject({
      fieldCount: 1,
      fields: [{ name: 'id', tableID: 16384, columnID: 1, dataTypeID: 23, dataTypeSize: 4, dataTypeModifier: -1, format: 'binary' }],
    });
    expect(one((w) => be.encodeErrorResponse(w, { fields: be.sqlErrorToFields(ERROR) }))).toMatchObject({
      name: 'error',
      severity: 'ERROR',
      code: '42703',
      message: 'column "x" does not exist',
      detail: 'd',
      hint: 'h',
      position: '8',
      internalPosition: '2',
      internalQuery: 'iq',
      where: 'w',
      schema: 'public',
      table: 't',
      column: 'x',
      dataType: 'int4',
      constraint: 'c',
    });
    expect(one((w) => be.encodeNoticeResponse(w, { fields: be.noticeToFields({ severity: 'WARNING', sqlstate: '01000', message: 'careful', hint: 'h' }) }))).toMatchObject({
      name: 'notice',
      severity: 'WARNING',
      code: '01000',
      message: 'careful',
      hint: 'h',
    });
  });
});
