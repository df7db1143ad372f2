// ErrorResponse ('E'): (Byte1 field code, String value)* then a zero byte.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-ERRORRESPONSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';
import { readErrorFields, writeErrorFields, type ErrorFields } from './error-fields';

export interface ErrorResponse {
  type: 'ErrorResponse';
  fields: ErrorFields;
}

export function encodeErrorResponse(w: BufferWriter, msg: Omit<ErrorResponse, 'type'>): void {
  w.startMessage(BackendCode.ErrorResponse);
  writeErrorFields(w, msg.fields);
  w.endMessage();
}

export function decodeErrorResponse(r: BufferReader): ErrorResponse {
  return { type: 'ErrorResponse', fields: readErrorFields(r) };
}
