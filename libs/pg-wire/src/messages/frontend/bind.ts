// Bind ('B'): String portal, String statement, Int16 n + Int16[n] parameter format codes
// (0 = all text, 1 = one for all, n = one each), Int16 n + n × (Int32 length (-1 = NULL),
// Byte[length]) values, Int16 n + Int16[n] result format codes (same 0/1/n rule).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-BIND
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface BindMessage {
  type: 'Bind';
  portal: string;
  statement: string;
  /** Format codes as sent (0, 1 or n entries; values are not validated here). */
  paramFormats: number[];
  /** Raw values (views into the message), null for NULL. */
  params: Array<Buffer | null>;
  resultFormats: number[];
}

function int16Array(r: BufferReader): number[] {
  const n = r.int16();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(r.int16());
  return out;
}

export function decodeBind(r: BufferReader): BindMessage {
  const portal = r.cstring();
  const statement = r.cstring();
  const paramFormats = int16Array(r);
  const n = r.int16();
  const params: Array<Buffer | null> = [];
  for (let i = 0; i < n; i++) {
    const len = r.int32();
    params.push(len === -1 ? null : r.bytes(len));
  }
  const resultFormats = int16Array(r);
  r.end();
  return { type: 'Bind', portal, statement, paramFormats, params, resultFormats };
}

export function encodeBind(w: BufferWriter, msg: Omit<BindMessage, 'type'>): void {
  w.startMessage(FrontendCode.Bind).cstring(msg.portal).cstring(msg.statement);
  w.int16(msg.paramFormats.length);
  for (const f of msg.paramFormats) w.int16(f);
  w.int16(msg.params.length);
  for (const p of msg.params) {
    if (p === null) w.int32(-1);
    else w.int32(p.length).bytes(p);
  }
  w.int16(msg.resultFormats.length);
  for (const f of msg.resultFormats) w.int16(f);
  w.endMessage();
}
