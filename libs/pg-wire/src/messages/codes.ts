// Message type bytes and magic numbers of protocol 3.0.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html

/** Type bytes of messages the client sends after the startup packet. */
export const FrontendCode = {
  Bind: 0x42, // B
  Close: 0x43, // C
  CopyData: 0x64, // d
  CopyDone: 0x63, // c
  CopyFail: 0x66, // f
  Describe: 0x44, // D
  Execute: 0x45, // E
  Flush: 0x48, // H
  FunctionCall: 0x46, // F
  Parse: 0x50, // P
  /** PasswordMessage, SASLInitialResponse, SASLResponse and GSSResponse all use 'p'. */
  Password: 0x70, // p
  Query: 0x51, // Q
  Sync: 0x53, // S
  Terminate: 0x58, // X
} as const;
export type FrontendMessageCode = (typeof FrontendCode)[keyof typeof FrontendCode];

/** Type bytes of messages the server sends. */
export const BackendCode = {
  Authentication: 0x52, // R
  BackendKeyData: 0x4b, // K
  BindComplete: 0x32, // 2
  CloseComplete: 0x33, // 3
  CommandComplete: 0x43, // C
  CopyData: 0x64, // d
  CopyDone: 0x63, // c
  CopyInResponse: 0x47, // G
  CopyOutResponse: 0x48, // H
  DataRow: 0x44, // D
  EmptyQueryResponse: 0x49, // I
  ErrorResponse: 0x45, // E
  NegotiateProtocolVersion: 0x76, // v
  NoData: 0x6e, // n
  NoticeResponse: 0x4e, // N
  ParameterDescription: 0x74, // t
  ParameterStatus: 0x53, // S
  ParseComplete: 0x31, // 1
  PortalSuspended: 0x73, // s
  ReadyForQuery: 0x5a, // Z
  RowDescription: 0x54, // T
} as const;
export type BackendMessageCode = (typeof BackendCode)[keyof typeof BackendCode];

/** The Int32 right after the length of a startup-phase packet (pqcomm.h). */
export const StartupCode = {
  /** Protocol 3.0: major 3 in the high 16 bits, minor 0. */
  Protocol3: 0x00030000,
  CancelRequest: 80877102, // 1234.5678
  SSLRequest: 80877103, // 1234.5679
  GSSENCRequest: 80877104, // 1234.5680
} as const;
export type StartupPacketCode = (typeof StartupCode)[keyof typeof StartupCode];

/** Authentication ('R') subtypes. */
export const AuthCode = {
  Ok: 0,
  CleartextPassword: 3,
  MD5Password: 5,
  SASL: 10,
  SASLContinue: 11,
  SASLFinal: 12,
} as const;
export type AuthenticationCode = (typeof AuthCode)[keyof typeof AuthCode];

export function protocolMajor(version: number): number {
  return version >>> 16;
}

export function protocolMinor(version: number): number {
  return version & 0xffff;
}
