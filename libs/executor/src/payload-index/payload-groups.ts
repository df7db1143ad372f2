// The groups of an hnsw segment's payload links (WITH (payload_m = m), Qdrant's payload_m,
// features.md 2.4): one group per value of a keyword / jsonb payload index of the table, holding
// the segment positions of the rows with that value. Built from the segment's payload indexes
// (built first when missing). Only mid-sized groups are linked:
//   - at least 2m rows: a smaller group is not worth a subgraph (and is searched exactly anyway);
//   - at most rows / avg_degree * 4 (avg_degree = 2m at layer 0): Qdrant's percolation bound —
//     a larger group is already connected inside the main graph.
// Range-only indexes (floats, timestamps) have no values to group by.
import type { PayloadIndexRef } from '@vecgres/planner';
import type { SegmentReader } from '@vecgres/storage';
import type { PayloadIndexManager } from './payload-index-manager';

/** Groups as HnswIndex.addGroupLinks takes them (positions concatenated, offsets groups + 1), or undefined (none). */
export async function payloadGroups(
  payload: PayloadIndexManager, table: number, seg: SegmentReader, refs: readonly PayloadIndexRef[], m: number,
): Promise<{ positions: Uint32Array; offsets: Uint32Array } | undefined> {
  const rows = seg.rowCount();
  const floor = 2 * m;
  const ceiling = Math.floor((rows / (2 * m)) * 4);
  const parts: Uint32Array[] = [];
  for (const ref of refs) {
    if (!ref.kinds.some((k) => k !== 'range')) continue;
    const ix = await payload.segmentIndex(table, seg, ref);
    if (!ix?.terms) continue;
    for (const { term, count } of ix.terms.termCounts()) {
      if (count >= floor && count <= ceiling) parts.push(ix.terms.postings(term));
    }
  }
  if (parts.length === 0) return undefined;
  const offsets = new Uint32Array(parts.length + 1);
  let total = 0;
  parts.forEach((p, i) => {
    total += p.length;
    offsets[i + 1] = total;
  });
  const positions = new Uint32Array(total);
  parts.forEach((p, i) => positions.set(p, offsets[i]));
  return { positions, offsets };
}
