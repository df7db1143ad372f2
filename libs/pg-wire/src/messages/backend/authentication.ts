// Authentication ('R'): Int32 subtype, then subtype-specific data:
//   0 Ok | 3 CleartextPassword | 5 MD5Password: Byte4 salt | 10 SASL: String mechanisms, ended
//   by an empty String | 11 SASLContinue: Byte[n] | 12 SASLFinal: Byte[n].
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-AUTHENTICATIONOK
import { protocolViolation } from '@vecgres/errors';
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { AuthCode, BackendCode } from '../codes';

export type AuthenticationMessage =
  | { type: 'AuthenticationOk' }
  | { type: 'AuthenticationCleartextPassword' }
  | { type: 'AuthenticationMD5Password'; salt: Buffer }
  | { type: 'AuthenticationSASL'; mechanisms: string[] }
  | { type: 'AuthenticationSASLContinue'; data: Buffer }
  | { type: 'AuthenticationSASLFinal'; data: Buffer };

export function encodeAuthentication(w: BufferWriter, msg: AuthenticationMessage): void {
  w.startMessage(BackendCode.Authentication);
  switch (msg.type) {
    case 'AuthenticationOk':
      w.int32(AuthCode.Ok);
      break;
    case 'AuthenticationCleartextPassword':
      w.int32(AuthCode.CleartextPassword);
      break;
    case 'AuthenticationMD5Password':
      if (msg.salt.length !== 4) throw new Error('MD5 salt must be 4 bytes');
      w.int32(AuthCode.MD5Password).bytes(msg.salt);
      break;
    case 'AuthenticationSASL':
      w.int32(AuthCode.SASL);
      for (const m of msg.mechanisms) w.cstring(m);
      w.uint8(0);
      break;
    case 'AuthenticationSASLContinue':
      w.int32(AuthCode.SASLContinue).bytes(msg.data);
      break;
    case 'AuthenticationSASLFinal':
      w.int32(AuthCode.SASLFinal).bytes(msg.data);
      break;
  }
  w.endMessage();
}

export function decodeAuthentication(r: BufferReader): AuthenticationMessage {
  const code = r.int32();
  let msg: AuthenticationMessage;
  switch (code) {
    case AuthCode.Ok:
      msg = { type: 'AuthenticationOk' };
      break;
    case AuthCode.CleartextPassword:
      msg = { type: 'AuthenticationCleartextPassword' };
      break;
    case AuthCode.MD5Password:
      msg = { type: 'AuthenticationMD5Password', salt: Buffer.from(r.bytes(4)) };
      break;
    case AuthCode.SASL: {
      const mechanisms: string[] = [];
      for (let m = r.cstring(); m !== ''; m = r.cstring()) mechanisms.push(m);
      msg = { type: 'AuthenticationSASL', mechanisms };
      break;
    }
    case AuthCode.SASLContinue:
      msg = { type: 'AuthenticationSASLContinue', data: Buffer.from(r.rest()) };
      break;
    case AuthCode.SASLFinal:
      msg = { type: 'AuthenticationSASLFinal', data: Buffer.from(r.rest()) };
      break;
    default:
      throw protocolViolation(`unsupported authentication subtype ${code}`, { severity: 'FATAL' });
  }
  r.end();
  return msg;
}
