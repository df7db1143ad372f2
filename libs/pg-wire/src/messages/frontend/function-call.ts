// FunctionCall ('F', the legacy fast-path interface): Int32 function OID, Int16 n + Int16[n]
// argument format codes, Int16 n + n × (Int32 length (-1 = NULL), Byte[length]) arguments,
// Int16 result format. vecgres decodes it (to keep framing honest) and answers 0A000.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-FUNCTIONCALL
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { FrontendCode } from '../codes';

export interface FunctionCallMessage {
  type: 'FunctionCall';
  functionOid: number;
  argFormats: number[];
  args: Array<Buffer | null>;
  resultFormat: number;
}

export function decodeFunctionCall(r: BufferReader): FunctionCallMessage {
  const functionOid = r.uint32();
  const nf = r.int16();
  const argFormats: number[] = [];
  for (let i = 0; i < nf; i++) argFormats.push(r.int16());
  const na = r.int16();
  const args: Array<Buffer | null> = [];
  for (let i = 0; i < na; i++) {
    const len = r.int32();
    args.push(len === -1 ? null : r.bytes(len));
  }
  const resultFormat = r.int16();
  r.end();
  return { type: 'FunctionCall', functionOid, argFormats, args, resultFormat };
}

export function encodeFunctionCall(w: BufferWriter, msg: Omit<FunctionCallMessage, 'type'>): void {
  w.startMessage(FrontendCode.FunctionCall).uint32(msg.functionOid).int16(msg.argFormats.length);
  for (const f of msg.argFormats) w.int16(f);
  w.int16(msg.args.length);
  for (const a of msg.args) {
    if (a === null) w.int32(-1);
    else w.int32(a.length).bytes(a);
  }
  w.int16(msg.resultFormat).endMessage();
}
