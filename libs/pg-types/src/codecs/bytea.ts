// bytea: output in the hex format (bytea_output = hex, the default): `\x` + lowercase hex.
// Input accepts the hex format (whitespace between digit pairs allowed) and the escape format
// (`\\` for a backslash, `\ooo` octal, other bytes literal). Binary is the raw bytes.
// @see https://www.postgresql.org/docs/16/datatype-binary.html
import type { TypeCodec } from '../codec';
import { invalidParameterValue, invalidText } from '../errors';
import { PG_TYPES } from '../oids';

const HEX = /^[0-9a-fA-F]$/;
const SPACE = new Set([' ', '\t', '\n', '\r']);

function decodeHex(text: string): Buffer {
  const out: number[] = [];
  let i = 2;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.has(c)) {
      i++;
      continue;
    }
    if (!HEX.test(c)) throw invalidParameterValue(`invalid hexadecimal digit: "${c}"`);
    const d = text[i + 1];
    if (d === undefined) throw invalidParameterValue('invalid hexadecimal data: odd number of digits');
    if (!HEX.test(d)) throw invalidParameterValue(`invalid hexadecimal digit: "${d}"`);
    out.push(parseInt(c + d, 16));
    i += 2;
  }
  return Buffer.from(out);
}

function decodeEscape(text: string): Buffer {
  const src = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(src.length);
  let n = 0;
  for (let i = 0; i < src.length; ) {
    const b = src[i]!;
    if (b !== 0x5c) {
      out[n++] = b;
      i++;
    } else if (src[i + 1] === 0x5c) {
      out[n++] = 0x5c;
      i += 2;
    } else if (
      i + 3 < src.length &&
      src[i + 1]! >= 0x30 && src[i + 1]! <= 0x33 &&
      src[i + 2]! >= 0x30 && src[i + 2]! <= 0x37 &&
      src[i + 3]! >= 0x30 && src[i + 3]! <= 0x37
    ) {
      out[n++] = ((src[i + 1]! - 0x30) << 6) | ((src[i + 2]! - 0x30) << 3) | (src[i + 3]! - 0x30);
      i += 4;
    } else {
      throw invalidText('invalid input syntax for type bytea');
    }
  }
  return Buffer.from(out.subarray(0, n));
}

export const byteaCodec: TypeCodec<Buffer> = {
  type: PG_TYPES.bytea,
  toText: (value) => `\\x${value.toString('hex')}`,
  fromText: (text) => (text.startsWith('\\x') ? decodeHex(text) : decodeEscape(text)),
  toBinary: (value) => Buffer.from(value),
  fromBinary: (data) => Buffer.from(data),
};
