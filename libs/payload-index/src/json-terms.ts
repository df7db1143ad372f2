// jsonb -> index terms, for GIN-style indexes over jsonb columns (PostgreSQL docs, "jsonb
// Indexing"). Pure functions over a plain model so this library stays SQL-free: the executor
// converts its jsonb values to JsonTermValue. Numbers may come in any spelling ("1.0", "1",
// "10e-1"): jsonb compares them by value, so every term spells them canonically
// (canonicalJsonNumber, json-number.ts) and equal values always share a term.
//
// jsonb_path_ops: one term per scalar leaf, naming the object keys on the way from the root and
//   the leaf: `p:<path>=<leaf>`. Array levels add nothing to the path (as PostgreSQL hashes it),
//   which is what makes {"a":[1,2]} @> {"a":[1]} and ["x","y"] @> "x" findable.
// jsonb_ops: `k:<key>` for every object key at every level and `v:<leaf>` for every scalar,
//   except that string array elements (and a top-level string) are emitted as `k:` like
//   PostgreSQL does, so `?` (key exists, which also matches string array elements) can use them.
//
// Containment `col @> q` needs every term of q in col (both extractions are monotone under
// jsonb containment), so the AND of q's terms is a superset of the matches; the executor
// rechecks @> on the candidates as GIN's consistent function does. A q with no terms ({}, [],
// {"a":{}} for path_ops) yields [], meaning every row is a candidate.
//
// Encodings (unambiguous; identical at build and query time):
//   leaf   null | true | false | s:<string> | n:<canonical number> (n:<text> if not a number)
//   path   one `.<key>` per object level, with `\` `.` `=` in keys escaped by `\`; the root is ''
//          (so {"": 1} has path `.` and differs from the top-level scalar 1)

import { canonicalJsonNumber } from './json-number';

/** A jsonb value: objects are Maps (key order irrelevant), numbers canonical strings. */
export type JsonTermValue =
  | null
  | boolean
  | string
  | { num: string }
  | readonly JsonTermValue[]
  | ReadonlyMap<string, JsonTermValue>;

/** Scalar jsonb values (leaves). */
export type JsonScalar = null | boolean | string | { num: string };

export function isJsonNumber(v: JsonTermValue): v is { num: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { num?: unknown }).num === 'string';
}

export function isJsonArray(v: JsonTermValue): v is readonly JsonTermValue[] {
  return Array.isArray(v);
}

export function isJsonObject(v: JsonTermValue): v is ReadonlyMap<string, JsonTermValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isJsonNumber(v);
}

/** The leaf encoding of a scalar. */
export function jsonLeaf(v: JsonScalar): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return 's:' + v;
  return 'n:' + (canonicalJsonNumber(v.num) ?? v.num);
}

function escapeKey(k: string): string {
  return k.replace(/[\\.=]/g, (c) => '\\' + c);
}

/** The jsonb_path_ops term of `leaf` reached through object keys `path` (array levels omitted). */
export function jsonPathTerm(path: readonly string[], leaf: JsonScalar): string {
  let p = 'p:';
  for (const k of path) p += '.' + escapeKey(k);
  return p + '=' + jsonLeaf(leaf);
}

/** The jsonb_ops term of an object key (also of a string array element). */
export function jsonOpsKeyTerm(key: string): string {
  return 'k:' + key;
}

/** The jsonb_ops term of a scalar in object-value position (or a non-string array element). */
export function jsonOpsValueTerm(leaf: JsonScalar): string {
  return 'v:' + jsonLeaf(leaf);
}

/** jsonb_path_ops terms of a document, distinct, in first-seen order. */
export function jsonPathTerms(v: JsonTermValue): string[] {
  const out = new Set<string>();
  const walk = (x: JsonTermValue, prefix: string): void => {
    if (isJsonArray(x)) {
      for (const e of x) walk(e, prefix);
    } else if (isJsonObject(x)) {
      for (const [k, val] of x) walk(val, prefix + '.' + escapeKey(k));
    } else {
      out.add(prefix + '=' + jsonLeaf(x));
    }
  };
  walk(v, 'p:');
  return [...out];
}

/** jsonb_ops terms of a document, distinct, in first-seen order. */
export function jsonOpsTerms(v: JsonTermValue): string[] {
  const out = new Set<string>();
  // `element`: x is an array element, or the top-level value (PostgreSQL stores a top-level
  // scalar as a one-element "raw scalar" array).
  const walk = (x: JsonTermValue, element: boolean): void => {
    if (isJsonArray(x)) {
      for (const e of x) walk(e, true);
    } else if (isJsonObject(x)) {
      for (const [k, val] of x) {
        out.add(jsonOpsKeyTerm(k));
        walk(val, false);
      }
    } else if (element && typeof x === 'string') {
      out.add(jsonOpsKeyTerm(x));
    } else {
      out.add(jsonOpsValueTerm(x));
    }
  };
  walk(v, true);
  return [...out];
}

/**
 * Terms every row matching `col @> q` has (AND them for candidates; recheck @> on those).
 * [] means no narrowing: every row is a candidate.
 */
export function containmentTerms(q: JsonTermValue, ops: 'jsonb_path_ops' | 'jsonb_ops'): string[] {
  return ops === 'jsonb_path_ops' ? jsonPathTerms(q) : jsonOpsTerms(q);
}

/**
 * Candidates for "the value at object-key `path` is one of `leaves`" (e.g. `col->'a'->>'b' =
 * 'x'`, where the executor passes the leaves whose text is 'x': the string "x" and, when 'x'
 * reads as a number or boolean, that scalar too). Rows having every `all` term and at least
 * one `any` term are a superset of the matches; the executor rechecks. `any` is empty only
 * when `leaves` is, and then nothing matches.
 */
export function jsonFieldEqualsTerms(
  path: readonly string[],
  leaves: readonly JsonScalar[],
  ops: 'jsonb_path_ops' | 'jsonb_ops',
): { all: string[]; any: string[] } {
  if (ops === 'jsonb_path_ops') return { all: [], any: leaves.map((l) => jsonPathTerm(path, l)) };
  // jsonb_ops: every key on the path is present, and the leaf sits in object-value position
  // (a `v:` term) unless the path is empty (a top-level scalar, emitted like an array element).
  const any = leaves.map((l) => (path.length === 0 && typeof l === 'string' ? jsonOpsKeyTerm(l) : jsonOpsValueTerm(l)));
  return { all: [...new Set(path.map(jsonOpsKeyTerm))], any };
}
