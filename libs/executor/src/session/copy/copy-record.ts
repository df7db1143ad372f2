// What the streaming COPY FROM parsers hand back: one record per input row, with the line
// number PostgreSQL would report in the error CONTEXT (`COPY t, line 3, column c: "x"`).
import { badCopyFormat } from '@vecgres/errors';

export interface TextRecord {
  /** 1-based line (record) number, header included. */
  readonly line: number;
  /** Decoded field values; null for the NULL marker. */
  readonly fields: Array<string | null>;
  /** The raw line for error context. */
  readonly raw: string;
}

export interface BinaryRecord {
  readonly line: number;
  /** Raw field bytes; null for a -1 length. */
  readonly fields: Array<Buffer | null>;
}

/** A push parser: feed CopyData payloads in order, then finish() once at CopyDone. */
export interface CopyParser<R> {
  push(chunk: Buffer): R[];
  finish(): R[];
}

export const EMPTY = Buffer.alloc(0);

/** 22P04 for malformed COPY input. */
export function copyFormatError(message: string) {
  return badCopyFormat(message);
}
