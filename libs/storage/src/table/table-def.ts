// What storage knows about a table: an id, a name (for messages and directory listings) and
// its vector columns. Everything else about columns lives in the SQL catalog and reaches
// storage only as encoded row payloads.

/** A fixed-dimension float32 vector column stored apart from the row payload. */
export interface VectorColumnDef {
  name: string;
  dim: number;
}

export interface StorageTableDef {
  id: number;
  name: string;
  vectorColumns: VectorColumnDef[];
}

/** A row as the storage API takes and returns it: vector columns hold Float32Array or null. */
export type RowInput = Record<string, unknown>;

export interface StoredRow {
  /** Internal id of this row version (an update creates a new version with a new id). */
  rowId: number;
  values: Record<string, unknown>;
}

/** Snapshot visibility: created at or before the snapshot, and not deleted at or before it. */
export function isVisible(xmin: number, xmax: number, snapshot: number): boolean {
  return xmin <= snapshot && (xmax === 0 || xmax > snapshot);
}
