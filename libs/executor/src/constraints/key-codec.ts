// Keys of unique indexes and foreign keys: a row's values on some columns -> one string that is
// equal exactly when PostgreSQL's btree equality would call the values equal (so a hash map can
// stand in for the index), and the `(a, b)=(1, x)` text PostgreSQL prints in DETAILs
// (BuildIndexValueDescription: column names, then each value through its output function).
import type { CodecRegistry } from '@vecgres/pg-types';
import type { TypeRef } from '@vecgres/planner';
import type { Row } from '../exec/exec-context';

const NUMERIC = 1700;
const BPCHAR = 1042;
const FLOATS = new Set([700, 701]);

/** Canonical text of a numeric value: 1.50 and 1.5 are equal in numeric's btree. */
function canonicalNumeric(s: string): string {
  if (s === 'NaN' || s === 'Infinity' || s === '-Infinity') return s;
  let t = s.trim();
  let neg = false;
  if (t.startsWith('-')) { neg = true; t = t.slice(1); } else if (t.startsWith('+')) t = t.slice(1);
  let [int, frac = ''] = t.split('.');
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

function part(v: unknown, oid: number): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Object.is(v, -0)) return '0';
    // NaN = NaN in PostgreSQL's float btree, so it keys like any value.
    return FLOATS.has(oid) && Number.isNaN(v) ? 'NaN' : String(v);
  }
  if (typeof v === 'string') {
    if (oid === NUMERIC) return canonicalNumeric(v);
    if (oid === BPCHAR) return v.replace(/ +$/, '');
    return v;
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v as Uint8Array).toString('hex');
  if (v instanceof Date) return String(v.getTime());
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/**
 * The hash key of `values` (one per key column, typed by `types`), or null when a NULL makes
 * the key unable to conflict (NULLS DISTINCT) or to reference anything.
 */
export function keyString(values: readonly unknown[], types: readonly TypeRef[], nullsNotDistinct = false): string | null {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      if (!nullsNotDistinct) return null;
      parts.push('\u0000N');
      continue;
    }
    // JSON-quoted so that separators inside values cannot make two keys collide.
    parts.push(JSON.stringify(part(v, types[i].oid)));
  }
  return parts.join(',');
}

/** `(a, b)=(1, x)`: PostgreSQL's key description for unique and foreign-key DETAILs. */
export function describeKey(codecs: CodecRegistry, names: readonly string[], values: readonly unknown[], types: readonly TypeRef[]): string {
  const texts = values.map((v, i) => {
    if (v === null || v === undefined) return 'null';
    const codec = codecs.get(types[i].oid);
    return codec ? codec.toText(v) : String(v);
  });
  return `(${names.join(', ')})=(${texts.join(', ')})`;
}

/** Picks the values of `attnums` out of a row laid out as `columns`. */
export function pick(row: Row, positions: readonly number[]): unknown[] {
  return positions.map((p) => row[p]);
}

/** Row positions of `attnums` in a column list (attnum order). */
export function positionsOf(columns: ReadonlyArray<{ attnum: number }>, attnums: readonly number[]): number[] {
  return attnums.map((a) => columns.findIndex((c) => c.attnum === a));
}
