// A consistent read of the store at one snapshot (a commit sequence). It pins the segments it
// saw, so a merge that swaps them out cannot unmap files under it; call release() when done.
import type { RowCodec } from '../row/row-codec';
import type { SealedSegment } from '../segment/sealed-segment';
import type { SegmentReader } from '../table/segment-reader';
import { type StorageTableDef, type StoredRow, isVisible } from '../table/table-def';
import { unknownTable } from '../errors';
import type { EngineState } from './engine-state';

export interface TableReadView {
  readonly def: StorageTableDef;
  /** Segments to search, oldest first; combine each one's visibleBitmap(snapshot) with filters. */
  readonly segments: readonly SegmentReader[];
  /** Visible rows, segment by segment (lazy). */
  rows(): Generator<StoredRow>;
  get(rowId: number): StoredRow | null;
  count(): number;
}

export function decodeRow(codec: RowCodec, def: StorageTableDef, seg: SegmentReader, i: number): StoredRow {
  const values = codec.decode(seg.payload(i));
  for (const c of def.vectorColumns) values[c.name] = seg.vector(c.name, i);
  return { rowId: seg.rowId(i), values };
}

export class ReadView {
  private readonly views = new Map<number, { def: StorageTableDef; segments: SegmentReader[] }>();
  private readonly pinned: SealedSegment[] = [];
  private readonly handle: number;
  private released = false;

  constructor(
    private readonly st: EngineState,
    readonly snapshot: number,
  ) {
    this.handle = st.registerSnapshot(snapshot);
    for (const [id, t] of st.tables) {
      const segments = t.segments();
      for (const s of t.sealed) {
        s.retain();
        this.pinned.push(s);
      }
      this.views.set(id, { def: t.def, segments });
    }
  }

  tableIds(): number[] {
    return [...this.views.keys()];
  }

  hasTable(tableId: number): boolean {
    return this.views.has(tableId);
  }

  table(tableId: number): TableReadView {
    const v = this.views.get(tableId);
    if (!v) throw unknownTable(tableId);
    const { def, segments } = v;
    const snapshot = this.snapshot;
    const codec = this.st.codec;
    return {
      def,
      segments,
      *rows() {
        for (const seg of segments) {
          const n = seg.rowCount();
          for (let i = 0; i < n; i++) {
            if (isVisible(seg.xmin(i), seg.xmax(i), snapshot)) yield decodeRow(codec, def, seg, i);
          }
        }
      },
      get(rowId) {
        for (const seg of segments) {
          const i = seg.findRow(rowId);
          if (i >= 0 && isVisible(seg.xmin(i), seg.xmax(i), snapshot)) return decodeRow(codec, def, seg, i);
        }
        return null;
      },
      count() {
        let n = 0;
        for (const seg of segments) {
          const rows = seg.rowCount();
          for (let i = 0; i < rows; i++) if (isVisible(seg.xmin(i), seg.xmax(i), snapshot)) n++;
        }
        return n;
      },
    };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.st.unregisterSnapshot(this.handle);
    for (const s of this.pinned) s.release();
  }
}
