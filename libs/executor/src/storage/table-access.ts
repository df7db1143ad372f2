// TableAccess over a storage Transaction: catalog table OIDs map to storage table ids (tables
// created in this transaction first, then the database's committed map).
import { internal } from '@vecgres/errors';
import type { ScanColumn } from '@vecgres/planner';
import type { ReadView, Transaction } from '@vecgres/storage';
import type { Row, TableAccess } from '../exec/exec-context';
import { CommittedKeyIndexes, TxKeyIndexes } from '../constraints/key-index';
import { decodeRow, encodeRow } from './row-format';

export type StorageIdOf = (tableOid: number) => number | undefined;

export class TransactionTableAccess implements TableAccess {
  /**
   * Unique / foreign-key lookups (constraints/key-index.ts); without the database's key maps
   * and a latest-snapshot source, the constraint checks scan instead.
   */
  readonly keys: TxKeyIndexes | undefined;

  constructor(private readonly tx: Transaction, private readonly storageIdOf: StorageIdOf,
    keyMaps?: { committed: CommittedKeyIndexes; latest: () => ReadView }) {
    this.keys = keyMaps ? new TxKeyIndexes(tx, storageIdOf, keyMaps.committed, keyMaps.latest) : undefined;
  }

  private id(table: number): number {
    const id = this.storageIdOf(table);
    if (id === undefined) throw internal(`table ${table} has no storage`);
    return id;
  }

  *scan(table: number, columns: readonly ScanColumn[]): Iterable<{ rowId: number; row: Row }> {
    for (const r of this.tx.rows(this.id(table))) yield { rowId: r.rowId, row: decodeRow(columns, r.values) };
  }

  get(table: number, rowId: number, columns: readonly ScanColumn[]): Row | null {
    const r = this.tx.get(this.id(table), rowId);
    return r ? decodeRow(columns, r.values) : null;
  }

  insert(table: number, columns: readonly ScanColumn[], row: Row): number {
    const id = this.id(table);
    const values = encodeRow(columns, row);
    const rowId = this.tx.insert(id, values);
    this.keys?.noteInsert(id, rowId, values);
    return rowId;
  }

  update(table: number, rowId: number, columns: readonly ScanColumn[], row: Row): number {
    const id = this.id(table);
    const values = encodeRow(columns, row);
    const newId = this.tx.update(id, rowId, values);
    this.keys?.noteDelete(id, rowId);
    this.keys?.noteInsert(id, newId, values);
    return newId;
  }

  delete(table: number, rowId: number): void {
    const id = this.id(table);
    this.tx.delete(id, rowId);
    this.keys?.noteDelete(id, rowId);
  }
}
