// Array functions and operators by impl key (PostgreSQL 15's arrayfuncs.c / array_userfuncs.c):
// array_append / prepend / cat (||), array_length / lower / upper / ndims / dims, cardinality,
// array_remove / replace / position(s), trim_array, array_fill, width_bucket(anyarray),
// @> <@ && and the btree comparisons (array_cmp order). unnest / generate_subscripts are the
// executor's own SRFs (srf.ts).
//
// Values are PgArray (pg-types); a plain JS array (the executor's ARRAY[...] constructor) is
// accepted as a one-dimensional array, nested JS arrays as a multi-dimensional one. Element
// comparison depends on the element type, so functions that compare elements are contextual:
// FunctionContext.argTypes gives the array type and elementComparator picks the type's order.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { Jsonb, PgArray, builtinTypeByOid, compareIntervals, type Interval } from '@vecgres/pg-types';
import { comparatorFor } from './compare';
import { contextual, type FunctionContext } from './extra-context';
import type { FunctionTable } from './function-table';
import { compareJsonb } from './jsonb-ops';
import { numericCmp } from './numeric';
import { textCmp } from './text';

type Cmp = (a: any, b: any) => number;

/** A PgArray from a PgArray or (nested) JS arrays. */
export function toPgArray(v: unknown): PgArray {
  if (v instanceof PgArray) return v;
  const arr = v as unknown[];
  if (arr.length > 0 && Array.isArray(arr[0])) {
    const dims: number[] = [];
    let cur: unknown = arr;
    while (Array.isArray(cur)) { dims.push(cur.length); cur = cur[0]; }
    const flat = (x: unknown, d: number): unknown[] => {
      const a = x as unknown[];
      if (a.length !== dims[d]) {
        throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'multidimensional arrays must have array expressions with matching dimensions');
      }
      return d === dims.length - 1 ? a : a.flatMap((y) => flat(y, d + 1));
    };
    return new PgArray(flat(arr, 0), dims);
  }
  return PgArray.of(arr);
}

/** The three-way comparator of an element type (nulls are handled by the callers). */
export function elementComparator(elemOid: number): Cmp {
  switch (elemOid) {
    case 1700: return numericCmp;
    case 1186: return (a: Interval, b: Interval) => compareIntervals(a, b);
    case 3802: return (a: Jsonb, b: Jsonb) => compareJsonb(a, b);
    case 25: case 1043: case 1042: case 19: case 2950: return textCmp;
    default: break;
  }
  const info = builtinTypeByOid(elemOid);
  if (info?.elementOid !== undefined) return arrayCmp(elementComparator(info.elementOid));
  return info ? comparatorFor(`${info.name}lt`) : comparatorFor('lt');
}

/** The element comparator for the array argument at `index` of the call. */
function cmpOf(ctx: FunctionContext, index = 0): Cmp {
  const arrayOid = ctx.argTypes[index] ?? 0;
  const elem = builtinTypeByOid(arrayOid)?.elementOid;
  return elementComparator(elem ?? arrayOid);
}

/** array_cmp: elements (NULL greatest), then element count, ndims, dims, lower bounds. */
export function arrayCmp(cmp: Cmp): Cmp {
  return (x: unknown, y: unknown) => {
    const a = toPgArray(x);
    const b = toPgArray(y);
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const ea = a.elements[i];
      const eb = b.elements[i];
      if (ea === null && eb === null) continue;
      if (ea === null) return 1;
      if (eb === null) return -1;
      const c = cmp(ea, eb);
      if (c !== 0) return c < 0 ? -1 : 1;
    }
    const num = (p: number, q: number) => (p < q ? -1 : 1);
    if (a.length !== b.length) return num(a.length, b.length);
    if (a.ndim !== b.ndim) return num(a.ndim, b.ndim);
    for (let i = 0; i < a.ndim; i++) if (a.dims[i] !== b.dims[i]) return num(a.dims[i]!, b.dims[i]!);
    for (let i = 0; i < a.ndim; i++) if (a.lowerBounds[i] !== b.lowerBounds[i]) return num(a.lowerBounds[i]!, b.lowerBounds[i]!);
    return 0;
  };
}

/** array_eq: same shape and bounds, elements equal (two NULLs count as equal). */
function arrayEq(cmp: Cmp, x: unknown, y: unknown): boolean {
  const a = toPgArray(x);
  const b = toPgArray(y);
  if (a.ndim !== b.ndim || a.dims.some((d, i) => d !== b.dims[i]) || a.lowerBounds.some((l, i) => l !== b.lowerBounds[i])) return false;
  return a.elements.every((e, i) => {
    const f = b.elements[i];
    return e === null || f === null ? e === f : cmp(e, f) === 0;
  });
}

/** Element equality for position/remove/replace: IS NOT DISTINCT FROM. */
const notDistinct = (cmp: Cmp, a: unknown, b: unknown): boolean => (a === null || b === null ? a === b : cmp(a, b) === 0);

function oneDim(a: PgArray, message: string, code: string = SQLSTATE.FEATURE_NOT_SUPPORTED): void {
  if (a.ndim > 1) throw new SqlError(code as typeof SQLSTATE.FEATURE_NOT_SUPPORTED, message);
}

function appendElement(arr: unknown, elem: unknown, prepend: boolean): PgArray {
  const a = arr === null ? PgArray.of([]) : toPgArray(arr);
  oneDim(a, 'argument must be empty or one-dimensional array', SQLSTATE.DATA_EXCEPTION);
  const els = prepend ? [elem, ...a.elements] : [...a.elements, elem];
  return new PgArray(els, [els.length], [a.ndim === 0 ? 1 : a.lowerBounds[0]!]);
}

function incompatible(detail: string): SqlError {
  return new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'cannot concatenate incompatible arrays', { detail });
}

/** array_cat (||): same-rank arrays concatenate along dimension 1; rank N with N-1 adds a row. */
function arrayCat(x: unknown, y: unknown): PgArray | null {
  if (x === null) return y === null ? null : toPgArray(y);
  if (y === null) return toPgArray(x);
  const a = toPgArray(x);
  const b = toPgArray(y);
  if (a.ndim === 0) return b;
  if (b.ndim === 0) return a;
  if (a.ndim === b.ndim) {
    if (a.dims.slice(1).some((d, i) => d !== b.dims[i + 1])) incompatibleElements();
    return new PgArray([...a.elements, ...b.elements], [a.dims[0]! + b.dims[0]!, ...a.dims.slice(1)], a.lowerBounds);
  }
  if (a.ndim === b.ndim + 1) {
    if (b.dims.some((d, i) => d !== a.dims[i + 1])) incompatibleElements();
    return new PgArray([...a.elements, ...b.elements], [a.dims[0]! + 1, ...a.dims.slice(1)], a.lowerBounds);
  }
  if (b.ndim === a.ndim + 1) {
    if (a.dims.some((d, i) => d !== b.dims[i + 1])) incompatibleElements();
    return new PgArray([...a.elements, ...b.elements], [b.dims[0]! + 1, ...b.dims.slice(1)], b.lowerBounds);
  }
  throw incompatible('Arrays with differing dimensions are not compatible for concatenation.');
}

function incompatibleElements(): never {
  throw incompatible('Arrays with differing element dimensions are not compatible for concatenation.');
}

/** Dimension `dim` (1-based) or undefined when out of range. */
const dimIndex = (a: PgArray, dim: number): number | undefined => (dim >= 1 && dim <= a.ndim ? dim - 1 : undefined);

function arrayPosition(cmp: Cmp, arr: unknown, elem: unknown, start?: number | null): number | null {
  if (arr === null) return null;
  const a = toPgArray(arr);
  oneDim(a, 'searching for elements in multidimensional arrays is not supported');
  if (start === null) throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'initial position must not be null');
  if (a.ndim === 0) return null;
  const lb = a.lowerBounds[0]!;
  const from = start === undefined ? 0 : Math.max(start - lb, 0);
  for (let i = from; i < a.length; i++) if (notDistinct(cmp, a.elements[i], elem)) return i + lb;
  return null;
}

/** @> : every non-NULL element of `b` equals some element of `a` (NULLs never match). */
function containsAll(cmp: Cmp, x: unknown, y: unknown): boolean {
  const a = toPgArray(x).elements.filter((e) => e !== null);
  return toPgArray(y).elements.every((e) => e !== null && a.some((f) => cmp(f, e) === 0));
}

const OPS: Record<string, (c: number) => boolean> = {
  ne: (c) => c !== 0, lt: (c) => c < 0, le: (c) => c <= 0, gt: (c) => c > 0, ge: (c) => c >= 0,
};

export const ARRAY_FUNCTIONS: FunctionTable = {
  array_append: (a: unknown, e: unknown) => appendElement(a, e, false),
  array_prepend: (e: unknown, a: unknown) => appendElement(a, e, true),
  array_cat: arrayCat,
  array_length: (a: unknown, dim: number) => {
    const p = toPgArray(a);
    const i = dimIndex(p, dim);
    return i === undefined ? null : p.dims[i];
  },
  array_lower: (a: unknown, dim: number) => {
    const p = toPgArray(a);
    const i = dimIndex(p, dim);
    return i === undefined ? null : p.lowerBounds[i];
  },
  array_upper: (a: unknown, dim: number) => {
    const p = toPgArray(a);
    const i = dimIndex(p, dim);
    return i === undefined ? null : p.lowerBounds[i]! + p.dims[i]! - 1;
  },
  array_ndims: (a: unknown) => {
    const p = toPgArray(a);
    return p.ndim === 0 ? null : p.ndim;
  },
  array_cardinality: (a: unknown) => toPgArray(a).length,
  array_dims: (a: unknown) => {
    const p = toPgArray(a);
    if (p.ndim === 0) return null;
    return p.dims.map((d, i) => `[${p.lowerBounds[i]}:${p.lowerBounds[i]! + d - 1}]`).join('');
  },
  array_remove: contextual((ctx: FunctionContext, arr: unknown, elem: unknown) => {
    if (arr === null) return null;
    const a = toPgArray(arr);
    oneDim(a, 'removing elements from multidimensional arrays is not supported');
    const cmp = cmpOf(ctx);
    return PgArray.of(a.elements.filter((e) => !notDistinct(cmp, e, elem)));
  }),
  array_replace: contextual((ctx: FunctionContext, arr: unknown, from: unknown, to: unknown) => {
    if (arr === null) return null;
    const a = toPgArray(arr);
    const cmp = cmpOf(ctx);
    return new PgArray(a.elements.map((e) => (notDistinct(cmp, e, from) ? to : e)), a.dims, a.lowerBounds);
  }),
  array_position: contextual((ctx: FunctionContext, arr: unknown, elem: unknown) => arrayPosition(cmpOf(ctx), arr, elem)),
  array_position_start: contextual((ctx: FunctionContext, arr: unknown, elem: unknown, start: number | null) =>
    arrayPosition(cmpOf(ctx), arr, elem, start)),
  array_positions: contextual((ctx: FunctionContext, arr: unknown, elem: unknown) => {
    if (arr === null) return null;
    const a = toPgArray(arr);
    oneDim(a, 'searching for elements in multidimensional arrays is not supported');
    const cmp = cmpOf(ctx);
    const lb = a.lowerBounds[0] ?? 1;
    const out: number[] = [];
    a.elements.forEach((e, i) => { if (notDistinct(cmp, e, elem)) out.push(i + lb); });
    return PgArray.of(out);
  }),
  trim_array: (arr: unknown, n: number) => {
    const a = toPgArray(arr);
    const len = a.ndim === 0 ? 0 : a.dims[0]!;
    if (n < 0 || n > len) {
      throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, `number of elements to trim must be between 0 and ${len}`);
    }
    const keep = len - n;
    const stride = a.ndim === 0 ? 0 : a.length / len;
    return new PgArray(a.elements.slice(0, keep * stride), keep === 0 ? [0] : [keep, ...a.dims.slice(1)], keep === 0 ? [1] : a.lowerBounds);
  },
  array_fill: (value: unknown, dims: unknown) => arrayFill(value, dims, undefined),
  array_fill_with_lower_bounds: (value: unknown, dims: unknown, lbs: unknown) => arrayFill(value, dims, lbs),
  width_bucket_array: contextual((ctx: FunctionContext, operand: unknown, thresholds: unknown) => {
    const a = toPgArray(thresholds);
    oneDim(a, 'thresholds must be one-dimensional array', SQLSTATE.ARRAY_SUBSCRIPT_ERROR);
    if (a.hasNull) throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'thresholds array must not contain NULLs');
    const cmp = cmpOf(ctx, 1);
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(operand, a.elements[mid]) >= 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  }),

  // ---- operators ----
  arrayoverlap: contextual((ctx: FunctionContext, x: unknown, y: unknown) => {
    const cmp = cmpOf(ctx);
    const b = toPgArray(y).elements.filter((e) => e !== null);
    return toPgArray(x).elements.some((e) => e !== null && b.some((f) => cmp(e, f) === 0));
  }),
  arraycontains: contextual((ctx: FunctionContext, x: unknown, y: unknown) => containsAll(cmpOf(ctx), x, y)),
  arraycontained: contextual((ctx: FunctionContext, x: unknown, y: unknown) => containsAll(cmpOf(ctx), y, x)),
  array_eq: contextual((ctx: FunctionContext, x: unknown, y: unknown) => arrayEq(cmpOf(ctx), x, y)),
  ...Object.fromEntries(Object.entries(OPS).map(([op, test]) => [
    `array_${op}`,
    contextual((ctx: FunctionContext, x: unknown, y: unknown) => test(arrayCmp(cmpOf(ctx))(x, y))),
  ])),
  btarraycmp: contextual((ctx: FunctionContext, x: unknown, y: unknown) => arrayCmp(cmpOf(ctx))(x, y)),
  array_larger: contextual((ctx: FunctionContext, x: unknown, y: unknown) => (arrayCmp(cmpOf(ctx))(x, y) >= 0 ? x : y)),
  array_smaller: contextual((ctx: FunctionContext, x: unknown, y: unknown) => (arrayCmp(cmpOf(ctx))(x, y) <= 0 ? x : y)),
};

const MAX_ARRAY_ITEMS = 50_000_000;

function arrayFill(value: unknown, dims: unknown, lbs: unknown): PgArray {
  if (dims === null || lbs === null) {
    throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'dimension array or low bound array cannot be null');
  }
  const d = toPgArray(dims).elements as Array<number | null>;
  const l = lbs === undefined || lbs === null ? d.map(() => 1) : (toPgArray(lbs).elements as Array<number | null>);
  if (d.some((x) => x === null) || l.some((x) => x === null)) {
    throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'dimension values cannot be null');
  }
  if (d.length !== l.length) {
    throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'wrong number of array subscripts', {
      detail: 'Low bound array has different size than dimensions array.',
    });
  }
  const n = (d as number[]).reduce((p, q) => p * Math.max(q, 0), d.length === 0 ? 0 : 1);
  // ArrayGetNItems: PostgreSQL's bound is MaxArraySize (134217727); V8 cannot hold a JS
  // array that large, so ours is the engine's buffered-rows bound.
  if (n > MAX_ARRAY_ITEMS) {
    throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, `array size exceeds the maximum allowed (${MAX_ARRAY_ITEMS})`);
  }
  return new PgArray(Array.from({ length: n }, () => value), d as number[], l as number[]);
}
