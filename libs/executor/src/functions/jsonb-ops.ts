// jsonb operators over pg-types' tree (Jsonb wrapping null | boolean | string | JsonbNumber |
// array | Map): -> ->> #> #>> (get), @> <@ (containment), ? ?| ?& (existence), || (concat),
// - #- (delete), and the btree order. Ported from PostgreSQL 15's jsonfuncs.c / jsonb_op.c /
// jsonb_util.c, including their quirks:
//   - a top-level scalar behaves as a one-element "raw scalar" array for @> and ?;
//   - ordering: Object > Array > Boolean > Number > String > Null, containers first by size
//     (so an empty top-level array sorts below null), object pairs in storage order.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { Jsonb, JsonbNumber, formatJsonb, isJsonbArray, isJsonbObject, makeJsonbObject, type JsonbValue } from '@vecgres/pg-types';
import { numericCmp } from './numeric';
import { textCmp } from './text';

type Obj = ReadonlyMap<string, JsonbValue>;
type Arr = readonly JsonbValue[];

/** A text[] argument: PgArray (elements), a JS array, or (VARIADIC spread) several strings. */
export function textList(v: unknown): Array<string | null> {
  if (Array.isArray(v)) return v as Array<string | null>;
  const els = (v as { elements?: ReadonlyArray<string | null> }).elements;
  if (els) return [...els];
  throw new Error('expected a text array');
}

/** Text of a jsonb value as ->> prints it: strings unquoted, JSON null as SQL NULL. */
export function jsonbText(v: JsonbValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  return formatJsonb(v);
}

const wrap = (v: JsonbValue | undefined): Jsonb | null => (v === undefined ? null : new Jsonb(v));

/** Array index with PostgreSQL's negative-from-the-end rule; undefined when out of range. */
function arrayIndex(arr: Arr, i: number): number | undefined {
  const idx = i < 0 ? arr.length + i : i;
  return idx >= 0 && idx < arr.length ? idx : undefined;
}

/** Parses a path element as an array subscript (strtol semantics: the whole text, base 10). */
function pathIndex(s: string): number | undefined {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n > 2147483647 || n < -2147483648 ? undefined : n;
}

export function objectField(j: Jsonb, key: string): Jsonb | null {
  return isJsonbObject(j.root) ? wrap((j.root as Obj).get(key)) : null;
}

export function arrayElement(j: Jsonb, i: number): Jsonb | null {
  if (!isJsonbArray(j.root)) return null;
  const idx = arrayIndex(j.root, i);
  return idx === undefined ? null : new Jsonb(j.root[idx]!);
}

/** #> : the value at a path (NULL for a missing step or a NULL path element). */
export function extractPath(j: Jsonb, path: ReadonlyArray<string | null>): JsonbValue | undefined {
  let cur: JsonbValue = j.root;
  for (const step of path) {
    if (step === null) return undefined;
    if (isJsonbObject(cur)) {
      const next = (cur as Obj).get(step);
      if (next === undefined) return undefined;
      cur = next;
    } else if (isJsonbArray(cur)) {
      const i = pathIndex(step);
      const idx = i === undefined ? undefined : arrayIndex(cur, i);
      if (idx === undefined) return undefined;
      cur = cur[idx]!;
    } else {
      return undefined;
    }
  }
  return cur;
}

// ---- ordering ----

const TYPE_RANK = (v: JsonbValue): number => {
  if (v === null) return 0;
  if (typeof v === 'string') return 1;
  if (v instanceof JsonbNumber) return 2;
  if (typeof v === 'boolean') return 3;
  return isJsonbArray(v) ? 4 : 5;
};

function compareValues(a: JsonbValue, b: JsonbValue): number {
  const ra = TYPE_RANK(a);
  const rb = TYPE_RANK(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: return 0;
    case 1: return Math.sign(textCmp(a as string, b as string));
    case 2: return Math.sign(numericCmp((a as JsonbNumber).value, (b as JsonbNumber).value));
    case 3: return a === b ? 0 : a ? 1 : -1;
    case 4: {
      const x = a as Arr;
      const y = b as Arr;
      if (x.length !== y.length) return x.length > y.length ? 1 : -1;
      for (let i = 0; i < x.length; i++) {
        const c = compareValues(x[i]!, y[i]!);
        if (c !== 0) return c;
      }
      return 0;
    }
    default: {
      const x = [...(a as Obj)];
      const y = [...(b as Obj)];
      if (x.length !== y.length) return x.length > y.length ? 1 : -1;
      for (let i = 0; i < x.length; i++) {
        const k = Math.sign(textCmp(x[i]![0], y[i]![0]));
        if (k !== 0) return k;
        const c = compareValues(x[i]![1], y[i]![1]);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
}

const isScalar = (v: JsonbValue): boolean => !isJsonbArray(v) && !isJsonbObject(v);

/** jsonb_cmp: the btree order (top-level scalars are one-element raw arrays). */
export function compareJsonb(a: Jsonb, b: Jsonb): number {
  const sa = isScalar(a.root);
  const sb = isScalar(b.root);
  if (sa && sb) return compareValues(a.root, b.root);
  if (sa !== sb) {
    const arr = (sa ? b.root : a.root);
    if (isJsonbArray(arr)) {
      // Raw scalar vs array: element count decides, else the scalar sorts first.
      const scalarFirst = sa ? -1 : 1;
      if (arr.length !== 1) return arr.length > 1 ? scalarFirst : -scalarFirst;
      if (arr.length === 1) return scalarFirst;
    }
  }
  return compareValues(a.root, b.root);
}

// ---- containment and existence ----

/** JsonbDeepContains: does `a` contain `b` (both at the same nesting level)? */
function contains(a: JsonbValue, b: JsonbValue): boolean {
  if (isJsonbObject(b)) {
    if (!isJsonbObject(a)) return false;
    for (const [k, bv] of b as Obj) {
      const av = (a as Obj).get(k);
      if (av === undefined) return false;
      if (isScalar(bv) || isScalar(av)) {
        if (!isScalar(bv) || !isScalar(av) || compareValues(av, bv) !== 0) return false;
      } else if (isJsonbArray(av) !== isJsonbArray(bv) || !contains(av, bv)) {
        return false;
      }
    }
    return true;
  }
  if (isJsonbArray(b)) {
    if (!isJsonbArray(a)) return false;
    const scalars = a.filter(isScalar);
    const containers = a.filter((x) => !isScalar(x));
    for (const bv of b) {
      if (isScalar(bv)) {
        if (!scalars.some((s) => compareValues(s, bv) === 0)) return false;
      } else if (!containers.some((c) => isJsonbArray(c) === isJsonbArray(bv) && contains(c, bv))) {
        return false;
      }
    }
    return true;
  }
  return isScalar(a) && compareValues(a, b) === 0;
}

/** @> with raw-scalar promotion: `[1,2] @> 1` is true, `1 @> [1]` is false. */
export function jsonbContains(a: Jsonb, b: Jsonb): boolean {
  const ra = isScalar(a.root) ? [a.root] : a.root;
  const rb = isScalar(b.root) ? [b.root] : b.root;
  if (isScalar(b.root) !== isScalar(a.root) && isScalar(a.root)) return false;
  return contains(ra, rb);
}

/** ?: a top-level object key or string array element (a string scalar counts as one). */
export function jsonbExists(j: Jsonb, key: string): boolean {
  const r = j.root;
  if (isJsonbObject(r)) return (r as Obj).has(key);
  if (isJsonbArray(r)) return r.some((e) => e === key);
  return r === key;
}

// ---- concatenation and deletion ----

const asArray = (v: JsonbValue): Arr => (isJsonbArray(v) ? v : [v]);

/** ||: objects merge (right wins), anything else concatenates as arrays. */
export function jsonbConcat(a: Jsonb, b: Jsonb): Jsonb {
  if (isJsonbObject(a.root) && isJsonbObject(b.root)) {
    return new Jsonb(makeJsonbObject([...(a.root as Obj), ...(b.root as Obj)]));
  }
  return new Jsonb([...asArray(a.root), ...asArray(b.root)]);
}

const invalid = (message: string) => new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, message);

/** - text / - text[]: removes keys from an object or equal strings from an array. */
export function jsonbDeleteKeys(j: Jsonb, keys: ReadonlyArray<string | null>): Jsonb {
  const r = j.root;
  if (isScalar(r)) throw invalid('cannot delete from scalar');
  const drop = new Set(keys.filter((k): k is string => k !== null));
  if (isJsonbObject(r)) return new Jsonb(new Map([...(r as Obj)].filter(([k]) => !drop.has(k))));
  return new Jsonb((r as Arr).filter((e) => !(typeof e === 'string' && drop.has(e))));
}

/** - int: removes an array element (negative counts from the end). */
export function jsonbDeleteIndex(j: Jsonb, i: number): Jsonb {
  const r = j.root;
  if (isScalar(r)) throw invalid('cannot delete from scalar');
  if (isJsonbObject(r)) throw invalid('cannot delete from object using integer index');
  const idx = arrayIndex(r as Arr, i);
  return idx === undefined ? j : new Jsonb((r as Arr).filter((_, k) => k !== idx));
}

function notInteger(position: number, text: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_TEXT_REPRESENTATION, `path element at position ${position} is not an integer: "${text}"`);
}

/** #-: removes the value at a path. */
export function jsonbDeletePath(j: Jsonb, path: ReadonlyArray<string | null>): Jsonb {
  if (isScalar(j.root)) throw invalid('cannot delete path in scalar');
  if (path.length === 0) return j;
  const walk = (v: JsonbValue, level: number): JsonbValue => {
    const step = path[level];
    if (step === null || step === undefined) return v;
    const last = level === path.length - 1;
    if (isJsonbObject(v)) {
      const obj = v as Obj;
      if (!obj.has(step)) return v;
      if (last) return new Map([...obj].filter(([k]) => k !== step));
      return new Map([...obj].map(([k, x]) => [k, k === step ? walk(x, level + 1) : x] as const));
    }
    if (isJsonbArray(v)) {
      const i = pathIndex(step);
      if (i === undefined) throw notInteger(level + 1, step);
      const idx = arrayIndex(v, i);
      if (idx === undefined) return v;
      if (last) return v.filter((_, k) => k !== idx);
      return v.map((x, k) => (k === idx ? walk(x, level + 1) : x));
    }
    return v;
  };
  return new Jsonb(walk(j.root, 0));
}

export type SetMode = { kind: 'set'; create: boolean } | { kind: 'insert'; after: boolean };

/**
 * jsonb_set / jsonb_insert (setPath in jsonfuncs.c). A missing key is added only at the last
 * step (create_missing); array subscripts past either end append/prepend.
 */
export function jsonbSetPath(j: Jsonb, path: ReadonlyArray<string | null>, value: JsonbValue, mode: SetMode): Jsonb {
  if (isScalar(j.root)) throw invalid('cannot set path in scalar');
  path.forEach((p, i) => {
    if (p === null) throw invalid(`path element at position ${i + 1} is null`);
  });
  if (path.length === 0) return j;
  const walk = (v: JsonbValue, level: number): JsonbValue => {
    const step = path[level] as string;
    const last = level === path.length - 1;
    if (isJsonbObject(v)) {
      const obj = v as Obj;
      const has = obj.has(step);
      if (last) {
        if (mode.kind === 'insert' && has) {
          throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'cannot replace existing key', {
            hint: 'Try using the function jsonb_set to replace key value.',
          });
        }
        if (!has && mode.kind === 'set' && !mode.create) return v;
        return makeJsonbObject([...obj, [step, value]]);
      }
      if (!has) return v;
      return new Map([...obj].map(([k, x]) => [k, k === step ? walk(x, level + 1) : x] as const));
    }
    if (isJsonbArray(v)) {
      const i = pathIndex(step);
      if (i === undefined) throw notInteger(level + 1, step);
      const n = v.length;
      let idx = i < 0 ? n + i : i;
      if (last) {
        const create = mode.kind === 'insert' || mode.create;
        if (idx < 0) return create ? [value, ...v] : v;
        if (idx >= n) return create ? [...v, value] : v;
        if (mode.kind === 'set') return v.map((x, k) => (k === idx ? value : x));
        if (mode.after) idx++;
        return [...v.slice(0, idx), value, ...v.slice(idx)];
      }
      if (idx < 0 || idx >= n) return v;
      return v.map((x, k) => (k === idx ? walk(x, level + 1) : x));
    }
    return v;
  };
  return new Jsonb(walk(j.root, 0));
}
