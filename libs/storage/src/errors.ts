// Storage errors, all SqlErrors with PostgreSQL's SQLSTATEs for the same conditions.
import { SQLSTATE, SqlError, dataCorrupted, ioError, type SqlErrorOptions } from '@vecgres/errors';

export { dataCorrupted, ioError };

/** 55000: the data directory was written by an incompatible format version (FATAL at start-up). */
export function incompatibleDataDir(message: string, options: SqlErrorOptions = {}): SqlError {
  return new SqlError(SQLSTATE.OBJECT_NOT_IN_PREREQUISITE_STATE, message, { severity: 'FATAL', ...options });
}

/** 55006: another live process holds the data directory lock. */
export function dataDirInUse(message: string, options: SqlErrorOptions = {}): SqlError {
  return new SqlError(SQLSTATE.OBJECT_IN_USE, message, { severity: 'FATAL', ...options });
}

/** 40001: first-committer-wins conflict between two transactions writing the same row. */
export function serializationFailure(message: string, options: SqlErrorOptions = {}): SqlError {
  return new SqlError(SQLSTATE.T_R_SERIALIZATION_FAILURE, message, options);
}

/** 22023: a caller passed a value the storage API cannot accept (wrong dim, unknown column). */
export function invalidStorageArgument(message: string, options: SqlErrorOptions = {}): SqlError {
  return new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, message, options);
}

/** 42P01: the table id is not (or no longer) known to storage. */
export function unknownTable(tableId: number): SqlError {
  return new SqlError(SQLSTATE.UNDEFINED_TABLE, `storage table ${tableId} does not exist`);
}

/** 55000: the store is closed, or it failed an fsync/write and refuses further work. */
export function storeUnavailable(message: string, cause?: unknown): SqlError {
  return new SqlError(SQLSTATE.OBJECT_NOT_IN_PREREQUISITE_STATE, message, cause === undefined ? {} : { cause });
}

/** Wraps a Node fs error (errno code) as 58030 io_error naming the operation and file. */
export function fsError(op: string, path: string, cause: unknown): SqlError {
  const code = (cause as { code?: string })?.code;
  const msg = (cause as Error)?.message ?? String(cause);
  return ioError(`could not ${op} "${path}": ${code ?? msg}`, { cause });
}
