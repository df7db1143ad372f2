// float4 / float8. Text input mirrors float8in/float4in (strtod/strtof plus PostgreSQL's own
// spellings of NaN and Infinity, surrounding whitespace allowed, overflow and underflow to zero
// rejected with 22003); output per float-format.ts; binary is IEEE 754 big-endian.
// @see https://www.postgresql.org/docs/16/datatype-numeric.html#DATATYPE-FLOAT
import type { TypeCodec } from '../codec';
import { expectBinaryLength, floatOutOfRange, invalidInputSyntax } from '../errors';
import { PG_TYPES } from '../oids';
import { formatFloat4, formatFloat8 } from './float-format';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
const HAS_NONZERO_DIGIT = /[1-9]/;

/** Parses float text as a double; `sqlName` picks the error wording. */
function parseFloatText(text: string, sqlName: string, float4: boolean): number {
  const trimmed = text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  const sp = SPECIAL.exec(trimmed);
  if (sp) {
    if (sp[2]!.toLowerCase() === 'nan') return NaN;
    return sp[1] === '-' ? -Infinity : Infinity;
  }
  if (!DECIMAL.test(trimmed)) throw invalidInputSyntax(sqlName, text);
  const v = Number(trimmed);
  const mantissa = trimmed.replace(/e.*$/i, '');
  const narrowed = float4 ? Math.fround(v) : v;
  if (!Number.isFinite(narrowed) || (narrowed === 0 && HAS_NONZERO_DIGIT.test(mantissa))) {
    throw floatOutOfRange(sqlName, trimmed);
  }
  return narrowed;
}

export const float8Codec: TypeCodec<number> = {
  type: PG_TYPES.float8,
  toText: (value, options) => formatFloat8(value, options?.extraFloatDigits ?? 1),
  fromText: (text) => parseFloatText(text, 'double precision', false),
  toBinary(value) {
    const b = Buffer.allocUnsafe(8);
    b.writeDoubleBE(value);
    return b;
  },
  fromBinary(data) {
    expectBinaryLength(data, 8, 'float8');
    return data.readDoubleBE(0);
  },
};

export const float4Codec: TypeCodec<number> = {
  type: PG_TYPES.float4,
  toText: (value, options) => formatFloat4(Math.fround(value), options?.extraFloatDigits ?? 1),
  fromText: (text) => parseFloatText(text, 'real', true),
  toBinary(value) {
    const b = Buffer.allocUnsafe(4);
    b.writeFloatBE(value);
    return b;
  },
  fromBinary(data) {
    expectBinaryLength(data, 4, 'float4');
    return data.readFloatBE(0);
  },
};
