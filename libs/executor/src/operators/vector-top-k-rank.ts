// Ranking helpers of Vector Top-K: PostgreSQL's float8 ORDER BY order for distances (numbers
// ascending, then NaN, then NULL), a bounded top-k buffer, and the JS ranking used when the
// column is stored in the row payload (vector without typmod, halfvec, sparsevec, bit) or the
// native scan does not apply.
import type { Row } from '../exec/exec-context';
import type { Compiled } from '../expr/compile-expr';
import { filterBatch } from './runner';

/** A candidate row with its distance (null for a NULL vector or query). */
export interface Ranked { row: Row; dist: number | null }

/** float8 ascending, NaN after every number, NULL last (ORDER BY ... ASC NULLS LAST). */
export function compareDistance(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an ? (bn ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps the `k` nearest of what is pushed (k may be Infinity: keeps everything). */
export class TopKBuffer {
  private items: Ranked[] = [];

  constructor(private readonly k: number) {}

  push(r: Ranked): void {
    this.items.push(r);
    // Sort-and-cut when the buffer doubles: O(n log k) overall, memory O(k).
    if (Number.isFinite(this.k) && this.items.length >= 2 * this.k + 1024) this.cut();
  }

  /** The kept candidates, nearest first. */
  result(): Ranked[] {
    this.cut();
    return this.items;
  }

  private cut(): void {
    this.items.sort((a, b) => compareDistance(a.dist, b.dist));
    if (this.items.length > this.k) this.items.length = this.k;
  }
}

/** The distance of `row` as the scalar operator computes it (a number, or null). */
export function distanceOf(distance: Compiled, row: Row): number | null {
  const v = distance.fn(row);
  return v === null || v === undefined ? null : Number(v);
}

/** Ranks every row of `rows` passing `filter` by `distance`; the k nearest, in order. */
export async function rankRows(
  rows: Iterable<{ row: Row }>, k: number, distance: Compiled, filter: Compiled | undefined,
  /** After each batch: rows scanned, rows that passed the filter (distances computed). */
  onBatch: (scanned: number, passed: number) => Promise<void>,
): Promise<Ranked[]> {
  const top = new TopKBuffer(k);
  let batch: Row[] = [];
  const flush = async () => {
    const pass = filter ? await filterBatch(filter, batch) : batch;
    for (const row of pass) top.push({ row, dist: distanceOf(distance, row) });
    await onBatch(batch.length, pass.length);
    batch = [];
  };
  for (const { row } of rows) {
    batch.push(row);
    if (batch.length >= 1024) await flush();
  }
  await flush();
  return top.result();
}
