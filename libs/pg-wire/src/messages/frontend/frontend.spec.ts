import { serialize } from 'pg-protocol';
import { BufferReader } from '../../buffer/buffer-reader';
import { BufferWriter } from '../../buffer/buffer-writer';
import { FRONTEND_SAMPLES, STARTUP_SAMPLES } from '../../testing/frontend-samples';
import { FrontendCode, StartupCode } from '../codes';
import {
  decodeFrontendMessage,
  decodePassword,
  decodeSASLInitialResponse,
  decodeSASLResponse,
  decodeStartupPacket,
  encodePassword,
  encodeSASLInitialResponse,
  encodeSASLResponse,
  type FrontendMessage,
  type StartupPacket,
} from './index';

function bytesOf(encode: (w: BufferWriter) => void): Buffer {
  const w = new BufferWriter(8);
  encode(w);
  return w.flush();
}

/** Splits one typed message into code and body, checking the length word. */
function typed(bytes: Buffer): { code: number; body: Buffer } {
  expect(bytes.readInt32BE(1)).toBe(bytes.length - 1);
  return { code: bytes[0]!, body: bytes.subarray(5) };
}

function decodeTyped(bytes: Buffer): FrontendMessage {
  const { code, body } = typed(bytes);
  const msg = decodeFrontendMessage(code, body);
  if (!msg) throw new Error(`no decoder for ${code}`);
  return msg;
}

function decodeStartupBytes(bytes: Buffer): StartupPacket {
  expect(bytes.readInt32BE(0)).toBe(bytes.length);
  return decodeStartupPacket(bytes.subarray(4));
}

describe('frontend codecs round-trip', () => {
  it.each(FRONTEND_SAMPLES.map((s) => [s.msg.type, s] as const))('%s: encode -> decode -> encode', (_type, sample) => {
    const bytes = bytesOf(sample.encode);
    const decoded = decodeTyped(bytes);
    expect(decoded).toEqual(sample.msg);
    expect(bytesOf(sample.encode)).toEqual(bytes);
  });

  it.each(STARTUP_SAMPLES.map((s) => [s.msg.type, s] as const))('%s (startup phase): encode -> decode', (_type, sample) => {
    expect(decodeStartupBytes(bytesOf(sample.encode))).toEqual(sample.msg);
  });

  it('password-phase messages round-trip', () => {
    const pw = typed(bytesOf((w) => encodePassword(w, { password: 'md5abc' })));
    expect(pw.code).toBe(FrontendCode.Password);
    expect(decodePassword(new BufferReader(pw.body))).toEqual({ type: 'PasswordMessage', password: 'md5abc' });
    const init = typed(bytesOf((w) => encodeSASLInitialResponse(w, { mechanism: 'SCRAM-SHA-256', data: Buffer.from('n,,n=,r=abc') })));
    expect(decodeSASLInitialResponse(new BufferReader(init.body))).toEqual({
      type: 'SASLInitialResponse',
      mechanism: 'SCRAM-SHA-256',
      data: Buffer.from('n,,n=,r=abc'),
    });
    const none = typed(bytesOf((w) => encodeSASLInitialResponse(w, { mechanism: 'X', data: null })));
    expect(decodeSASLInitialResponse(new BufferReader(none.body)).data).toBeNull();
    const resp = typed(bytesOf((w) => encodeSASLResponse(w, { data: Buffer.from('c=biws') })));
    expect(decodeSASLResponse(new BufferReader(resp.body))).toEqual({ type: 'SASLResponse', data: Buffer.from('c=biws') });
  });

  it('malformed bodies are FATAL 08P01 (truncated, missing NUL, trailing bytes, bad subtype)', () => {
    const fatal = (fn: () => unknown, message: string) =>
      expect(fn).toThrow(expect.objectContaining({ sqlstate: '08P01', severity: 'FATAL', message }));
    fatal(() => decodeFrontendMessage(FrontendCode.Execute, Buffer.from('p\0\0\0')), 'insufficient data left in message');
    fatal(() => decodeFrontendMessage(FrontendCode.Query, Buffer.from('SELECT 1')), 'invalid string in message');
    fatal(() => decodeFrontendMessage(FrontendCode.Sync, Buffer.from([1])), 'invalid message format');
    fatal(() => decodeFrontendMessage(FrontendCode.Describe, Buffer.from('X\0')), 'invalid DESCRIBE message subtype 88');
    fatal(() => decodeFrontendMessage(FrontendCode.Bind, Buffer.from('\0\0\0\0\0\x01\xff\xff\xff\xfe\0\0')), 'insufficient data left in message');
  });
});

describe("frontend decoders against node-postgres's serializer", () => {
  const t = decodeTyped;

  it('startup, SSLRequest and CancelRequest', () => {
    expect(decodeStartupBytes(serialize.startup({ user: 'brian', database: 'bang' }))).toEqual({
      type: 'StartupMessage',
      protocolVersion: StartupCode.Protocol3,
      params: { user: 'brian', database: 'bang', client_encoding: 'UTF8' },
    });
    expect(decodeStartupBytes(serialize.requestSsl())).toEqual({ type: 'SSLRequest' });
    expect(decodeStartupBytes(serialize.cancel(3, 4))).toEqual({ type: 'CancelRequest', processId: 3, secretKey: 4 });
  });

  it('password and SASL messages', () => {
    expect(decodePassword(new BufferReader(typed(serialize.password('pw')).body)).password).toBe('pw');
    const init = decodeSASLInitialResponse(new BufferReader(typed(serialize.sendSASLInitialResponseMessage('SCRAM-SHA-256', 'n,,n=*,r=x')).body));
    expect(init).toEqual({ type: 'SASLInitialResponse', mechanism: 'SCRAM-SHA-256', data: Buffer.from('n,,n=*,r=x') });
    const fin = decodeSASLResponse(new BufferReader(typed(serialize.sendSCRAMClientFinalMessage('c=biws,r=x,p=y')).body));
    expect(fin.data.toString()).toBe('c=biws,r=x,p=y');
  });

  it('query-phase messages', () => {
    expect(t(serialize.query('select 1'))).toEqual({ type: 'Query', sql: 'select 1' });
    expect(t(serialize.parse({ name: 'n', text: 'select $1', types: [23] }))).toEqual({ type: 'Parse', name: 'n', sql: 'select $1', paramTypeOids: [23] });
    expect(t(serialize.bind({ portal: 'p', statement: 's', values: ['a', null, Buffer.from([1])] }))).toEqual({
      type: 'Bind',
      portal: 'p',
      statement: 's',
      paramFormats: [0, 0, 1],
      params: [Buffer.from('a'), null, Buffer.from([1])],
      resultFormats: [0],
    });
    expect(t(serialize.bind({ binary: true }))).toMatchObject({ paramFormats: [], params: [], resultFormats: [1] });
    expect(t(serialize.execute({ portal: 'p', rows: 10 }))).toEqual({ type: 'Execute', portal: 'p', maxRows: 10 });
    expect(t(serialize.describe({ type: 'S', name: 's' }))).toEqual({ type: 'Describe', target: 'S', name: 's' });
    expect(t(serialize.close({ type: 'P', name: 'p' }))).toEqual({ type: 'Close', target: 'P', name: 'p' });
    expect(t(serialize.flush())).toEqual({ type: 'Flush' });
    expect(t(serialize.sync())).toEqual({ type: 'Sync' });
    expect(t(serialize.end())).toEqual({ type: 'Terminate' });
    expect(t(serialize.copyData(Buffer.from('x\n')))).toEqual({ type: 'CopyData', data: Buffer.from('x\n') });
    expect(t(serialize.copyDone())).toEqual({ type: 'CopyDone' });
    expect(t(serialize.copyFail('why'))).toEqual({ type: 'CopyFail', message: 'why' });
  });
});
