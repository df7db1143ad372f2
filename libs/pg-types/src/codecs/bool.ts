// bool: boolin accepts (case-insensitively, with surrounding whitespace) any unique prefix of
// true/false/yes/no, on/off (at least two letters), and 1/0; output is `t`/`f`; binary is one
// byte 0/1 (boolrecv treats any non-zero byte as true).
// @see https://www.postgresql.org/docs/16/datatype-boolean.html
import type { TypeCodec } from '../codec';
import { expectBinaryLength, invalidInputSyntax } from '../errors';
import { PG_TYPES } from '../oids';

function parseBool(text: string): boolean | null {
  const s = text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '').toLowerCase();
  if (s.length === 0) return null;
  if ('true'.startsWith(s) || 'yes'.startsWith(s) || s === '1') return true;
  if ('false'.startsWith(s) || s === 'no' || s === 'n' || s === '0') return false;
  if (s.length >= 2) {
    if ('on'.startsWith(s)) return true;
    if ('off'.startsWith(s)) return false;
  }
  return null;
}

export const boolCodec: TypeCodec<boolean> = {
  type: PG_TYPES.bool,
  toText: (value) => (value ? 't' : 'f'),
  fromText(text) {
    const v = parseBool(text);
    if (v === null) throw invalidInputSyntax('boolean', text);
    return v;
  },
  toBinary: (value) => Buffer.from([value ? 1 : 0]),
  fromBinary(data) {
    expectBinaryLength(data, 1, 'bool');
    return data[0] !== 0;
  },
};
