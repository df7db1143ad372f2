// @vecgres/pg-wire: PostgreSQL frontend/backend protocol 3.0, server side. Framing, codecs,
// authentication and the protocol state machine; queries go to a QueryHandler the server
// supplies (pg-wire never imports the engine).
export type * from './query-handler';
export {
  type AuthMethod,
  type AuthProvider,
  type WireLogger,
  type WireLimits,
  type ConnectionOptions,
  type WireConnection,
  MAX_STARTUP_PACKET_LENGTH,
  PQ_LARGE_MESSAGE_LIMIT,
  PQ_SMALL_MESSAGE_LIMIT,
} from './connection/options';
export { serveConnection } from './connection/serve-connection';

// Buffers and framing.
export { BufferReader } from './buffer/buffer-reader';
export { BufferWriter } from './buffer/buffer-writer';
export { FrameSplitter, STARTUP_FRAME, type Frame, type FramePolicy } from './framing/frame-splitter';
export { queryPhasePolicy, authPhasePolicy, PG_MAX_AUTH_TOKEN_LENGTH } from './framing/policies';

// Codecs: one namespace per direction (both have CopyData / CopyDone), e.g.
// frontend.decodeParse(reader), backend.encodeDataRow(writer, { values }).
export * from './messages/codes';
export * as frontend from './messages/frontend';
export * as backend from './messages/backend';
export { decodeFrontendMessage, decodeStartupPacket, type FrontendMessage, type StartupPacket } from './messages/frontend';
export { decodeBackendMessage, type BackendMessage } from './messages/backend';
export {
  ErrorField,
  sqlErrorToFields,
  fieldsToSqlError,
  noticeToFields,
  type ErrorFields,
} from './messages/backend/error-fields';
export { encodeErrorResponse } from './messages/backend/error-response';
export { errorResponseBytes } from './messages/backend/error-response-bytes';

// Authentication building blocks (the server may want them for tooling, tests use them).
export { md5PasswordResponse } from './auth/md5';
export {
  ScramExchange,
  scramCredentials,
  createScramCache,
  SCRAM_ITERATIONS,
  SCRAM_MECHANISM,
  type ScramCache,
  type ScramCredentials,
} from './auth/scram';
export { saslprep } from './auth/saslprep';
