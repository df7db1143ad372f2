// The type-I/O errors, worded exactly as PostgreSQL's input/receive functions word them.
import {
  invalidBinary,
  invalidParameter,
  invalidText as invalidTextError,
  numericOutOfRange,
  type SqlError,
} from '@vecgres/errors';

/** 22P02 `invalid input syntax for type integer: "x"` (typinput rejected the text). */
export function invalidInputSyntax(sqlTypeName: string, text: string): SqlError {
  return invalidTextError(`invalid input syntax for type ${sqlTypeName}: "${text}"`);
}

/** 22003 `value "x" is out of range for type integer` (the integer types' wording). */
export function integerOutOfRange(sqlTypeName: string, text: string): SqlError {
  return numericOutOfRange(`value "${text}" is out of range for type ${sqlTypeName}`);
}

/** 22003 `"1e400" is out of range for type double precision` (the float types' wording). */
export function floatOutOfRange(sqlTypeName: string, text: string): SqlError {
  return numericOutOfRange(`"${text}" is out of range for type ${sqlTypeName}`);
}

/** 22003 with a free-form message (numeric overflow and friends). */
export function numericValueOutOfRange(message: string): SqlError {
  return numericOutOfRange(message);
}

/** 22P02 with a free-form message (bytea's escape-format error, invalid UTF-8). */
export function invalidText(message: string): SqlError {
  return invalidTextError(message);
}

/** 22023 (bytea: `invalid hexadecimal digit: "x"`). */
export function invalidParameterValue(message: string): SqlError {
  return invalidParameter(message);
}

/** 22P03 `incorrect binary data format` with what was wrong as the detail. */
export function invalidBinaryFormat(detail: string): SqlError {
  return invalidBinary('incorrect binary data format', { detail });
}

/** Checks a fixed-size binary value's length before it is read. */
export function expectBinaryLength(data: Buffer, length: number, typeName: string): void {
  if (data.length !== length) {
    throw invalidBinaryFormat(`${typeName} expects ${length} bytes, got ${data.length}`);
  }
}
