// SQL values -> what the payload index structures of libs/payload-index hold, the same function
// at build time (each row's key column) and at query time (the filter's constants):
//   keyword: one canonical string per value, equal exactly when the SQL values are `=`:
//     integers (int2/4/8, number or bigint) `i:<decimal>` (so int4 = int8 compares work),
//     text / varchar `s:<text>` (deterministic collation: `=` is byte equality), bool `b:t|f`,
//     uuid `u:<lowercase>`;
//   range: a float64 key (integers, floats, numeric, date days, timestamp microseconds);
//     exact for |v| <= 2^53 (numeric is always lossy: its rows are rechecked);
//   jsonb: the jsonb tree as libs/payload-index's JsonTermValue (numbers as canonical text).
import type { JsonTermValue } from '@vecgres/payload-index';
import { Jsonb, JsonbNumber, type JsonbValue } from '@vecgres/pg-types';

const INT_TYPES = new Set([21, 23, 20]);
const TEXT_TYPES = new Set([25, 1043]);
const BOOL = 16;
const UUID = 2950;
const NUMERIC = 1700;

/** The keyword family of a type (values of one family compare with each other), or undefined. */
export function keywordFamily(type: number): 'int' | 'text' | 'bool' | 'uuid' | undefined {
  if (INT_TYPES.has(type)) return 'int';
  if (TEXT_TYPES.has(type)) return 'text';
  if (type === BOOL) return 'bool';
  if (type === UUID) return 'uuid';
  return undefined;
}

/** The range family of a type (comparisons across one family are numeric), or undefined. */
export function rangeFamily(type: number): 'num' | 'date' | 'timestamp' | 'timestamptz' | undefined {
  if (INT_TYPES.has(type) || type === 700 || type === 701 || type === NUMERIC) return 'num';
  if (type === 1082) return 'date';
  if (type === 1114) return 'timestamp';
  if (type === 1184) return 'timestamptz';
  return undefined;
}

/** The canonical term of a non-NULL value of keyword family `family`, or undefined (not representable). */
export function keywordTerm(family: 'int' | 'text' | 'bool' | 'uuid', v: unknown): string | undefined {
  switch (family) {
    case 'int':
      if (typeof v === 'bigint') return `i:${v.toString()}`;
      if (typeof v === 'number' && Number.isInteger(v)) return `i:${Object.is(v, -0) ? 0 : v}`;
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return `i:${BigInt(v).toString()}`;
      return undefined;
    case 'text':
      return typeof v === 'string' ? `s:${v}` : undefined;
    case 'bool':
      return typeof v === 'boolean' ? (v ? 'b:t' : 'b:f') : undefined;
    case 'uuid':
      return typeof v === 'string' ? `u:${v.toLowerCase()}` : undefined;
  }
}

/** The range key of a non-NULL value, or null (not a number: absent from the range index). */
export function rangeKey(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isNaN(n) && v.trim().toLowerCase() !== 'nan' ? null : n;
  }
  if (v && typeof v === 'object' && 'toString' in v) {
    const n = Number(String(v));
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

/** True when `v`'s range key is exactly its value (no rounding). */
export function rangeKeyExact(v: unknown, type: number): boolean {
  if (type === NUMERIC) return false;
  // Strictly inside +-2^53: a stored int8 beyond it rounds onto 2^53 (2^53 + 1 -> 2^53), so a
  // strict bound AT 2^53 would drop it; inside, rounding never crosses the bound.
  if (typeof v === 'bigint') return v < 9007199254740992n && v > -9007199254740992n;
  if (typeof v === 'number') return !Number.isNaN(v);
  return false;
}

function toTermValue(v: JsonbValue): JsonTermValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof JsonbNumber) return { num: v.value };
  if (Array.isArray(v)) return v.map(toTermValue);
  const out = new Map<string, JsonTermValue>();
  for (const [k, x] of v as ReadonlyMap<string, JsonbValue>) out.set(k, toTermValue(x));
  return out;
}

/** A jsonb datum as a JsonTermValue, or undefined when `v` is not one. */
export function jsonTermValue(v: unknown): JsonTermValue | undefined {
  return v instanceof Jsonb ? toTermValue(v.root) : undefined;
}
