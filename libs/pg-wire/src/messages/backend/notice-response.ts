// NoticeResponse ('N'): (Byte1 field code, String value)* then a zero byte.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-NOTICERESPONSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';
import { readErrorFields, writeErrorFields, type ErrorFields } from './error-fields';

export interface NoticeResponse {
  type: 'NoticeResponse';
  fields: ErrorFields;
}

export function encodeNoticeResponse(w: BufferWriter, msg: Omit<NoticeResponse, 'type'>): void {
  w.startMessage(BackendCode.NoticeResponse);
  writeErrorFields(w, msg.fields);
  w.endMessage();
}

export function decodeNoticeResponse(r: BufferReader): NoticeResponse {
  return { type: 'NoticeResponse', fields: readErrorFields(r) };
}
