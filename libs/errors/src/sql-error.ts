// The one error class of vecgres. Its fields map one-to-one onto the fields of a PostgreSQL
// ErrorResponse, so pg-wire can encode any SqlError without knowing where it came from.
// @see https://www.postgresql.org/docs/current/protocol-error-fields.html
import type { SqlState } from './generated/sqlstate';

/** Severities an error can carry (NoticeResponse severities live in pg-wire's NoticeFields). */
export type ErrorSeverity = 'ERROR' | 'FATAL' | 'PANIC';

/** Everything but the SQLSTATE and message; all optional. */
export interface SqlErrorOptions {
  /** Default 'ERROR'. FATAL ends the session (pg-wire closes the connection after sending it). */
  severity?: ErrorSeverity;
  detail?: string;
  hint?: string;
  /** 1-based character index into the original query string (ErrorResponse field P). */
  position?: number;
  /** 1-based index into internalQuery (field p). */
  internalPosition?: number;
  /** Text of an internally generated command that failed (field q). */
  internalQuery?: string;
  /** Context / call-stack traceback, one entry per line (field W). */
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  /** The underlying error, kept for logs; never sent to the client. */
  cause?: unknown;
}

/**
 * An error with a SQLSTATE. Throw it anywhere below the protocol layer; pg-wire turns it into
 * an ErrorResponse. Any other thrown value is reported as XX000 `internal error`.
 */
export class SqlError extends Error {
  /** Brand checked by isSqlError: survives duplicated module instances (jest, tsx). */
  readonly isSqlError = true as const;
  // Optional fields are `declare`d so unset ones are not own properties (ES2022 class fields
  // would define them as undefined).
  readonly sqlstate: SqlState;
  readonly severity: ErrorSeverity;
  declare readonly detail?: string;
  declare readonly hint?: string;
  declare readonly position?: number;
  declare readonly internalPosition?: number;
  declare readonly internalQuery?: string;
  declare readonly where?: string;
  declare readonly schema?: string;
  declare readonly table?: string;
  declare readonly column?: string;
  declare readonly dataType?: string;
  declare readonly constraint?: string;

  constructor(sqlstate: SqlState, message: string, options: SqlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SqlError';
    this.sqlstate = sqlstate;
    this.severity = options.severity ?? 'ERROR';
    // Only own the optional fields that are set, so object equality in tests and JSON logs
    // stay free of `undefined` noise.
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.position !== undefined) this.position = options.position;
    if (options.internalPosition !== undefined) this.internalPosition = options.internalPosition;
    if (options.internalQuery !== undefined) this.internalQuery = options.internalQuery;
    if (options.where !== undefined) this.where = options.where;
    if (options.schema !== undefined) this.schema = options.schema;
    if (options.table !== undefined) this.table = options.table;
    if (options.column !== undefined) this.column = options.column;
    if (options.dataType !== undefined) this.dataType = options.dataType;
    if (options.constraint !== undefined) this.constraint = options.constraint;
  }

  /** A copy with some fields replaced (e.g. severity FATAL, or a position added by the parser). */
  with(overrides: SqlErrorOptions & { message?: string }): SqlError {
    const { message, ...rest } = overrides;
    return new SqlError(this.sqlstate, message ?? this.message, { ...this.options(), ...rest });
  }

  /** The optional fields as an options object. */
  options(): SqlErrorOptions {
    const out: SqlErrorOptions = { severity: this.severity };
    if (this.detail !== undefined) out.detail = this.detail;
    if (this.hint !== undefined) out.hint = this.hint;
    if (this.position !== undefined) out.position = this.position;
    if (this.internalPosition !== undefined) out.internalPosition = this.internalPosition;
    if (this.internalQuery !== undefined) out.internalQuery = this.internalQuery;
    if (this.where !== undefined) out.where = this.where;
    if (this.schema !== undefined) out.schema = this.schema;
    if (this.table !== undefined) out.table = this.table;
    if (this.column !== undefined) out.column = this.column;
    if (this.dataType !== undefined) out.dataType = this.dataType;
    if (this.constraint !== undefined) out.constraint = this.constraint;
    if (this.cause !== undefined) out.cause = this.cause;
    return out;
  }
}

/** True for SqlError instances, including ones from another copy of this module. */
export function isSqlError(value: unknown): value is SqlError {
  return (
    value instanceof SqlError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { isSqlError?: unknown }).isSqlError === true &&
      typeof (value as { sqlstate?: unknown }).sqlstate === 'string')
  );
}
