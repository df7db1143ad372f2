// Frontend (client -> server) codecs and the dispatchers the connection uses.
import { BufferReader } from '../../buffer/buffer-reader';
import { FrontendCode, StartupCode } from '../codes';
import { decodeBind, type BindMessage } from './bind';
import { decodeCancelRequest, type CancelRequest } from './cancel-request';
import { decodeClose, type CloseMessage } from './close';
import { decodeCopyData, type CopyDataMessage } from './copy-data';
import { decodeCopyDone, type CopyDoneMessage } from './copy-done';
import { decodeCopyFail, type CopyFailMessage } from './copy-fail';
import { decodeDescribe, type DescribeMessage } from './describe';
import { decodeExecute, type ExecuteMessage } from './execute';
import { decodeFlush, type FlushMessage } from './flush';
import { decodeFunctionCall, type FunctionCallMessage } from './function-call';
import { decodeGSSENCRequest, type GSSENCRequest } from './gssenc-request';
import { decodeParse, type ParseMessage } from './parse';
import { decodeQuery, type QueryMessage } from './query';
import { decodeSSLRequest, type SSLRequest } from './ssl-request';
import { decodeStartup, type StartupMessage } from './startup';
import { decodeSync, type SyncMessage } from './sync';
import { decodeTerminate, type TerminateMessage } from './terminate';

export * from './bind';
export * from './cancel-request';
export * from './close';
export * from './copy-data';
export * from './copy-done';
export * from './copy-fail';
export * from './describe';
export * from './execute';
export * from './flush';
export * from './function-call';
export * from './gssenc-request';
export * from './parse';
export * from './password';
export * from './query';
export * from './sasl-initial-response';
export * from './sasl-response';
export * from './ssl-request';
export * from './startup';
export * from './sync';
export * from './terminate';

/** What a startup-phase packet can be. */
export type StartupPacket = StartupMessage | SSLRequest | GSSENCRequest | CancelRequest;

/**
 * Decodes a startup-phase packet (body after the length word). Any protocol version is
 * returned as a StartupMessage; the connection decides which versions it accepts.
 */
export function decodeStartupPacket(body: Buffer): StartupPacket {
  const r = new BufferReader(body);
  const code = body.length >= 4 ? body.readUInt32BE(0) : -1;
  switch (code) {
    case StartupCode.SSLRequest:
      return decodeSSLRequest(r);
    case StartupCode.GSSENCRequest:
      return decodeGSSENCRequest(r);
    case StartupCode.CancelRequest:
      return decodeCancelRequest(r);
    default:
      return decodeStartup(r);
  }
}

/** Messages of the query phase ('p' messages are decoded by the auth exchange that expects them). */
export type FrontendMessage =
  | BindMessage
  | CloseMessage
  | CopyDataMessage
  | CopyDoneMessage
  | CopyFailMessage
  | DescribeMessage
  | ExecuteMessage
  | FlushMessage
  | FunctionCallMessage
  | ParseMessage
  | QueryMessage
  | SyncMessage
  | TerminateMessage;

/** Decodes one query-phase message; returns undefined for a type byte that has no meaning there. */
export function decodeFrontendMessage(code: number, body: Buffer): FrontendMessage | undefined {
  const r = new BufferReader(body);
  switch (code) {
    case FrontendCode.Bind:
      return decodeBind(r);
    case FrontendCode.Close:
      return decodeClose(r);
    case FrontendCode.CopyData:
      return decodeCopyData(r);
    case FrontendCode.CopyDone:
      return decodeCopyDone(r);
    case FrontendCode.CopyFail:
      return decodeCopyFail(r);
    case FrontendCode.Describe:
      return decodeDescribe(r);
    case FrontendCode.Execute:
      return decodeExecute(r);
    case FrontendCode.Flush:
      return decodeFlush(r);
    case FrontendCode.FunctionCall:
      return decodeFunctionCall(r);
    case FrontendCode.Parse:
      return decodeParse(r);
    case FrontendCode.Query:
      return decodeQuery(r);
    case FrontendCode.Sync:
      return decodeSync(r);
    case FrontendCode.Terminate:
      return decodeTerminate(r);
    default:
      return undefined;
  }
}
