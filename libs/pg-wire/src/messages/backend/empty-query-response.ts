// EmptyQueryResponse: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-EMPTYQUERYRESPONSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface EmptyQueryResponse {
  type: 'EmptyQueryResponse';
}

export function encodeEmptyQueryResponse(w: BufferWriter): void {
  w.startMessage(BackendCode.EmptyQueryResponse).endMessage();
}

export function decodeEmptyQueryResponse(r: BufferReader): EmptyQueryResponse {
  r.end();
  return { type: 'EmptyQueryResponse' };
}
