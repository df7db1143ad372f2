// Scratch tables for the bootstrap handler: in memory, shared by all sessions of one server,
// rows as plain JS arrays. Throwaway until the storage and SQL engine issues replace them; no
// isolation between sessions (writes are visible at once), but each write registers an undo
// action so a rolled-back transaction removes what it did.
import { duplicateTable, undefinedTable } from '@vecgres/errors';
import type { Transaction } from './transaction';

export interface ScratchColumn {
  readonly name: string;
  readonly typeOid: number;
  readonly notNull: boolean;
}

export class ScratchTable {
  rows: unknown[][] = [];

  constructor(
    readonly name: string,
    /** A pg_class-like OID for RowDescription's table OID field. */
    readonly oid: number,
    readonly columns: readonly ScratchColumn[],
  ) {}

  /** 0-based index of a column, or -1. */
  columnIndex(name: string): number {
    return this.columns.findIndex((c) => c.name === name);
  }

  /** Appends rows inside `tx`; a rollback removes exactly these rows again. */
  append(rows: unknown[][], tx: Transaction): void {
    if (rows.length === 0) return;
    for (const r of rows) this.rows.push(r);
    const added = new Set(rows);
    tx.onRollback(() => {
      this.rows = this.rows.filter((r) => !added.has(r));
    });
  }

  /** Removes all rows inside `tx`. */
  truncate(tx: Transaction): void {
    const before = this.rows;
    this.rows = [];
    tx.onRollback(() => {
      this.rows = before.concat(this.rows);
    });
  }
}

/** First OID PostgreSQL hands to user objects (FirstNormalObjectId). */
const FIRST_USER_OID = 16384;

export class TableStore {
  private readonly tables = new Map<string, ScratchTable>();
  private nextOid = FIRST_USER_OID;

  get(name: string): ScratchTable | undefined {
    return this.tables.get(name);
  }

  /** The table, or 42P01 `relation "x" does not exist` (position: 1-based, optional). */
  require(name: string, position?: number): ScratchTable {
    const t = this.tables.get(name);
    if (!t) throw undefinedTable(`relation "${name}" does not exist`, position === undefined ? {} : { position });
    return t;
  }

  create(name: string, columns: ScratchColumn[], tx: Transaction): ScratchTable {
    if (this.tables.has(name)) throw duplicateTable(`relation "${name}" already exists`);
    const table = new ScratchTable(name, this.nextOid++, columns);
    this.tables.set(name, table);
    tx.onRollback(() => {
      if (this.tables.get(name) === table) this.tables.delete(name);
    });
    return table;
  }

  drop(name: string, tx: Transaction): void {
    const table = this.tables.get(name);
    if (!table) return;
    this.tables.delete(name);
    tx.onRollback(() => {
      if (!this.tables.has(name)) this.tables.set(name, table);
    });
  }
}
