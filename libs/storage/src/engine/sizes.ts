// Size accounting per table, for pg_relation_size-like views and memory reporting.
import type { TableState } from '../table/table-state';

export interface TableSize {
  /** Bytes of vectors.<col>.f32 files of sealed segments (memory-mapped, paged by the OS). */
  vectorFileBytes: number;
  /** Other sealed segment files (payload, ids, xmin/xmax, bitmaps, index files). */
  otherFileBytes: number;
  /** JS heap held by sealed segments (row ids, xmin/xmax, payload offsets; payloads and vectors are mapped). */
  sealedMemoryBytes: number;
  /** The mutable segment(s): arrays at capacity, payloads, id map. */
  mutableMemoryBytes: number;
  sealedSegments: number;
  /** Row versions physically stored (live and dead). */
  rowVersions: number;
}

export function tableSize(t: TableState): TableSize {
  const out: TableSize = {
    vectorFileBytes: 0,
    otherFileBytes: 0,
    sealedMemoryBytes: 0,
    mutableMemoryBytes: t.mutable.memoryBytes() + (t.sealing?.memoryBytes() ?? 0),
    sealedSegments: t.sealed.length,
    rowVersions: t.mutable.rowCount() + (t.sealing?.rowCount() ?? 0),
  };
  for (const s of t.sealed) {
    const z = s.sizes();
    out.vectorFileBytes += z.vectorFileBytes;
    out.otherFileBytes += z.otherFileBytes + (s.deletesRef ? 16 + s.deletesRef.count * 12 : 0);
    out.sealedMemoryBytes += z.memoryBytes;
    out.rowVersions += s.rowCount();
  }
  return out;
}
