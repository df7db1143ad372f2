// Backend (server -> client) codecs. decodeBackendMessage exists for tests and tools: the
// server only encodes.
import { BufferReader } from '../../buffer/buffer-reader';
import { BackendCode } from '../codes';
import { decodeAuthentication, type AuthenticationMessage } from './authentication';
import { decodeBackendKeyData, type BackendKeyData } from './backend-key-data';
import { decodeBindComplete, type BindComplete } from './bind-complete';
import { decodeCloseComplete, type CloseComplete } from './close-complete';
import { decodeCommandComplete, type CommandComplete } from './command-complete';
import { decodeCopyData, type CopyData } from './copy-data';
import { decodeCopyDone, type CopyDone } from './copy-done';
import { decodeCopyInResponse, type CopyInResponse } from './copy-in-response';
import { decodeCopyOutResponse, type CopyOutResponse } from './copy-out-response';
import { decodeDataRow, type DataRow } from './data-row';
import { decodeEmptyQueryResponse, type EmptyQueryResponse } from './empty-query-response';
import { decodeErrorResponse, type ErrorResponse } from './error-response';
import { decodeNegotiateProtocolVersion, type NegotiateProtocolVersion } from './negotiate-protocol-version';
import { decodeNoData, type NoData } from './no-data';
import { decodeNoticeResponse, type NoticeResponse } from './notice-response';
import { decodeParameterDescription, type ParameterDescription } from './parameter-description';
import { decodeParameterStatus, type ParameterStatus } from './parameter-status';
import { decodeParseComplete, type ParseComplete } from './parse-complete';
import { decodePortalSuspended, type PortalSuspended } from './portal-suspended';
import { decodeReadyForQuery, type ReadyForQuery } from './ready-for-query';
import { decodeRowDescription, type RowDescription } from './row-description';

export * from './authentication';
export * from './backend-key-data';
export * from './bind-complete';
export * from './close-complete';
export * from './command-complete';
export * from './copy-data';
export * from './copy-done';
export * from './copy-in-response';
export * from './copy-out-response';
export * from './data-row';
export * from './empty-query-response';
export * from './error-fields';
export * from './error-response';
export * from './negotiate-protocol-version';
export * from './no-data';
export * from './notice-response';
export * from './parameter-description';
export * from './parameter-status';
export * from './parse-complete';
export * from './portal-suspended';
export * from './ready-for-query';
export * from './row-description';

export type BackendMessage =
  | AuthenticationMessage
  | BackendKeyData
  | BindComplete
  | CloseComplete
  | CommandComplete
  | CopyData
  | CopyDone
  | CopyInResponse
  | CopyOutResponse
  | DataRow
  | EmptyQueryResponse
  | ErrorResponse
  | NegotiateProtocolVersion
  | NoData
  | NoticeResponse
  | ParameterDescription
  | ParameterStatus
  | ParseComplete
  | PortalSuspended
  | ReadyForQuery
  | RowDescription;

/** Decodes one backend message body; undefined for an unknown type byte. */
export function decodeBackendMessage(code: number, body: Buffer): BackendMessage | undefined {
  const r = new BufferReader(body);
  switch (code) {
    case BackendCode.Authentication:
      return decodeAuthentication(r);
    case BackendCode.BackendKeyData:
      return decodeBackendKeyData(r);
    case BackendCode.BindComplete:
      return decodeBindComplete(r);
    case BackendCode.CloseComplete:
      return decodeCloseComplete(r);
    case BackendCode.CommandComplete:
      return decodeCommandComplete(r);
    case BackendCode.CopyData:
      return decodeCopyData(r);
    case BackendCode.CopyDone:
      return decodeCopyDone(r);
    case BackendCode.CopyInResponse:
      return decodeCopyInResponse(r);
    case BackendCode.CopyOutResponse:
      return decodeCopyOutResponse(r);
    case BackendCode.DataRow:
      return decodeDataRow(r);
    case BackendCode.EmptyQueryResponse:
      return decodeEmptyQueryResponse(r);
    case BackendCode.ErrorResponse:
      return decodeErrorResponse(r);
    case BackendCode.NegotiateProtocolVersion:
      return decodeNegotiateProtocolVersion(r);
    case BackendCode.NoData:
      return decodeNoData(r);
    case BackendCode.NoticeResponse:
      return decodeNoticeResponse(r);
    case BackendCode.ParameterDescription:
      return decodeParameterDescription(r);
    case BackendCode.ParameterStatus:
      return decodeParameterStatus(r);
    case BackendCode.ParseComplete:
      return decodeParseComplete(r);
    case BackendCode.PortalSuspended:
      return decodePortalSuspended(r);
    case BackendCode.ReadyForQuery:
      return decodeReadyForQuery(r);
    case BackendCode.RowDescription:
      return decodeRowDescription(r);
    default:
      return undefined;
  }
}
