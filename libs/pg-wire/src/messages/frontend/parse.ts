// Parse ('P'): String statement name ('' = unnamed), String query, Int16 n, Int32[n] parameter
// type OIDs (0 = let the server infer).
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-PARSE
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface ParseMessage {
  type: 'Parse';
  name: string;
  sql: string;
  paramTypeOids: number[];
}

export function decodeParse(r: BufferReader): ParseMessage {
  const name = r.cstring();
  const sql = r.cstring();
  const n = r.int16();
  const paramTypeOids: number[] = [];
  for (let i = 0; i < n; i++) paramTypeOids.push(r.uint32());
  r.end();
  return { type: 'Parse', name, sql, paramTypeOids };
}

export function encodeParse(w: BufferWriter, msg: Omit<ParseMessage, 'type'>): void {
  w.startMessage(FrontendCode.Parse).cstring(msg.name).cstring(msg.sql).int16(msg.paramTypeOids.length);
  for (const oid of msg.paramTypeOids) w.uint32(oid);
  w.endMessage();
}
