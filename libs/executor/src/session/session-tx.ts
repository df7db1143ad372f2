// One open transaction of a session: the storage transaction (snapshot + buffered writes), the
// catalog transaction (copy-on-write DDL state), and the storage tables created/dropped in it.
// Commit writes the catalog into the same storage commit when DDL ran, then publishes it.
import { CatalogTransaction } from '@vecgres/catalog';
import { toBlob } from './database-blob';
import type { Transaction } from '@vecgres/storage';
import { TransactionTableAccess } from '../storage/table-access';
import type { Database } from './database';

export class SessionTransaction {
  readonly storage: Transaction;
  readonly catalog: CatalogTransaction;
  readonly newTables = new Map<number, number>();
  readonly droppedTables = new Set<number>();
  readonly tables: TransactionTableAccess;
  /** Set when nextval/setval ran: the commit then persists the sequence positions. */
  usedSequences = false;

  constructor(readonly db: Database, readonly explicit: boolean) {
    this.storage = db.engine.begin();
    this.catalog = new CatalogTransaction(db.catalogState);
    this.tables = new TransactionTableAccess(this.storage, (oid) => this.storageIdOf(oid));
  }

  storageIdOf(oid: number): number | undefined {
    if (this.droppedTables.has(oid)) return undefined;
    return this.newTables.get(oid) ?? this.db.storageIds.get(oid);
  }

  async commit(): Promise<void> {
    const changed = this.catalog.changed;
    if (changed || this.usedSequences) this.storage.setCatalog(toBlob(this.catalog.state, this.db.sequences));
    await this.storage.commit();
    if (changed) {
      // Last committer wins for concurrent DDL (no catalog conflict detection yet).
      this.db.catalogState = this.catalog.state;
      for (const [oid, id] of this.newTables) this.db.storageIds.set(oid, id);
      for (const oid of this.droppedTables) this.db.storageIds.delete(oid);
    }
  }

  rollback(): void {
    this.storage.rollback();
  }
}
