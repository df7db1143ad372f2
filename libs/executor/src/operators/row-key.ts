// Hash keys for grouping, DISTINCT, set operations and hash joins: a string equal for values
// PostgreSQL's equality calls equal within one type (numeric 1.0 = 1.00, bpchar ignores
// trailing spaces, int4 1 = int8 1). NULL has its own key: grouping puts NULLs together, and
// hash joins skip NULL keys before asking.
import type { TypeRef } from '@vecgres/planner';

function normNumeric(s: string): string {
  if (!s.includes('.')) return s.replace(/^-0$/, '0');
  const t = s.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}

export type KeyFn = (v: unknown) => string;

function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'N';
  switch (typeof v) {
    case 'number': return Object.is(v, -0) ? 'n0' : `n${v}`;
    case 'bigint': return `n${v}`;
    case 'string': return `s${v}`;
    case 'boolean': return v ? 't' : 'f';
    default:
      if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('hex')}`;
      if (Array.isArray(v)) return `a[${v.map(valueKey).join(',')}]`;
      return `o${JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))}`;
  }
}

export function keyFnFor(type: TypeRef): KeyFn {
  if (type.oid === 1700) return (v) => (v === null ? 'N' : `n${normNumeric(v as string)}`);
  if (type.oid === 1042) return (v) => (v === null ? 'N' : `s${(v as string).replace(/ +$/, '')}`);
  return valueKey;
}

/** A key over several columns (length-prefixed so that no two column splits collide). */
export function rowKeyFn(types: TypeRef[]): (vals: unknown[]) => string {
  const fns = types.map(keyFnFor);
  if (fns.length === 1) return (vals) => fns[0](vals[0]);
  return (vals) => {
    let k = '';
    for (let i = 0; i < fns.length; i++) {
      const part = fns[i](vals[i]);
      k += `${part.length}:${part}`;
    }
    return k;
  };
}
