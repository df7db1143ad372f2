// A transaction that already wrote to a table (issue #7: own writes). Its inserts live in the
// transaction's log and its deletes (an UPDATE is delete + insert) hide committed rows that
// the segments' visibility bitmaps still show, so the payload-index paths cannot use the
// segments alone. With the table source's `ownChanges()` they need not fall back to evaluating
// the filter on EVERY row:
//
//   sealed / mutable segments:  visible bitmap  minus  own deleted row ids   -> payload bitmaps
//   own inserted rows:          the filter evaluated in JS (a transaction's own rows, few)
//
// `ownChanges` is an optional capability of the VectorSource (storage/table-access.ts provides
// it from the Transaction); without it the callers keep the evaluate-every-row path.
import type { SegmentReader } from '@vecgres/storage';
import type { Row } from '../exec/exec-context';
import type { VectorSource } from '../storage/vector-source';

/** The transaction's own writes to one table as of the ownChanges() call (later writes are not seen). */
export interface OwnChanges {
  /** Rows the transaction inserted into the table and still sees, in insert order, decoded as the source's columns. */
  inserted(): Iterable<{ rowId: number; row: Row }>;
  /** Row ids of snapshot rows the transaction deleted (or updated away). */
  readonly deleted: ReadonlySet<number>;
}

/** A VectorSource that may describe the transaction's own writes. */
export type OwnWritesSource = VectorSource & { ownChanges?(): OwnChanges | undefined };

/**
 * The own writes of `src` when it has some and can describe them; `null` when it has none;
 * undefined when it has some it cannot describe (the caller evaluates every row).
 */
export function ownChangesOf(src: VectorSource): OwnChanges | null | undefined {
  if (!src.ownWrites) return null;
  return (src as OwnWritesSource).ownChanges?.();
}

/**
 * `seg`'s visibility bitmap at `snapshot` (Uint8Array, LSB-first, ceil(rows / 8) bytes) with
 * the rows the transaction deleted cleared (a copy when any is in the segment).
 */
export function visibleWithout(seg: SegmentReader, snapshot: number, own: OwnChanges | null | undefined): Uint8Array {
  const visible = seg.visibleBitmap(snapshot);
  if (!own || own.deleted.size === 0) return visible;
  let out: Uint8Array | undefined;
  for (const rowId of own.deleted) {
    const i = seg.findRow(rowId);
    if (i < 0) continue;
    out ??= visible.slice();
    out[i >>> 3] &= ~(1 << (i & 7));
  }
  return out ?? visible;
}
