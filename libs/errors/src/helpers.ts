// Stage helpers: every error raised in vecgres carries a SQLSTATE, and these name the common
// ones so call sites read like PostgreSQL's ereport(ERROR, errcode(...)) [DuckDB's stage
// exceptions]. All take the message as PostgreSQL would word it (lower case, no period) plus
// optional fields; none formats the message for you, so wording stays greppable at call sites.
import { SQLSTATE } from './generated/sqlstate';
import { SqlError, isSqlError, type SqlErrorOptions } from './sql-error';

type Helper = (message: string, options?: SqlErrorOptions) => SqlError;

function helper(sqlstate: SqlError['sqlstate']): Helper {
  return (message, options) => new SqlError(sqlstate, message, options);
}

/** 42601. `position` is the 1-based character index of the offending token. */
export function syntaxError(message: string, position?: number, options: SqlErrorOptions = {}): SqlError {
  return new SqlError(SQLSTATE.SYNTAX_ERROR, message, position === undefined ? options : { ...options, position });
}

// Frontend (parse / bind / catalog) errors.
/** 42P01, e.g. `relation "t" does not exist`. */
export const undefinedTable = helper(SQLSTATE.UNDEFINED_TABLE);
/** 42703, e.g. `column "c" does not exist`. */
export const undefinedColumn = helper(SQLSTATE.UNDEFINED_COLUMN);
/** 42883, e.g. `function f(integer) does not exist`. */
export const undefinedFunction = helper(SQLSTATE.UNDEFINED_FUNCTION);
/** 42704, e.g. `type "x" does not exist`, `unrecognized configuration parameter "x"`. */
export const undefinedObject = helper(SQLSTATE.UNDEFINED_OBJECT);
/** 42P07, e.g. `relation "t" already exists`. */
export const duplicateTable = helper(SQLSTATE.DUPLICATE_TABLE);
/** 42701, e.g. `column "c" specified more than once`. */
export const duplicateColumn = helper(SQLSTATE.DUPLICATE_COLUMN);
/** 42710. */
export const duplicateObject = helper(SQLSTATE.DUPLICATE_OBJECT);
/** 42804, e.g. `column "c" is of type integer but expression is of type text`. */
export const datatypeMismatch = helper(SQLSTATE.DATATYPE_MISMATCH);
/** 42P18, e.g. `could not determine data type of parameter $1`. */
export const indeterminateDatatype = helper(SQLSTATE.INDETERMINATE_DATATYPE);
/** 42P02, e.g. `there is no parameter $3`. */
export const undefinedParameter = helper(SQLSTATE.UNDEFINED_PARAMETER);
/** 42501. */
export const insufficientPrivilege = helper(SQLSTATE.INSUFFICIENT_PRIVILEGE);

// Data errors.
/** 22P02, e.g. `invalid input syntax for type integer: "x"`. */
export const invalidText = helper(SQLSTATE.INVALID_TEXT_REPRESENTATION);
/** 22P03, e.g. `incorrect binary data format in bind parameter 1`. */
export const invalidBinary = helper(SQLSTATE.INVALID_BINARY_REPRESENTATION);
/** 22023. */
export const invalidParameter = helper(SQLSTATE.INVALID_PARAMETER_VALUE);
/** 22003, e.g. `integer out of range`. */
export const numericOutOfRange = helper(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE);
/** 22012, `division by zero`. */
export const divisionByZero = helper(SQLSTATE.DIVISION_BY_ZERO);
/** 22004 / 23502 are distinct in PostgreSQL; this is 23502 (`null value in column ...`). */
export const notNullViolation = helper(SQLSTATE.NOT_NULL_VIOLATION);
/** 23505. */
export const uniqueViolation = helper(SQLSTATE.UNIQUE_VIOLATION);
/** 22P04, COPY input errors (`missing data for column "c"`, `extra data after last expected column`). */
export const badCopyFormat = helper(SQLSTATE.BAD_COPY_FILE_FORMAT);
/** 22000, a data exception with no more specific code. */
export const dataException = helper(SQLSTATE.DATA_EXCEPTION);

// Feature, resource and system errors.
/** 0A000. */
export const notSupported = helper(SQLSTATE.FEATURE_NOT_SUPPORTED);
/** 57014, e.g. `canceling statement due to user request`. */
export const canceled = helper(SQLSTATE.QUERY_CANCELED);
/** 53200, `out of memory`. */
export const outOfMemory = helper(SQLSTATE.OUT_OF_MEMORY);
/** 54000. */
export const programLimitExceeded = helper(SQLSTATE.PROGRAM_LIMIT_EXCEEDED);
/** 58030, e.g. `could not write to file "x": ...`. */
export const ioError = helper(SQLSTATE.IO_ERROR);
/** XX001. */
export const dataCorrupted = helper(SQLSTATE.DATA_CORRUPTED);
/** XX000, a can't-happen condition or a bug. */
export const internal = helper(SQLSTATE.INTERNAL_ERROR);

// Transaction state.
/** 25P02, `current transaction is aborted, commands ignored until end of transaction block`. */
export const inFailedTransaction = helper(SQLSTATE.IN_FAILED_SQL_TRANSACTION);
/** 25001, e.g. `SET TRANSACTION ISOLATION LEVEL must be called before any query`. */
export const activeSqlTransaction = helper(SQLSTATE.ACTIVE_SQL_TRANSACTION);
/** 25P01, e.g. `SAVEPOINT can only be used in transaction blocks`. */
export const noActiveSqlTransaction = helper(SQLSTATE.NO_ACTIVE_SQL_TRANSACTION);
/** 25006, `cannot execute X in a read-only transaction`. */
export const readOnlyTransaction = helper(SQLSTATE.READ_ONLY_SQL_TRANSACTION);

// Protocol and session (pg-wire).
/** 08P01, e.g. `invalid frontend message type 0`. */
export const protocolViolation = helper(SQLSTATE.PROTOCOL_VIOLATION);
/** 28P01, `password authentication failed for user "x"`. */
export const invalidPassword = helper(SQLSTATE.INVALID_PASSWORD);
/** 28000, e.g. `no PostgreSQL user name specified in startup packet`. */
export const invalidAuthorization = helper(SQLSTATE.INVALID_AUTHORIZATION_SPECIFICATION);
/** 3D000, `database "x" does not exist`. */
export const undefinedDatabase = helper(SQLSTATE.UNDEFINED_DATABASE);
/** 53300, `sorry, too many clients already`. */
export const tooManyConnections = helper(SQLSTATE.TOO_MANY_CONNECTIONS);
/** 57P01, `terminating connection due to administrator command`. */
export const adminShutdown = helper(SQLSTATE.ADMIN_SHUTDOWN);
/** 57P03, `the database system is starting up` / `... is shutting down`. */
export const cannotConnectNow = helper(SQLSTATE.CANNOT_CONNECT_NOW);
/** 42P05, `prepared statement "x" already exists`. */
export const duplicatePreparedStatement = helper(SQLSTATE.DUPLICATE_PSTATEMENT);
/** 26000, `prepared statement "x" does not exist`. */
export const undefinedPreparedStatement = helper(SQLSTATE.UNDEFINED_PSTATEMENT);
/** 42P03, `cursor "x" already exists`. */
export const duplicateCursor = helper(SQLSTATE.DUPLICATE_CURSOR);
/** 34000, `portal "x" does not exist`. */
export const undefinedCursor = helper(SQLSTATE.UNDEFINED_CURSOR);
/** 24000, e.g. `portal "x" cannot be run`. */
export const invalidCursorState = helper(SQLSTATE.INVALID_CURSOR_STATE);

/**
 * Any thrown value as a SqlError: SqlErrors pass through; anything else becomes XX000
 * `internal error` with the original kept as `cause` (for logs, never for the client).
 */
export function toSqlError(value: unknown): SqlError {
  if (isSqlError(value)) return value;
  return internal('internal error', { cause: value });
}
