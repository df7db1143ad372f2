// One open transaction of a session: the storage transaction (snapshot + buffered writes), the
// catalog transaction (copy-on-write DDL state), and the storage tables created/dropped in it.
// Commit writes the catalog into the same storage commit when DDL ran, then publishes it.
import { CatalogTransaction } from '@vecgres/catalog';
import { toBlob } from './database-blob';
import type { CommitOptions, Transaction } from '@vecgres/storage';
import { TransactionTableAccess } from '../storage/table-access';
import type { Database } from './database';
import type { SessionSavepoint } from './session-savepoints';
import type { SessionSettings } from './settings';
import { wallClockMicros } from './function-session';
import { withExtensionCodecs } from './extension-codecs';
import type { AnnBuildContext } from '../vector-index/ann-build-context';

/** PostgreSQL's isolation level names; SERIALIZABLE runs as REPEATABLE READ (no SSI). */
export type IsolationLevelName = 'read uncommitted' | 'read committed' | 'repeatable read' | 'serializable';

export class SessionTransaction {
  readonly storage: Transaction;
  readonly catalog: CatalogTransaction;
  readonly newTables = new Map<number, number>();
  readonly droppedTables = new Set<number>();
  readonly tables: TransactionTableAccess;
  /** Set when nextval/setval ran: the commit then persists the sequence positions. */
  usedSequences = false;
  /** SAVEPOINTs defined in this transaction, oldest first. */
  readonly savepoints: SessionSavepoint[] = [];
  /** Statements that read or wrote data so far (SET TRANSACTION must come before any). */
  statements = 0;
  isolation: IsolationLevelName;
  /** READ ONLY (BEGIN READ ONLY, SET TRANSACTION READ ONLY, default_transaction_read_only). */
  readOnly: boolean;
  /** now() / CURRENT_TIMESTAMP: when the transaction started (µs since 2000-01-01 UTC). */
  readonly startedAt = wallClockMicros();
  /** The running statement's cancel signal / DEBUG1 channel for hnsw / ivfflat builds. */
  annBuild?: AnnBuildContext;
  /** `settings` gives the default isolation level (default_transaction_isolation). */
  constructor(readonly db: Database, readonly explicit: boolean, settings?: SessionSettings) {
    this.storage = db.engine.begin();
    this.catalog = new CatalogTransaction(db.catalogState);
    this.tables = new TransactionTableAccess(this.storage, (oid) => this.storageIdOf(oid),
      { committed: db.keyIndexes, latest: () => db.engine.snapshot() },
      withExtensionCodecs(db.baseCodecs, db.extensionCodecs, () => this.catalog.state));
    // Memoized per settings version: an implicit transaction is created for every statement.
    const defaults = settings?.derived('transaction-defaults', () => ({
      isolation: (settings.get('default_transaction_isolation') ?? 'read committed') as IsolationLevelName,
      readOnly: settings.find('default_transaction_read_only') === 'on',
    }));
    this.isolation = defaults?.isolation ?? 'read committed';
    this.readOnly = defaults?.readOnly ?? false;
  }

  /**
   * Called before each statement that reads or writes data. READ COMMITTED (and READ
   * UNCOMMITTED, which PostgreSQL treats alike) takes a new snapshot for every statement;
   * REPEATABLE READ / SERIALIZABLE take one at the first statement and keep it.
   */
  beginStatement(): void {
    const perStatement = this.isolation === 'read committed' || this.isolation === 'read uncommitted';
    if (perStatement || this.statements === 0) this.storage.refreshSnapshot();
    this.statements++;
  }

  storageIdOf(oid: number): number | undefined {
    if (this.droppedTables.has(oid)) return undefined;
    return this.newTables.get(oid) ?? this.db.storageIds.get(oid);
  }

  /** `opts.synchronousCommit` false: acknowledged after the WAL write (synchronous_commit = off). */
  async commit(opts: CommitOptions = {}): Promise<void> {
    const changed = this.catalog.changed;
    if (changed || this.usedSequences) this.storage.setCatalog(toBlob(this.catalog.state, this.db.sequences));
    try {
      await this.storage.commit(opts);
      this.tables.keys?.publish();
    } finally {
      this.tables.keys?.release();
    }
    if (changed) {
      // Last committer wins for concurrent DDL (no catalog conflict detection yet).
      this.db.catalogState = this.catalog.state;
      for (const [oid, id] of this.newTables) this.db.storageIds.set(oid, id);
      for (const oid of this.droppedTables) this.db.storageIds.delete(oid);
    }
    // Index files built in this transaction belong to the committed catalog now.
    void this.db.annIndexes.endTransaction(this, true);
  }

  rollback(): void {
    this.tables.keys?.release();
    this.storage.rollback();
    // CREATE INDEX files written outside the storage transaction (vector-index/ann-orphans.ts).
    void this.db.annIndexes.endTransaction(this, false);
  }
}
