// A table's segments: sealed (immutable, on disk), at most one being sealed, and the mutable one.
import type { SealedSegment } from '../segment/sealed-segment';
import { MutableSegment } from './mutable-segment';
import type { SegmentReader } from './segment-reader';
import type { StorageTableDef, VectorColumnDef } from './table-def';

export type WritableSegment = MutableSegment | SealedSegment;

export class TableState {
  mutable: MutableSegment;
  /** The previous mutable segment while a seal writes it out; still readable and deletable. */
  sealing: MutableSegment | null = null;
  sealed: SealedSegment[] = [];
  /**
   * LSN of the first WAL record whose rows are in `mutable` (null when it is empty): WAL from
   * here on must be kept and replayed to rebuild it.
   */
  mutableFromLsn: number | null = null;
  /** Inserts logged before this LSN are all in sealed segments (set when a seal starts). */
  sealedBeforeLsn = 0;

  constructor(
    /** Replaced (never mutated) by addVectorColumn: read views keep the def they captured. */
    public def: StorageTableDef,
    public nextRowId: number,
    private readonly newSegmentId: () => string,
  ) {
    this.mutable = new MutableSegment(newSegmentId(), def.vectorColumns);
  }

  /** Starts a seal: the current mutable segment freezes for inserts, a new one takes them. */
  beginSeal(cutLsn: number): MutableSegment {
    const old = this.mutable;
    this.sealedBeforeLsn = cutLsn;
    this.sealing = old;
    this.mutable = new MutableSegment(this.newSegmentId(), this.def.vectorColumns);
    this.mutableFromLsn = null;
    return old;
  }

  /**
   * Appends a vector column (existing rows read NULL): the def, the mutable segment and a
   * segment being sealed get it; sealed segments without it read NULL (SealedSegment).
   */
  addVectorColumn(col: VectorColumnDef): void {
    this.def = { ...this.def, vectorColumns: [...this.def.vectorColumns, { name: col.name, dim: col.dim }] };
    this.mutable.addColumn({ name: col.name, dim: col.dim });
    this.sealing?.addColumn({ name: col.name, dim: col.dim });
  }

  /** Undoes addVectorColumn (a discarded large transaction at recovery). */
  removeVectorColumn(name: string): void {
    this.def = { ...this.def, vectorColumns: this.def.vectorColumns.filter((c) => c.name !== name) };
    this.mutable.removeColumn(name);
    this.sealing?.removeColumn(name);
  }

  /** Every segment a reader must look at, oldest first. */
  segments(): SegmentReader[] {
    const out: SegmentReader[] = [...this.sealed];
    if (this.sealing) out.push(this.sealing);
    out.push(this.mutable);
    return out;
  }

  /** The segment and position of a row version, or null. */
  find(rowId: number): { seg: WritableSegment; i: number } | null {
    let i = this.mutable.findRow(rowId);
    if (i >= 0) return { seg: this.mutable, i };
    if (this.sealing) {
      i = this.sealing.findRow(rowId);
      if (i >= 0) return { seg: this.sealing, i };
    }
    for (let s = this.sealed.length - 1; s >= 0; s--) {
      const seg = this.sealed[s];
      if (rowId < seg.meta.minRowId || rowId > seg.meta.maxRowId) continue;
      i = seg.findRow(rowId);
      if (i >= 0) return { seg, i };
    }
    return null;
  }
}
