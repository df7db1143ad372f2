// Seq Scan with an indexed conjunct (issue #7, ordinary WHERE): when the scan's filter has a
// leaf a payload index answers (filter-tree.ts), a sealed segment decodes only its candidate
// rows (visible AND the index bitmap) instead of every row; the filter is then evaluated on
// them as always (so a superset is fine). The mutable segment's visible rows are all decoded.
// Rows come out in the same order as the plain scan (segments oldest first, positions
// ascending, then the transaction's own inserts in insert order). The transaction's own writes
// are not in the segments' bitmaps: its deletes are cleared from them and its inserts are
// decoded as rows (payload-index/own-writes.ts); a source that cannot describe them, or a
// filter without an indexable leaf, keeps the plain scan.
import type { PhysicalScan } from '@vecgres/planner';
import { RowBitmap } from '@vecgres/payload-index';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { analyzeFilter, hasIndexLeaf, resolveFilter, type FilterTree } from '../payload-index/filter-tree';
import { leafIndexes, segmentCandidates } from '../payload-index/segment-filter';
import type { SegmentPayloadIndex } from '../payload-index/payload-file';
import { ownChangesOf, visibleWithout } from '../payload-index/own-writes';

/** The filter as an index tree, when the scan can use payload indexes at all (else undefined). */
export function scanFilterTree(node: PhysicalScan, ctx: ExecContext): FilterTree | undefined {
  if (!node.filter || !node.payloadIndexes?.length || !ctx.vectorIndexes || !ctx.tables.vectorSource) return undefined;
  const tree = analyzeFilter(ctx, node.filter, node.columns, node.payloadIndexes);
  return hasIndexLeaf(tree) ? tree : undefined;
}

/**
 * Batches of candidate rows (filter NOT yet applied; row id appended when `node.rowId`), or
 * undefined when the plain scan must run (own writes, no segments view).
 */
export async function indexedScanBatches(node: PhysicalScan, ctx: ExecContext, tree: FilterTree): Promise<AsyncIterable<Row[]> | undefined> {
  const src = ctx.tables.vectorSource!(node.table, node.columns);
  const rt = ctx.vectorIndexes;
  const own = ownChangesOf(src);
  if (own === undefined || !src.rowsAt || !rt || src.storageId === undefined) return undefined;
  const storageId = src.storageId;
  const rowsAt = src.rowsAt.bind(src);
  const resolved = await resolveFilter(tree);
  const refs = node.payloadIndexes ?? [];
  return {
    async *[Symbol.asyncIterator]() {
      for (const seg of src.segments) {
        const rows = seg.rowCount();
        const visible = visibleWithout(seg, src.snapshot, own);
        const indexes = new Map<number, SegmentPayloadIndex>();
        if (seg.sealed) {
          for (const oid of leafIndexes(resolved)) {
            const ref = refs.find((r) => r.oid === oid);
            const ix = ref ? await rt.manager.payload.segmentIndex(storageId, seg, ref) : undefined;
            if (ix) indexes.set(oid, ix);
          }
        }
        const cands = segmentCandidates(resolved, indexes, rows, visible)?.bits ?? new RowBitmap(rows, visible);
        const positions = cands.positions();
        for (let start = 0; start < positions.length; start += BATCH_SIZE) {
          const end = Math.min(positions.length, start + BATCH_SIZE);
          const batch = rowsAt(seg, positions.subarray(start, end));
          if (node.rowId) for (let j = start; j < end; j++) batch[j - start].push(seg.rowId(positions[j]));
          yield batch;
        }
      }
      let batch: Row[] = [];
      for (const { rowId, row } of own?.inserted() ?? []) {
        if (node.rowId) row.push(rowId);
        batch.push(row);
        if (batch.length >= BATCH_SIZE) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

