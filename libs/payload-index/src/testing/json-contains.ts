// A reference for jsonb containment (`a @> b`), written from PostgreSQL's JsonbDeepContains
// (src/backend/utils/adt/jsonb_util.c) and the rules in the docs ("jsonb Containment and
// Existence"): objects contain objects key by key; arrays contain arrays element by element
// (duplicates and order ignored; a scalar element must equal a scalar element at that level, a
// container element must be contained by some element of the same kind); a top-level scalar is
// a one-element "raw scalar" array, so an array contains a bare scalar it has, but a scalar
// never contains an array. Numbers compare by value (canonical spellings).
import { canonicalJsonNumber } from '../json-number';
import { isJsonArray, isJsonNumber, isJsonObject, type JsonTermValue } from '../json-terms';

type Kind = 'object' | 'array' | 'scalar';

function kind(v: JsonTermValue): Kind {
  return isJsonArray(v) ? 'array' : isJsonObject(v) ? 'object' : 'scalar';
}

export function scalarEquals(a: JsonTermValue, b: JsonTermValue): boolean {
  if (isJsonNumber(a) || isJsonNumber(b)) return isJsonNumber(a) && isJsonNumber(b) && canonicalJsonNumber(a.num) === canonicalJsonNumber(b.num);
  return a === b;
}

interface ArrayView {
  elems: readonly JsonTermValue[];
  raw: boolean;
}

function deepContains(a: JsonTermValue, b: JsonTermValue, aRaw = false, bRaw = false): boolean {
  if (kind(a) !== kind(b)) return false;
  if (isJsonObject(a) && isJsonObject(b)) {
    for (const [k, bv] of b) {
      if (!a.has(k)) return false;
      const av = a.get(k)!;
      if (kind(bv) === 'scalar') {
        if (kind(av) !== 'scalar' || !scalarEquals(av, bv)) return false;
      } else if (!deepContains(av, bv)) {
        return false;
      }
    }
    return true;
  }
  if (isJsonArray(a) && isJsonArray(b)) {
    const A: ArrayView = { elems: a, raw: aRaw };
    const B: ArrayView = { elems: b, raw: bRaw };
    if (A.raw && !B.raw) return false;
    for (const be of B.elems) {
      if (kind(be) === 'scalar') {
        if (!A.elems.some((ae) => kind(ae) === 'scalar' && scalarEquals(ae, be))) return false;
      } else if (!A.elems.some((ae) => kind(ae) === kind(be) && deepContains(ae, be))) {
        return false;
      }
    }
    return true;
  }
  return false;
}

/** `doc @> q` with PostgreSQL's jsonb semantics. */
export function jsonContains(doc: JsonTermValue, q: JsonTermValue): boolean {
  const dRaw = kind(doc) === 'scalar';
  const qRaw = kind(q) === 'scalar';
  return deepContains(dRaw ? [doc] : doc, qRaw ? [q] : q, dRaw, qRaw);
}

/** Shorthand for building test documents: plain JS objects -> Maps, numbers -> { num }. */
export function j(v: unknown): JsonTermValue {
  if (v !== null && typeof v === 'object' && typeof (v as { num?: unknown }).num === 'string') return v as { num: string };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return { num: String(v) };
  if (Array.isArray(v)) return v.map(j);
  return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, j(x)]));
}
