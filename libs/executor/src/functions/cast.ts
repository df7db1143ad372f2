// Casts: pg_cast function casts by impl key, I/O conversion casts through pg-types codecs
// (output of the source type, input of the target), and length/precision coercion for typmods
// (varchar(n), char(n), numeric(p,s)) with PostgreSQL's errors and its rule that an explicit
// cast truncates silently while an assignment raises 22001.
import { SQLSTATE, SqlError, numericOutOfRange } from '@vecgres/errors';
import { BitString, type CodecRegistry } from '@vecgres/pg-types';
import { decRound, decToBigInt, decToString, parseDec } from './decimal';
import { roundHalfEven } from './float';
import type { FunctionTable, ScalarFn } from './function-table';
import { fitInt } from './int';
import { scaleInterval, scaleTimestamp } from './datetime-make';

function floatToInt(w: 2 | 4 | 8) {
  return (a: number) => {
    if (Number.isNaN(a) || !Number.isFinite(a)) throw numericOutOfRange(w === 2 ? 'smallint out of range' : w === 4 ? 'integer out of range' : 'bigint out of range');
    return fitInt(BigInt(roundHalfEven(a)), w);
  };
}

function numericToInt(w: 2 | 4 | 8) {
  return (a: string) => {
    if (a === 'NaN') throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `cannot convert NaN to ${w === 2 ? 'smallint' : w === 4 ? 'integer' : 'bigint'}`);
    return fitInt(decToBigInt(parseDec(a)), w);
  };
}

/** float -> numeric text: the shortest round-trip digits (PostgreSQL uses %.15g / %.6g). */
function floatToNumeric(digits: number) {
  return (a: number) => {
    if (Number.isNaN(a)) return 'NaN';
    if (!Number.isFinite(a)) throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'cannot convert infinity to numeric');
    const s = Number(a.toPrecision(digits)).toString();
    if (!/e/i.test(s)) return s;
    return decToString(parseFixed(Number(a.toPrecision(digits))));
  };
}

function parseFixed(x: number): { d: bigint; s: number } {
  const [m, e] = x.toExponential().split('e');
  const exp = Number(e);
  const [i, f = ''] = m.replace('-', '').split('.');
  const digits = BigInt(i + f) * (x < 0 ? -1n : 1n);
  const scale = f.length - exp;
  return scale >= 0 ? { d: digits, s: scale } : { d: digits * 10n ** BigInt(-scale), s: 0 };
}

export const CAST_FUNCTIONS: FunctionTable = {
  int48: (a: number) => BigInt(a),
  int28: (a: number) => BigInt(a),
  i2toi4: (a: number) => a,
  int84: (a: bigint) => fitInt(BigInt(a), 4),
  int82: (a: bigint) => fitInt(BigInt(a), 2),
  i4toi2: (a: number) => fitInt(BigInt(a), 2),
  i4tof: (a: number) => Math.fround(a),
  i4tod: (a: number) => a,
  i2tof: (a: number) => a,
  i2tod: (a: number) => a,
  i8tof: (a: bigint) => Math.fround(Number(a)),
  i8tod: (a: bigint) => Number(a),
  ftod: (a: number) => a,
  dtof: (a: number) => {
    const r = Math.fround(a);
    if (!Number.isFinite(r) && Number.isFinite(a)) throw numericOutOfRange('value out of range: overflow');
    return r;
  },
  ftoi2: floatToInt(2), ftoi4: floatToInt(4), ftoi8: floatToInt(8),
  dtoi2: floatToInt(2), dtoi4: floatToInt(4), dtoi8: floatToInt(8),
  int2_numeric: (a: number) => String(a),
  int4_numeric: (a: number) => String(a),
  int8_numeric: (a: bigint) => a.toString(),
  float4_numeric: floatToNumeric(6),
  float8_numeric: floatToNumeric(15),
  numeric_int2: numericToInt(2), numeric_int4: numericToInt(4), numeric_int8: numericToInt(8),
  numeric_float4: (a: string) => Math.fround(Number(a)),
  numeric_float8: (a: string) => Number(a),
  int4_bool: (a: number) => a !== 0,
  bool_int4: (a: boolean) => (a ? 1 : 0),
  booltext: (a: boolean) => (a ? 'true' : 'false'),
  rtrim1: (a: string) => a.replace(/ +$/, ''),
  text_name: (a: string) => a,
  name_text: (a: string) => a,
  bpchar_name: (a: string) => a.replace(/ +$/, ''),
  char_text: (a: string) => a,
  text_char: (a: string) => [...a][0] ?? '',
  i8tooid: (a: bigint) => Number(a),
  oidtoi8: (a: number) => BigInt(a),
};

/** An I/O conversion cast: source value -> text -> target value. */
export function ioCast(codecs: CodecRegistry, source: number, target: number): ScalarFn {
  const out = codecs.get(source);
  const inp = codecs.get(target);
  if (!out || !inp) {
    throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `conversion from type ${source} to type ${target} is not supported yet`);
  }
  return (v: unknown) => inp.fromText(out.toText(v));
}

const VARHDRSZ = 4;

/**
 * Length / precision coercion to `typmod`. `explicit`: a cast (`x::varchar(3)` truncates);
 * otherwise an assignment (22001 unless only spaces are cut). Returns undefined for types
 * without a typmod rule (the value passes unchanged).
 */
export function typmodCoercion(oid: number, typmod: number, explicit: boolean): ((v: any) => unknown) | undefined {
  if (typmod < 0) return undefined;
  if (oid === 1043 || oid === 1042) {
    const n = typmod - VARHDRSZ;
    const label = oid === 1043 ? `character varying(${n})` : `character(${n})`;
    return (v: string) => {
      const cps = [...v];
      if (cps.length > n) {
        if (!explicit && cps.slice(n).some((c) => c !== ' ')) {
          throw new SqlError(SQLSTATE.STRING_DATA_RIGHT_TRUNCATION, `value too long for type ${label}`);
        }
        return cps.slice(0, n).join('');
      }
      return oid === 1042 ? v + ' '.repeat(n - cps.length) : v;
    };
  }
  // timestamp(p) / timestamptz(p) / time(p) / timetz(p) / interval(...): fractional seconds
  // rounded to the precision (AdjustTimestampForTypmod / AdjustIntervalForTypmod).
  if (oid === 1114 || oid === 1184 || oid === 1083) return (v: bigint) => scaleTimestamp(v, typmod);
  if (oid === 1266) return (v: { micros: bigint; offset: number }) => ({ ...v, micros: scaleTimestamp(v.micros, typmod) });
  if (oid === 1186) return (v: Parameters<typeof scaleInterval>[0]) => scaleInterval(v, typmod);
  if (oid === 1700) {
    const precision = ((typmod - VARHDRSZ) >> 16) & 0xffff;
    const scale = (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
    return (v: string) => {
      if (v === 'NaN') return v;
      const r = decRound(parseDec(v), scale);
      const digits = (r.d < 0n ? -r.d : r.d).toString();
      const intDigits = r.d === 0n ? 0 : Math.max(digits.length - r.s, 0);
      if (intDigits > precision - scale) {
        throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, 'numeric field overflow', {
          detail: `A field with precision ${precision}, scale ${scale} must round to an absolute value less than ${scale >= precision ? '1' : `10^${precision - scale}`}.`,
        });
      }
      return decToString(r);
    };
  }
  if (oid === 1560 || oid === 1562) return bitLengthCoercion(oid === 1560, typmod, explicit);
  return undefined;
}

/** bit(n) / varbit(n) (varbit.c bit() and varbit()): explicit casts pad or truncate, others check. */
function bitLengthCoercion(fixed: boolean, n: number, explicit: boolean): (v: BitString) => BitString {
  return (v) => {
    if (v.length === n || (!fixed && v.length < n)) return v;
    if (!explicit) {
      if (fixed) throw new SqlError(SQLSTATE.STRING_DATA_LENGTH_MISMATCH, `bit string length ${v.length} does not match type bit(${n})`);
      throw new SqlError(SQLSTATE.STRING_DATA_RIGHT_TRUNCATION, `bit string too long for type bit varying(${n})`);
    }
    const bytes = new Uint8Array(Math.ceil(n / 8));
    bytes.set(v.bytes.subarray(0, bytes.length));
    if (n % 8 !== 0 && bytes.length > 0) bytes[bytes.length - 1] &= (0xff << (8 - (n % 8))) & 0xff;
    return new BitString(n, bytes);
  };
}
