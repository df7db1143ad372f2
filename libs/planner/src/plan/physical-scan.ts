// Seq Scan: every visible row of one table, segment by segment, with an optional pushed-down
// filter. Output row = the table's live columns in attnum order (dropped columns omitted).
//
// Segment-wise on purpose: the executor reads a table as segments, each with the storage
// ReadView's visibleBitmap, so a future index-assisted scan (payload-index bitsets) and the
// top-k vector node (physical-vector-top-k.ts) consume the same per-segment shape.
import type { PayloadIndexRef } from './payload-index-choice';
import type { BoundExpr, TypeRef } from '../types/bound-expr';

export interface ScanColumn { attnum: number; name: string; type: TypeRef }

export interface PhysicalScan {
  kind: 'scan';
  /** pg_class OID of the table. */
  table: number;
  /** The table's name and the alias it is referenced by (EXPLAIN: `Seq Scan on t x`). */
  tableName: string;
  alias: string;
  columns: ScanColumn[];
  /** Evaluated over the scan's output row; rows where it is not true are skipped. */
  filter?: BoundExpr;
  /** Appends the storage row id as a last column (UPDATE / DELETE find their rows by it). */
  rowId?: boolean;
  /**
   * The table's payload indexes (payload-index-choice.ts): sealed segments then decode only
   * the rows an indexed conjunct of `filter` admits (executor operators/scan-indexed.ts).
   */
  payloadIndexes?: PayloadIndexRef[];
}
