// TableAccess over a storage Transaction: catalog table OIDs map to storage table ids (tables
// created in this transaction first, then the database's committed map).
import { internal } from '@vecgres/errors';
import type { ScanColumn } from '@vecgres/planner';
import type { Transaction } from '@vecgres/storage';
import type { Row, TableAccess } from '../exec/exec-context';
import { decodeRow, encodeRow } from './row-format';

export type StorageIdOf = (tableOid: number) => number | undefined;

export class TransactionTableAccess implements TableAccess {
  constructor(private readonly tx: Transaction, private readonly storageIdOf: StorageIdOf) {}

  private id(table: number): number {
    const id = this.storageIdOf(table);
    if (id === undefined) throw internal(`table ${table} has no storage`);
    return id;
  }

  *scan(table: number, columns: readonly ScanColumn[]): Iterable<{ rowId: number; row: Row }> {
    for (const r of this.tx.rows(this.id(table))) yield { rowId: r.rowId, row: decodeRow(columns, r.values) };
  }

  insert(table: number, columns: readonly ScanColumn[], row: Row): void {
    this.tx.insert(this.id(table), encodeRow(columns, row));
  }

  update(table: number, rowId: number, columns: readonly ScanColumn[], row: Row): void {
    this.tx.update(this.id(table), rowId, encodeRow(columns, row));
  }

  delete(table: number, rowId: number): void {
    this.tx.delete(this.id(table), rowId);
  }
}
