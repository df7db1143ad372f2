// The contract between the protocol layer and whatever answers queries. pg-wire owns framing,
// startup, authentication and the protocol state machine; it never imports the engine. The
// server creates one QueryHandler per connection (after authentication) and pg-wire calls it.
//
// Values cross this boundary already encoded (text or binary, per the format codes): pg-wire
// frames bytes, the handler (via @vecgres/pg-types) encodes and decodes them.
//
// Errors: a handler method rejects with a SqlError (@vecgres/errors); pg-wire turns it into an
// ErrorResponse and, in the extended protocol, skips to Sync. Anything that is not a SqlError is
// logged with its stack and reported as XX000 without the stack.

/** ReadyForQuery status: idle, in a transaction block, in a failed transaction block. */
export type TransactionStatus = 'I' | 'T' | 'E';

/** One RowDescription field. @see https://www.postgresql.org/docs/current/protocol-message-formats.html */
export interface FieldDescription {
  name: string;
  tableOid: number;
  columnAttr: number;
  typeOid: number;
  typeSize: number;
  typeModifier: number;
  /** 0 = text, 1 = binary. */
  format: 0 | 1;
}

/** NoticeResponse / ErrorResponse fields other than the ones SqlError carries. */
export interface NoticeFields {
  severity: 'WARNING' | 'NOTICE' | 'DEBUG' | 'INFO' | 'LOG';
  sqlstate: string;
  message: string;
  detail?: string;
  hint?: string;
}

/** What the client said in its StartupMessage, plus what the connection knows of itself. */
export interface StartupInfo {
  user: string;
  database: string;
  /** All StartupMessage parameters (application_name, client_encoding, options, ...). */
  params: Record<string, string>;
  processId: number;
  secretKey: number;
  remoteAddress: string;
  tls: boolean;
}

/** COPY ... FROM STDIN: the handler receives the client's CopyData payloads as a stream. */
export interface CopyInStart {
  /** 0 = text/csv, 1 = binary (overall format). */
  format: 0 | 1;
  columnFormats: Array<0 | 1>;
}

/** COPY ... TO STDOUT: the handler writes CopyData payloads. */
export interface CopyOutStream {
  /** Resolves when the socket can take more (backpressure). */
  write(chunk: Buffer): Promise<void>;
  /** Sends CopyDone. */
  end(): void;
}

/**
 * Where a statement's results go. pg-wire implements it over the socket. `row` returns a
 * promise when the socket's write buffer is full: await it to respect backpressure.
 */
export interface ResultSink {
  /** RowDescription (simple protocol only; the extended protocol describes on Describe). */
  describe(fields: FieldDescription[]): void;
  /** DataRow: one encoded value per field, null for SQL NULL. */
  row(values: Array<Buffer | null>): void | Promise<void>;
  /** CommandComplete with a tag such as `SELECT 3`, `INSERT 0 5`, `CREATE TABLE`. */
  complete(tag: string): void;
  /** EmptyQueryResponse (the query string, or one statement of it, was empty). */
  empty(): void;
  notice(fields: NoticeFields): void;
  /** ParameterStatus, e.g. after SET application_name / TimeZone / DateStyle. */
  parameterStatus(name: string, value: string): void;
  /** Sends CopyInResponse and yields each CopyData payload until CopyDone; rejects on CopyFail (57014). */
  copyIn(start: CopyInStart): AsyncIterable<Buffer>;
  /** Sends CopyOutResponse; the handler writes chunks, then calls end(). */
  copyOut(start: CopyInStart): CopyOutStream;
}

/** An opaque parsed statement (the handler's own object; pg-wire keeps it under its name). */
export interface PreparedStatement {
  /** Parameter type OIDs after inference (ParameterDescription). */
  readonly paramTypeOids: number[];
  /** Result columns (formats all 0), or null when the statement returns no rows (NoData). */
  readonly fields: FieldDescription[] | null;
}

/** An opaque bound portal. */
export interface Portal {
  /** Result columns with the Bind's result formats applied, or null (NoData). */
  readonly fields: FieldDescription[] | null;
}

export interface BindArgs {
  /**
   * Raw parameter values as sent, null for NULL: views into the received message, which is
   * never overwritten; a handler that keeps a value long after bind() copies it so that it
   * does not pin the whole receive buffer.
   */
  params: Array<Buffer | null>;
  /** Per-parameter format codes, already expanded to params.length (Bind's 0/1/N rule applied). */
  paramFormats: Array<0 | 1>;
  /** Bind's result format codes as sent (0, 1 or N entries); the handler applies them. */
  resultFormats: Array<0 | 1>;
}

export type ExecuteOutcome = 'complete' | 'suspended';

/**
 * The session's idle timeouts in milliseconds, 0 = off (PostgreSQL's `idle_session_timeout`
 * and `idle_in_transaction_session_timeout`). pg-wire asks for them each time it has sent
 * ReadyForQuery and starts waiting for the client, so a SET takes effect at the next wait.
 */
export interface IdleTimeouts {
  /** Waiting outside a transaction block (status 'I') -> FATAL 57P05, then close. */
  idleSessionMs: number;
  /** Waiting inside a transaction block (status 'T' or 'E') -> FATAL 25P03, then close. */
  idleInTransactionMs: number;
}

/** One per connection, created by the server after authentication succeeds. */
export interface QueryHandler {
  /** ParameterStatus values to send after AuthenticationOk (server_version, TimeZone, ...). */
  serverParameters(): Record<string, string>;

  /** Simple protocol: run every statement of `sql` (PostgreSQL's implicit-transaction rules). */
  simpleQuery(sql: string, sink: ResultSink): Promise<void>;

  /** Parse: exactly one statement (or none); paramTypeOids may be shorter than needed or hold 0s. */
  parse(sql: string, paramTypeOids: number[]): Promise<PreparedStatement>;
  bind(statement: PreparedStatement, args: BindArgs): Promise<Portal>;
  /** Execute: send at most maxRows rows (0 = all); 'suspended' -> PortalSuspended. */
  execute(portal: Portal, maxRows: number, sink: ResultSink): Promise<ExecuteOutcome>;
  closeStatement(statement: PreparedStatement): void;
  closePortal(portal: Portal): void;
  /** Sync: ends the extended protocol's implicit transaction (commit, or roll back on error). */
  sync(): Promise<void>;

  /** The status for the next ReadyForQuery. */
  transactionStatus(): TransactionStatus;

  /**
   * Optional: the idle timeouts now in force. Read after every ReadyForQuery (it picks the one
   * for transactionStatus()). The timer runs only while the connection waits for the client
   * after ReadyForQuery; any incoming byte stops it, so a long statement, a COPY FROM STDIN or
   * an extended-protocol batch before Sync never times out. On expiry pg-wire sends the FATAL
   * error and closes; close() then rolls back. Absent = no idle timeouts.
   */
  idleTimeouts?(): IdleTimeouts;

  /** A CancelRequest matched this connection: fail the running statement with 57014. */
  cancel(): void;
  /** The connection closed (or is being terminated): roll back and release everything. */
  close(): Promise<void>;
}
