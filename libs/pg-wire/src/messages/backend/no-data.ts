// NoData: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-NODATA
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface NoData {
  type: 'NoData';
}

export function encodeNoData(w: BufferWriter): void {
  w.startMessage(BackendCode.NoData).endMessage();
}

export function decodeNoData(r: BufferReader): NoData {
  r.end();
  return { type: 'NoData' };
}
