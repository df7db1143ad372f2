// int2 / int4 / int8: text input follows PostgreSQL 16's pg_strtoint{16,32,64}_safe (surrounding
// whitespace, a sign, decimal digits or 0x/0o/0b prefixes, `_` between digits); binary is the
// big-endian two's complement value.
// @see https://www.postgresql.org/docs/16/datatype-numeric.html#DATATYPE-INT
import type { TypeCodec } from '../codec';
import { expectBinaryLength, integerOutOfRange, invalidInputSyntax } from '../errors';
import { PG_TYPES, type PgTypeInfo } from '../oids';

const SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);

const RADIX_DIGITS: Record<number, RegExp> = {
  2: /^[01]$/,
  8: /^[0-7]$/,
  10: /^[0-9]$/,
  16: /^[0-9a-fA-F]$/,
};

/**
 * Parses PostgreSQL integer text into a bigint, or returns null on a syntax error. Range checks
 * are the caller's (they differ per type, and PostgreSQL reports syntax before range).
 */
export function parseIntegerText(text: string): bigint | null {
  let i = 0;
  const n = text.length;
  while (i < n && SPACE.has(text[i]!)) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  let radix = 10;
  if (text[i] === '0' && i + 1 < n) {
    const p = text[i + 1]!.toLowerCase();
    radix = p === 'x' ? 16 : p === 'o' ? 8 : p === 'b' ? 2 : 10;
    if (radix !== 10) i += 2;
  }
  const isDigit = RADIX_DIGITS[radix]!;
  const first = i;
  let digits = '';
  while (i < n) {
    const c = text[i]!;
    if (isDigit.test(c)) {
      digits += c;
      i++;
    } else if (c === '_' && (radix !== 10 || i !== first)) {
      // An underscore must sit between digits (after a prefix it may lead).
      i++;
      if (i >= n || !isDigit.test(text[i]!)) return null;
    } else {
      break;
    }
  }
  if (digits.length === 0) return null;
  while (i < n && SPACE.has(text[i]!)) i++;
  if (i !== n) return null;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  const magnitude = BigInt(prefix + digits);
  return negative ? -magnitude : magnitude;
}

interface IntSpec {
  type: PgTypeInfo;
  bytes: 2 | 4 | 8;
  min: bigint;
  max: bigint;
}

function parseChecked(spec: IntSpec, text: string): bigint {
  const name = spec.type.sqlName ?? spec.type.name;
  const v = parseIntegerText(text);
  if (v === null) throw invalidInputSyntax(name, text);
  if (v < spec.min || v > spec.max) throw integerOutOfRange(name, text);
  return v;
}

function smallIntCodec(spec: IntSpec): TypeCodec<number> {
  const name = spec.type.name;
  const min = Number(spec.min);
  const max = Number(spec.max);
  const check = (value: number): number => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw integerOutOfRange(spec.type.sqlName ?? name, String(value));
    }
    return value;
  };
  return {
    type: spec.type,
    toText: (value) => String(check(value)),
    fromText: (text) => Number(parseChecked(spec, text)),
    toBinary(value) {
      const b = Buffer.allocUnsafe(spec.bytes);
      if (spec.bytes === 2) b.writeInt16BE(check(value));
      else b.writeInt32BE(check(value));
      return b;
    },
    fromBinary(data) {
      expectBinaryLength(data, spec.bytes, name);
      return spec.bytes === 2 ? data.readInt16BE(0) : data.readInt32BE(0);
    },
  };
}

export const int2Codec: TypeCodec<number> = smallIntCodec({
  type: PG_TYPES.int2,
  bytes: 2,
  min: -32768n,
  max: 32767n,
});

export const int4Codec: TypeCodec<number> = smallIntCodec({
  type: PG_TYPES.int4,
  bytes: 4,
  min: -2147483648n,
  max: 2147483647n,
});

const INT8: IntSpec = {
  type: PG_TYPES.int8,
  bytes: 8,
  min: -9223372036854775808n,
  max: 9223372036854775807n,
};

function checkInt8(value: bigint): bigint {
  if (value < INT8.min || value > INT8.max) throw integerOutOfRange('bigint', String(value));
  return value;
}

export const int8Codec: TypeCodec<bigint> = {
  type: PG_TYPES.int8,
  toText: (value) => String(checkInt8(value)),
  fromText: (text) => parseChecked(INT8, text),
  toBinary(value) {
    const b = Buffer.allocUnsafe(8);
    b.writeBigInt64BE(checkInt8(value));
    return b;
  },
  fromBinary(data) {
    expectBinaryLength(data, 8, 'int8');
    return data.readBigInt64BE(0);
  },
};
