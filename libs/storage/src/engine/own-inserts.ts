// Where a transaction's own inserts are in its TxLog: per table, the row ids it inserted (in
// insertion order, which is ascending: row ids are handed out by a counter and never reused)
// and each one's log offset. 12 bytes per row, so even a transaction that spilled its rows to
// disk finds its own versions (tx.get, unique checks) without scanning the log.
import { lowerBound } from './tx-log';

export class OwnInserts {
  private rowIds = new Uint32Array(64);
  private offsets = new Float64Array(64);
  private n = 0;

  get count(): number {
    return this.n;
  }

  /** Heap bytes held (typed arrays at capacity). */
  get heapBytes(): number {
    return this.rowIds.byteLength + this.offsets.byteLength;
  }

  push(rowId: number, offset: number): void {
    if (this.n > 0 && rowId <= this.rowIds[this.n - 1]) throw new RangeError('own insert row ids must ascend');
    if (this.n === this.rowIds.length) {
      const ids = new Uint32Array(this.n * 2);
      ids.set(this.rowIds);
      const offs = new Float64Array(this.n * 2);
      offs.set(this.offsets);
      this.rowIds = ids;
      this.offsets = offs;
    }
    this.rowIds[this.n] = rowId;
    this.offsets[this.n] = offset;
    this.n++;
  }

  /** Log offset of the insert of `rowId`, or -1. */
  find(rowId: number): number {
    const k = lowerBound(this.rowIds, rowId, this.n);
    return k < this.n && this.rowIds[k] === rowId ? this.offsets[k] : -1;
  }

  /** Forgets inserts past the first `count` (ROLLBACK TO SAVEPOINT). */
  truncate(count: number): void {
    if (count < this.n) this.n = count;
  }
}
