// The common unfiltered case of an index search: every row of the segment is visible at the
// snapshot and has a non-NULL vector. Then the allow bitmap would admit every index node, so
// the search needs none (hnsw-adapter.ts omits it when `allowed` covers the arena: the native
// unfiltered search is a separate, faster path) and building a fresh AND-ed bitmap per query
// (an allocation plus a popcount over ceil(rows / 8) bytes) is wasted work. Checking that two
// bitmaps are all ones is a read-only pass, 4 bytes at a time when aligned (storage's allBitsSet).
import { allBitsSet } from '@vecgres/storage';

/**
 * The allow argument of an index search when every row is admitted (visible AND non-NULL over
 * the arena's `rows`): the visibility bitmap itself with `count = rows`, no copy. Undefined when
 * some row is not admitted (the caller then builds the AND-ed bitmap).
 */
export function fullAllow(visible: Uint8Array, validity: Uint8Array, rows: number): { bits: Uint8Array; count: number } | undefined {
  return allBitsSet(visible, rows) && allBitsSet(validity, rows) ? { bits: visible, count: rows } : undefined;
}
