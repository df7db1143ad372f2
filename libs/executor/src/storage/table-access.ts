// TableAccess over a storage Transaction: catalog table OIDs map to storage table ids (tables
// created in this transaction first, then the database's committed map).
import { internal } from '@vecgres/errors';
import type { ScanColumn } from '@vecgres/planner';
import type { CodecRegistry } from '@vecgres/pg-types';
import { jsonRowCodec, type ReadView, type Transaction, type VectorColumnDef } from '@vecgres/storage';
import type { Row, TableAccess } from '../exec/exec-context';
import { CommittedKeyIndexes, TxKeyIndexes } from '../constraints/key-index';
import { decodeRow, encodeRow } from './row-format';
import type { VectorSource } from './vector-source';

const NO_VECTORS: ReadonlyMap<number, number> = new Map();

function vectorDimsOf(cols: readonly VectorColumnDef[]): ReadonlyMap<number, number> {
  return cols.length === 0 ? NO_VECTORS : new Map(cols.map((c) => [Number(c.name), c.dim]));
}

/** Attnums of the `needed` positions of `columns`. */
function neededAttnums(columns: readonly ScanColumn[], needed: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const p of needed) if (columns[p]) out.add(columns[p].attnum);
  return out;
}

export type StorageIdOf = (tableOid: number) => number | undefined;

export class TransactionTableAccess implements TableAccess {
  /**
   * Unique / foreign-key lookups (constraints/key-index.ts); without the database's key maps
   * and a latest-snapshot source, the constraint checks scan instead.
   */
  readonly keys: TxKeyIndexes | undefined;

  /** `codecs`: for payload values of non-builtin types (extension types such as sparsevec). */
  constructor(private readonly tx: Transaction, private readonly storageIdOf: StorageIdOf,
    keyMaps?: { committed: CommittedKeyIndexes; latest: () => ReadView }, private readonly codecs?: CodecRegistry) {
    this.keys = keyMaps ? new TxKeyIndexes(tx, storageIdOf, keyMaps.committed, keyMaps.latest) : undefined;
  }

  /** Storage vector columns (attnums) of tables created in this transaction, by storage id. */
  private readonly newVectorColumns = new Map<number, ReadonlyMap<number, number>>();

  /**
   * Storage tables this transaction wrote to (through this object, or noted by DDL such as
   * TRUNCATE): their own inserts / deletes are not in the snapshot's segment bitmaps.
   */
  private readonly written = new Set<number>();

  /** Records a write to storage table `storageId` made around this object (TRUNCATE). */
  noteWrite(storageId: number): void {
    this.written.add(storageId);
    this.opaque.add(storageId);
  }

  /** Tables written around this object (TRUNCATE): own writes not described by ownDeletes / ownRows. */
  private readonly opaque = new Set<number>();

  /** Records a table created in this transaction with its storage vector columns. */
  noteVectorColumns(storageId: number, cols: readonly VectorColumnDef[]): void {
    this.newVectorColumns.set(storageId, vectorDimsOf(cols));
  }

  /**
   * Records a storage vector column added to an existing table in this transaction (ALTER TABLE
   * ADD COLUMN): its rows are then read and written like a new table's (own writes, full scans).
   */
  noteAddedVectorColumn(storageId: number, col: VectorColumnDef): void {
    const cols = new Map(this.vectorAttnums(storageId));
    cols.set(Number(col.name), col.dim);
    this.newVectorColumns.set(storageId, cols);
  }

  /** Attnum -> dim of the storage vector columns (row-format passes their Float32Arrays through). */
  private vectorAttnums(id: number): ReadonlyMap<number, number> {
    const fresh = this.newVectorColumns.get(id);
    if (fresh) return fresh;
    const view = this.tx.view;
    return view.hasTable(id) ? vectorDimsOf(view.table(id).def.vectorColumns) : NO_VECTORS;
  }

  private id(table: number): number {
    const id = this.storageIdOf(table);
    if (id === undefined) throw internal(`table ${table} has no storage`);
    return id;
  }

  *scan(table: number, columns: readonly ScanColumn[]): Iterable<{ rowId: number; row: Row }> {
    for (const r of this.tx.rows(this.id(table))) yield { rowId: r.rowId, row: decodeRow(columns, r.values, this.codecs) };
  }

  vectorSource(table: number, columns: readonly ScanColumn[]): VectorSource {
    const id = this.id(table);
    const view = this.tx.view;
    const def = view.hasTable(id) ? view.table(id).def : undefined;
    const fresh = this.newVectorColumns.has(id);
    // rowsAt's attnums of the needed positions, for the last `needed` set (one per query).
    let wantOf: ReadonlySet<number> | undefined;
    let want: Set<number> | undefined;
    return {
      segments: def && !fresh ? view.table(id).segments : [],
      snapshot: view.snapshot,
      storageId: id,
      ownWrites: this.written.has(id) || fresh,
      storageColumn: (attnum) => (fresh || !def ? undefined : def.vectorColumns.find((c) => c.name === String(attnum))),
      rows: () => this.scan(table, columns),
      // Own deletes and inserts for the payload-index paths (executor payload-index/own-writes.ts).
      ownChanges: () => {
        if (fresh || !def || this.opaque.has(id)) return undefined;
        const inserted = this.tx.ownRows(id);
        return {
          deleted: this.tx.ownDeletes(id),
          inserted: () => inserted.map((r) => ({ rowId: r.rowId, row: decodeRow(columns, r.values, this.codecs) })),
        };
      },
      get: (rowId) => this.get(table, rowId, columns),
      rowsAt: (seg, positions, needed) => {
        if (needed !== wantOf) {
          wantOf = needed;
          want = needed && neededAttnums(columns, needed);
        }
        const payloads = seg.payloadsAt(positions);
        const rows: Row[] = new Array(positions.length);
        for (let j = 0; j < positions.length; j++) {
          // The engine's row codec is the JSON one (storage-engine.ts default; ann-owned-rank.ts reads it too).
          const values = jsonRowCodec.decode(payloads[j]);
          for (const c of def?.vectorColumns ?? []) {
            if (want && !want.has(Number(c.name))) continue;
            values[c.name] = seg.vector(c.name, positions[j]);
          }
          rows[j] = decodeRow(columns, values, this.codecs, needed);
        }
        return rows;
      },
    };
  }

  get(table: number, rowId: number, columns: readonly ScanColumn[]): Row | null {
    const r = this.tx.get(this.id(table), rowId);
    return r ? decodeRow(columns, r.values, this.codecs) : null;
  }

  insert(table: number, columns: readonly ScanColumn[], row: Row): number {
    const id = this.id(table);
    const values = encodeRow(columns, row, this.codecs, this.vectorAttnums(id));
    this.written.add(id);
    const rowId = this.tx.insert(id, values);
    this.keys?.noteInsert(id, rowId, values);
    return rowId;
  }

  update(table: number, rowId: number, columns: readonly ScanColumn[], row: Row): number {
    const id = this.id(table);
    const values = encodeRow(columns, row, this.codecs, this.vectorAttnums(id));
    this.written.add(id);
    const newId = this.tx.update(id, rowId, values);
    this.keys?.noteDelete(id, rowId);
    this.keys?.noteInsert(id, newId, values);
    return newId;
  }

  delete(table: number, rowId: number): void {
    const id = this.id(table);
    this.written.add(id);
    this.tx.delete(id, rowId);
    this.keys?.noteDelete(id, rowId);
  }
}
