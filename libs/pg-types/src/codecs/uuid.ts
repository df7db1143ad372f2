// uuid: the value is the lowercase canonical string `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
// Input follows string_to_uuid: upper or lower case hex, optional braces, hyphens allowed after
// any group of four hex digits, nothing else (no surrounding whitespace). Binary is the 16 bytes.
// @see https://www.postgresql.org/docs/16/datatype-uuid.html
import type { TypeCodec } from '../codec';
import { expectBinaryLength, invalidInputSyntax } from '../errors';
import { PG_TYPES } from '../oids';

const HEX = /^[0-9a-fA-F]$/;

function format(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** string_to_uuid: the 16 bytes of a uuid literal. */
export function uuidBytes(text: string): Buffer {
  const out = Buffer.alloc(16);
  let i = 0;
  const braces = text[0] === '{';
  if (braces) i++;
  for (let b = 0; b < 16; b++) {
    const hi = text[i];
    const lo = text[i + 1];
    if (hi === undefined || lo === undefined || !HEX.test(hi) || !HEX.test(lo)) throw invalidInputSyntax('uuid', text);
    out[b] = parseInt(hi + lo, 16);
    i += 2;
    if (text[i] === '-' && b % 2 === 1 && b < 15) i++;
  }
  if (braces) {
    if (text[i] !== '}') throw invalidInputSyntax('uuid', text);
    i++;
  }
  if (i !== text.length) throw invalidInputSyntax('uuid', text);
  return out;
}

/** uuid_in: the canonical lowercase form. */
export function parseUuid(text: string): string {
  return format(uuidBytes(text));
}

export const uuidCodec: TypeCodec<string> = {
  type: PG_TYPES.uuid,
  toText: (value) => value,
  fromText: parseUuid,
  toBinary: (value) => uuidBytes(value),
  fromBinary(data) {
    expectBinaryLength(data, 16, 'uuid');
    return format(data);
  },
};
