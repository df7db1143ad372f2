// array_subscript(a, i [, j ...]) and array_slice (below). array_subscript: the element of `a` at the given subscripts, honouring each
// dimension's lower bound (int2vector / oidvector start at 0). PostgreSQL answers NULL, not an
// error, when the number of subscripts differs from the array's dimensions or one is out of
// range (array_get_element). Strict: a NULL array or subscript never gets here.
import { PgArray } from '@vecgres/pg-types';
import type { ScalarFn } from './function-table';

export function arraySubscript(arr: PgArray, ...subscripts: number[]): unknown {
  const { dims, lowerBounds, elements } = arr;
  if (subscripts.length !== dims.length) return null;
  let offset = 0;
  for (let d = 0; d < dims.length; d++) {
    const i = subscripts[d] - lowerBounds[d];
    if (i < 0 || i >= dims[d]) return null;
    offset = offset * dims[d] + i;
  }
  return elements[offset] ?? null;
}

/**
 * array_slice(a, mask, bounds...): `a[l:u][l:u]...` (array_get_slice). mask has one entry per
 * step: the lower bound's source (l written, - omitted, 1 for a plain `[i]` among slices) then
 * the upper's (u written, - omitted); the written bounds follow in order. Bounds are clamped to
 * the array's; an empty range gives '{}'; the result's lower bounds are 1. A NULL array or
 * written bound gives NULL.
 */
export function arraySlice(arr: PgArray | null, mask: string, ...bounds: Array<number | null>): PgArray | null {
  if (arr === null || bounds.some((b) => b === null)) return null;
  const { dims, lowerBounds, elements } = arr;
  const steps = mask.split(' ');
  const empty = new PgArray<unknown>([], []);
  if (steps.length > dims.length || dims.length === 0) return empty;
  let k = 0;
  const lo: number[] = [];
  const hi: number[] = [];
  for (let d = 0; d < dims.length; d++) {
    const lb = lowerBounds[d];
    const ub = lb + dims[d] - 1;
    const step = steps[d] ?? '--';
    const l = step[0] === 'l' ? (bounds[k++] as number) : step[0] === '1' ? 1 : lb;
    const u = step[1] === 'u' ? (bounds[k++] as number) : ub;
    lo.push(Math.max(l, lb));
    hi.push(Math.min(u, ub));
    if (lo[d] > hi[d]) return empty;
  }
  const outDims = lo.map((l, d) => hi[d] - l + 1);
  const out: unknown[] = [];
  const idx = [...lo];
  for (;;) {
    let offset = 0;
    for (let d = 0; d < dims.length; d++) offset = offset * dims[d] + (idx[d] - lowerBounds[d]);
    out.push(elements[offset] ?? null);
    // Next index in row-major order: reset exhausted trailing dimensions, bump the next one.
    let d = dims.length - 1;
    while (d >= 0 && idx[d] === hi[d]) {
      idx[d] = lo[d];
      d--;
    }
    if (d < 0) break;
    idx[d]++;
  }
  return new PgArray(out, outDims, outDims.map(() => 1));
}

export const ARRAY_SUBSCRIPT_FUNCTIONS: Readonly<Record<string, ScalarFn>> = {
  array_subscript: arraySubscript as ScalarFn,
  array_slice: arraySlice as ScalarFn,
};
