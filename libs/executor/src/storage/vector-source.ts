// What the Vector Top-K operator reads of one table through the session's transaction: the
// segments of its snapshot (each with visibility bitmaps and vector arenas for native scans),
// where the ordered column is stored, and the transaction's view of rows (own writes included)
// for the cases the segments alone cannot answer.
import type { SegmentReader, VectorColumnDef } from '@vecgres/storage';
import type { Row } from '../exec/exec-context';

export interface VectorSource {
  /** Segments of the table in the transaction's snapshot, oldest first (empty for a table created in it). */
  readonly segments: readonly SegmentReader[];
  readonly snapshot: number;
  /** Storage table id (ANN index files are per table and segment). */
  readonly storageId?: number;
  /**
   * The transaction may have written (own inserts / deletes are not in the segments' bitmaps):
   * candidates must then come from `rows()`, which applies them.
   */
  readonly ownWrites: boolean;
  /** The storage vector column holding `attnum`, when it is stored apart from the payload. */
  storageColumn(attnum: number): VectorColumnDef | undefined;
  /** The rows the transaction sees (as TableAccess.scan). */
  rows(): Iterable<{ rowId: number; row: Row }>;
  /** One row the transaction sees, by row id. */
  get(rowId: number): Row | null;
  /**
   * Rows `positions` of `seg` (a segment of `segments`; rows the caller knows are visible:
   * candidates of its visibility bitmap, and no own writes), in the order given. Their payloads
   * are read together (one native call for a sealed segment). `needed`: positions in the node's
   * columns to decode; the others are NULL, and a storage vector column not needed is not read
   * at all (each is a read from the segment's vector file).
   */
  rowsAt?(seg: SegmentReader, positions: ArrayLike<number>, needed?: ReadonlySet<number>): Row[];
  /**
   * The transaction's own writes to the table as of this call: snapshot row ids it deleted and
   * rows it inserted (insert order); undefined when it cannot describe them (TRUNCATE, a table
   * created in it). Lets the payload-index paths keep the segments' bitmaps.
   */
  ownChanges?(): { deleted: ReadonlySet<number>; inserted(): Iterable<{ rowId: number; row: Row }> } | undefined;
}
