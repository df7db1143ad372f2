// Date/time errors, worded as PostgreSQL's DateTimeParseError and friends. The decoders return
// a DtErr code and the type's input function turns it into a SqlError with the type name and
// the original text, exactly as datetime.c does.
import { SQLSTATE, SqlError } from '@vecgres/errors';

export const DtErr = {
  BadFormat: 'bad-format',
  FieldOverflow: 'field-overflow',
  /** A month/day field out of range: PostgreSQL adds a DateStyle hint. */
  MdFieldOverflow: 'md-field-overflow',
  IntervalOverflow: 'interval-overflow',
  TzDispOverflow: 'tzdisp-overflow',
} as const;
export type DtErr = (typeof DtErr)[keyof typeof DtErr];

/** Thrown by the decoders; converted by dateTimeParseError at the type boundary. */
export class DateTimeDecodeError extends Error {
  constructor(readonly code: DtErr) {
    super(code);
  }
}

/** DateTimeParseError(dterr, str, datatype). */
export function dateTimeParseError(code: DtErr, text: string, typeName: string): SqlError {
  switch (code) {
    case DtErr.FieldOverflow:
      return new SqlError(SQLSTATE.DATETIME_FIELD_OVERFLOW, `date/time field value out of range: "${text}"`);
    case DtErr.MdFieldOverflow:
      return new SqlError(SQLSTATE.DATETIME_FIELD_OVERFLOW, `date/time field value out of range: "${text}"`, {
        hint: 'Perhaps you need a different "datestyle" setting.',
      });
    case DtErr.IntervalOverflow:
      return new SqlError(SQLSTATE.INTERVAL_FIELD_OVERFLOW, `interval field value out of range: "${text}"`);
    case DtErr.TzDispOverflow:
      return new SqlError(
        SQLSTATE.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
        `time zone displacement out of range: "${text}"`,
      );
    default:
      return new SqlError(SQLSTATE.INVALID_DATETIME_FORMAT, `invalid input syntax for type ${typeName}: "${text}"`);
  }
}

/** Runs a decoder, converting DateTimeDecodeError into PostgreSQL's error for this type. */
export function withParseErrors<T>(text: string, typeName: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DateTimeDecodeError) throw dateTimeParseError(e.code, text, typeName);
    throw e;
  }
}

/** 22023 `time zone "x" not recognized`. */
export function unknownTimeZone(name: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `time zone "${name}" not recognized`);
}

/** 22008 `date out of range: "x"` (input) or `date out of range` (arithmetic). */
export function dateOutOfRange(text?: string): SqlError {
  return new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, text === undefined ? 'date out of range' : `date out of range: "${text}"`);
}

/** 22008 `timestamp out of range: "x"` (input) or `timestamp out of range` (arithmetic). */
export function timestampOutOfRange(text?: string): SqlError {
  return new SqlError(
    SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE,
    text === undefined ? 'timestamp out of range' : `timestamp out of range: "${text}"`,
  );
}

/** 22008 `interval out of range`. */
export function intervalOutOfRange(): SqlError {
  return new SqlError(SQLSTATE.DATETIME_VALUE_OUT_OF_RANGE, 'interval out of range');
}
