// The one error type that crosses the native boundary. The addon rejects with an Error that
// carries a `code`; toNativeError turns it into a NativeError with the matching SQLSTATE.
// (libs/native-bindings sits below libs/errors, so the SQLSTATEs are spelled out here; the
// engine maps a NativeError onto its SqlError by `sqlstate`.)

export const NATIVE_ERROR_SQLSTATE = {
  INVALID_ARGUMENT: '22023', // invalid_parameter_value
  OUT_OF_MEMORY: '53200', // out_of_memory
  CANCELLED: '57014', // query_canceled
  INTERNAL: 'XX000', // internal_error
  NOT_SUPPORTED: '0A000', // feature_not_supported
} as const;

export type NativeErrorCode = keyof typeof NATIVE_ERROR_SQLSTATE;

export class NativeError extends Error {
  override readonly name = 'NativeError';
  readonly sqlstate: string;

  constructor(
    readonly code: NativeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.sqlstate = NATIVE_ERROR_SQLSTATE[code];
  }
}

export function isNativeErrorCode(value: unknown): value is NativeErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NATIVE_ERROR_SQLSTATE, value);
}

/**
 * Converts whatever the addon rejected or threw with into a NativeError. An error without a
 * known code (a bug in the glue, an exception from JS engine internals) becomes INTERNAL.
 */
export function toNativeError(error: unknown): NativeError {
  if (error instanceof NativeError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new NativeError(isNativeErrorCode(code) ? code : 'INTERNAL', message, { cause: error });
}
