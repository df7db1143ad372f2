// What the server hands pg-wire for each accepted socket (the contract in
// /work/briefs/pg-wire-api.md). pg-wire decides nothing about users or databases itself: the
// AuthProvider answers pg_hba.conf-like questions and createHandler builds the session.
import type { SecureContext } from 'node:tls';
import type { ScramCache } from '../auth/scram';
import type { QueryHandler, StartupInfo } from '../query-handler';

export type AuthMethod = 'trust' | 'password' | 'md5' | 'scram-sha-256';

export interface AuthProvider {
  /** Which method applies (pg_hba.conf-like decision made by the server from its config). */
  method(user: string, database: string, remoteAddress: string): AuthMethod;
  /** The configured plaintext password, or undefined if the user has none / does not exist
   *  (then password auth fails with 28P01 `password authentication failed for user "x"`). */
  password(user: string): string | undefined;
}

/** pino-compatible subset. */
export interface WireLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Per-message length caps, in bytes, counting the 4-byte length word like PostgreSQL does. */
export interface WireLimits {
  /** StartupMessage / SSLRequest / CancelRequest packets. Default 10 000 (MAX_STARTUP_PACKET_LENGTH). */
  startupMessage: number;
  /** Large messages (Query, Parse, Bind, CopyData, FunctionCall, passwords). Default 1 GiB - 1. */
  message: number;
}

export interface ConnectionOptions {
  auth: AuthProvider;
  /** When set, SSLRequest is answered 'S' and the socket is upgraded (tls.TLSSocket, server side). */
  tls?: SecureContext;
  /** After auth succeeds. May reject with a SqlError -> FATAL ErrorResponse, then close
   *  (e.g. 53300 `sorry, too many clients already`, 3D000 database "x" does not exist). */
  createHandler(startup: StartupInfo): Promise<QueryHandler>;
  /** A CancelRequest arrived on this (new) connection; the server finds the session by key. */
  cancel(processId: number, secretKey: number): void;
  /** BackendKeyData for this connection. */
  backendKey: { processId: number; secretKey: number };
  logger: WireLogger;
  /** Optional overrides of the per-message length caps (bytes). */
  limits?: Partial<WireLimits>;
  /**
   * SCRAM-SHA-256 credentials per user, so a user gets the same salt on every connection and
   * PBKDF2 runs once per password. Pass one createScramCache() shared by all connections of
   * the process; without it each login draws a fresh salt (still correct, just slower).
   */
  scramCache?: ScramCache;
}

export interface WireConnection {
  /** Resolves when the connection has closed (never rejects). */
  readonly closed: Promise<void>;
  /** Server shutdown: FATAL 57P01 `terminating connection due to administrator command`, then close. */
  terminate(): Promise<void>;
}

/** PostgreSQL's MAX_STARTUP_PACKET_LENGTH (src/include/libpq/pqcomm.h). */
export const MAX_STARTUP_PACKET_LENGTH = 10000;
/** PostgreSQL's PQ_LARGE_MESSAGE_LIMIT (src/include/libpq/libpq.h): MaxAllocSize - 1. */
export const PQ_LARGE_MESSAGE_LIMIT = 0x3fffffff - 1;
/** PostgreSQL's PQ_SMALL_MESSAGE_LIMIT: the cap for control messages (Sync, Describe, ...). */
export const PQ_SMALL_MESSAGE_LIMIT = 10000;

export function resolveLimits(limits: Partial<WireLimits> | undefined): WireLimits {
  return {
    startupMessage: limits?.startupMessage ?? MAX_STARTUP_PACKET_LENGTH,
    message: limits?.message ?? PQ_LARGE_MESSAGE_LIMIT,
  };
}
