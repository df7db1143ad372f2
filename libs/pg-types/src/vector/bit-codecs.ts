// PostgreSQL's bit(n) (OID 1560) and bit varying (1562): text `101` (also `B101` / `X1F`
// as bit_in accepts them) and binary `int32 bit length | ceil(len/8) bytes`, most significant
// bit first, pad bits zero. The JS value is a BitString (vector/values.ts).
// @see https://github.com/postgres/postgres/blob/REL_15_STABLE/src/backend/utils/adt/varbit.c
import { SQLSTATE, SqlError, invalidBinary, invalidText, programLimitExceeded } from '@vecgres/errors';
import type { TypeCodec } from '../codec';
import { PG_TYPES, type PgTypeInfo } from '../oids';
import { arrayCodec } from '../codecs/array';
import type { PgArray } from '../array/pg-array';
import { BitString } from './values';
import { insufficientData, trailingBytes } from './vector-errors';

/** VARBITMAXLEN: INT_MAX - BITS_PER_BYTE + 1. */
export const VARBIT_MAX_LEN = 2147483640;

export type BitKind = 'bit' | 'varbit';

/** The typmod checks of bit_in / bit_recv (exact length) and varbit_in / varbit_recv (maximum). */
export function checkBitTypmod(kind: BitKind, bitlen: number, typmod: number): void {
  if (typmod <= 0) return;
  if (kind === 'bit' && bitlen !== typmod) {
    throw new SqlError(SQLSTATE.STRING_DATA_LENGTH_MISMATCH, `bit string length ${bitlen} does not match type bit(${typmod})`);
  }
  if (kind === 'varbit' && bitlen > typmod) {
    throw new SqlError(SQLSTATE.STRING_DATA_RIGHT_TRUNCATION, `bit string too long for type bit varying(${typmod})`);
  }
}

/** bit_in / varbit_in. `typmod` -1 (none) unless the caller knows the column's. */
export function parseBitString(text: string, kind: BitKind = 'varbit', typmod = -1): BitString {
  let hex = false;
  let sp = 0;
  if (text[0] === 'b' || text[0] === 'B') sp = 1;
  else if (text[0] === 'x' || text[0] === 'X') {
    hex = true;
    sp = 1;
  }
  const chars = [...text.slice(sp)];
  if (hex && chars.length > VARBIT_MAX_LEN / 4) {
    throw programLimitExceeded(`bit string length exceeds the maximum allowed (${VARBIT_MAX_LEN})`);
  }
  const bitlen = hex ? chars.length * 4 : chars.length;
  checkBitTypmod(kind, bitlen, typmod);
  const bytes = new Uint8Array((bitlen + 7) >> 3);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (!hex) {
      if (c === '1') bytes[i >> 3] |= 0x80 >> (i & 7);
      else if (c !== '0') throw invalidText(`"${c}" is not a valid binary digit`);
      continue;
    }
    const d = /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1;
    if (d < 0) throw invalidText(`"${c}" is not a valid hexadecimal digit`);
    bytes[i >> 1] |= (i & 1) === 0 ? d << 4 : d;
  }
  return new BitString(bitlen, bytes);
}

/** bit_out / varbit_out. */
export function formatBitString(v: BitString): string {
  let s = '';
  for (let i = 0; i < v.length; i++) s += v.bit(i) ? '1' : '0';
  return s;
}

/** bit_send / varbit_send. */
export function encodeBitString(v: BitString): Buffer {
  const n = (v.length + 7) >> 3;
  const b = Buffer.alloc(4 + n);
  b.writeInt32BE(v.length, 0);
  for (let i = 0; i < n; i++) b[4 + i] = v.bytes[i] ?? 0;
  return b;
}

/** bit_recv / varbit_recv: pad bits of the last byte are cleared (VARBIT_PAD). */
export function decodeBitString(data: Buffer, kind: BitKind = 'varbit', typmod = -1): BitString {
  if (data.length < 4) throw insufficientData();
  const bitlen = data.readInt32BE(0);
  if (bitlen < 0 || bitlen > VARBIT_MAX_LEN) throw invalidBinary('invalid length in external bit string');
  checkBitTypmod(kind, bitlen, typmod);
  const n = (bitlen + 7) >> 3;
  if (data.length < 4 + n) throw insufficientData();
  if (data.length !== 4 + n) throw trailingBytes();
  const bytes = new Uint8Array(data.subarray(4, 4 + n));
  if (bitlen & 7) bytes[n - 1] &= (0xff << (8 - (bitlen & 7))) & 0xff;
  return new BitString(bitlen, bytes);
}

function bitCodec(type: PgTypeInfo, kind: BitKind): TypeCodec<BitString> {
  return {
    type,
    toText: (v) => formatBitString(v),
    fromText: (text) => parseBitString(text, kind),
    toBinary: (v) => encodeBitString(v),
    fromBinary: (data) => decodeBitString(data, kind),
  };
}

export const bitCodecs: { bit: TypeCodec<BitString>; varbit: TypeCodec<BitString> } = {
  bit: bitCodec(PG_TYPES.bit, 'bit'),
  varbit: bitCodec(PG_TYPES.varbit, 'varbit'),
};

/** bit, varbit and their array types _bit (1561) and _varbit (1563). */
export function bitStringCodecs(): Array<TypeCodec<BitString> | TypeCodec<PgArray<BitString>>> {
  return [
    bitCodecs.bit,
    bitCodecs.varbit,
    arrayCodec({ oid: 1561, name: '_bit', typlen: -1, elementOid: 1560 }, bitCodecs.bit),
    arrayCodec({ oid: 1563, name: '_varbit', typlen: -1, elementOid: 1562 }, bitCodecs.varbit),
  ];
}
