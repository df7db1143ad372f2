// (s1, e1) OVERLAPS (s2, e2) for timestamp, timestamptz, time and timetz (timestamp.c
// overlaps_timestamp / date.c overlaps_time / overlaps_timetz). Not strict: a NULL end point
// makes the answer NULL only when the other comparisons cannot decide it.
import type { TimeTz } from '@vecgres/pg-types';
import type { FunctionTable } from './function-table';

type Cmp = (a: any, b: any) => number;

const plain: Cmp = (a: bigint | number, b: bigint | number) => (a < b ? -1 : a > b ? 1 : 0);

/** timetz_cmp_internal: by UTC instant, then by zone (PostgreSQL's zone is seconds west). */
const timetz: Cmp = (a: TimeTz, b: TimeTz) => {
  const c = plain(a.micros - BigInt(a.offset) * 1000000n, b.micros - BigInt(b.offset) * 1000000n);
  return c !== 0 ? c : plain(-a.offset, -b.offset);
};

function overlaps(cmp: Cmp) {
  return (s1: unknown, e1: unknown, s2: unknown, e2: unknown): boolean | null => {
    // Normalise each interval: a NULL start takes the end's place; start <= end.
    if (s1 === null) { if (e1 === null) return null; s1 = e1; e1 = null; }
    else if (e1 !== null && cmp(s1, e1) > 0) [s1, e1] = [e1, s1];
    if (s2 === null) { if (e2 === null) return null; s2 = e2; e2 = null; }
    else if (e2 !== null && cmp(s2, e2) > 0) [s2, e2] = [e2, s2];
    const c = cmp(s1, s2);
    if (c > 0) {
      if (e2 === null) return null;
      if (cmp(s1, e2) < 0) return true;
      return e1 === null ? null : false;
    }
    if (c < 0) {
      if (e1 === null) return null;
      if (cmp(s2, e1) < 0) return true;
      return e2 === null ? null : false;
    }
    return e1 === null || e2 === null ? null : true;
  };
}

export const OVERLAPS_FUNCTIONS: FunctionTable = {
  overlaps_timestamp: overlaps(plain),
  overlaps_time: overlaps(plain),
  overlaps_timetz: overlaps(timetz),
};
