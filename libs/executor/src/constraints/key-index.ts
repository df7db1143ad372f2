// Key lookups for unique and foreign-key checks without scanning the table per row.
//
//   Database ── CommittedKeyIndexes: per (storage table, key columns) a hash map
//   │             key -> row ids of committed versions; built on first use from the latest
//   │             snapshot, then fed by every commit (SessionTransaction.commit -> publish)
//   └─ SessionTransaction ── TxKeyIndexes: the rows this transaction inserted / deleted
//
// Row ids name immutable versions (an update is a new version), so an entry never goes stale:
// a candidate row id is re-checked for visibility on each lookup (deleted versions and rows of
// rolled-back savepoints drop out there) and pruned from the map once dead at the latest snapshot.
// Visibility follows PostgreSQL's unique check, which is not snapshot-based: a key held by a
// version this transaction sees, by its own insert, or by a version live in the latest snapshot
// (committed by a concurrent transaction after ours started) conflicts; the last case is
// reported as `concurrent` (PostgreSQL would have waited for that transaction, then failed).
// Unique keys written by concurrent transactions that have not committed yet are seen through
// claims (TableChecks.probe): PostgreSQL would wait for that transaction and fail with 23505
// if it commits; we fail at once with 23505 (or skip, for ON CONFLICT DO NOTHING).
import type { ScanColumn, TypeRef } from '@vecgres/planner';
import type { ReadView, Transaction } from '@vecgres/storage';
import type { Row } from '../exec/exec-context';
import { decodeRow } from '../storage/row-format';
import { keyString } from './key-codec';

/** Row ids holding a key: those this transaction may act on, and whether others hold it too. */
export interface KeyMatches { rowIds: number[]; concurrent: boolean }

/** Key lookups over one table (keys from key-codec's keyString, nulls encoded). */
export interface KeyLookup {
  find(table: number, keyColumns: KeySource, key: string): KeyMatches;
  /** Records that this transaction now holds a unique key (until it commits or rolls back). */
  claim?(table: number, keyColumns: KeySource, key: string): void;
  /** Whether another open transaction holds the unique key (it inserted it, uncommitted). */
  claimedByOther?(table: number, keyColumns: KeySource, key: string): boolean;
}

/** Who holds a unique key not yet committed (see TxKeyIndexes.claim). */
export interface KeyClaimant { readonly done: boolean }

/** A key computed from the whole row (expression index keys such as `lower(email)`). */
export interface KeyExpr {
  /** Names the key map: the same id must mean the same key function. */
  id: string;
  /** The columns a stored row is decoded into before `extract` runs. */
  columns: readonly ScanColumn[];
  extract: (row: Row) => unknown[];
  types: readonly TypeRef[];
}

/** Key columns (the key is their values), or a key expression. */
export type KeySource = readonly ScanColumn[] | KeyExpr;

function isExpr(src: KeySource): src is KeyExpr {
  return !Array.isArray(src);
}

function entryName(storageId: number, src: KeySource): string {
  if (isExpr(src)) return `${storageId}|${src.id}`;
  return `${storageId}|${(src as readonly ScanColumn[]).map((c) => `${c.attnum}:${c.type.oid}`).join(',')}`;
}

/** The key of a decoded row (laid out as keyColumns(src)). */
export function keyOfRow(src: KeySource, row: Row): string | null {
  if (isExpr(src)) return keyString(src.extract(row), src.types, true);
  return keyString(row, (src as readonly ScanColumn[]).map((c) => c.type), true);
}

/** The columns a stored row is decoded into for `src`. */
export function keyColumnsOf(src: KeySource): readonly ScanColumn[] {
  return isExpr(src) ? src.columns : (src as readonly ScanColumn[]);
}

function rowKey(src: KeySource, values: Record<string, unknown>): string | null {
  return keyOfRow(src, decodeRow(keyColumnsOf(src), values));
}

function add(map: Map<string, number[]>, key: string | null, rowId: number): void {
  if (key === null) return;
  const ids = map.get(key);
  if (!ids) map.set(key, [rowId]);
  else if (!ids.includes(rowId)) ids.push(rowId);
}

interface CommittedEntry { storageId: number; keyColumns: KeySource; map: Map<string, number[]> }

/** Per database: key maps over committed row versions (see the file header). */
export class CommittedKeyIndexes {
  private readonly entries = new Map<string, CommittedEntry>();
  /** Unique keys written by open transactions: `entry#key` -> the transaction's indexes. */
  readonly claims = new Map<string, KeyClaimant>();

  /** The map for (table, key columns), built from `latest()` on first use. */
  entry(storageId: number, keyColumns: KeySource, latest: () => ReadView): Map<string, number[]> {
    const name = entryName(storageId, keyColumns);
    let e = this.entries.get(name);
    if (!e) {
      const map = new Map<string, number[]>();
      const view = latest();
      try {
        if (view.hasTable(storageId)) for (const r of view.table(storageId).rows()) add(map, rowKey(keyColumns, r.values), r.rowId);
      } finally {
        view.release();
      }
      e = { storageId, keyColumns, map };
      this.entries.set(name, e);
    }
    return e.map;
  }

  /**
   * Adds the versions a transaction inserted, once its commit is acknowledged. Values left
   * out (null) are read back from `latest`, which includes the commit.
   */
  publish(inserted: ReadonlyMap<number, ReadonlyMap<number, Record<string, unknown> | null>>, latest?: () => ReadView): void {
    let view: ReadView | undefined;
    try {
      for (const e of this.entries.values()) {
        const rows = inserted.get(e.storageId);
        if (!rows) continue;
        for (const [rowId, kept] of rows) {
          let values = kept;
          if (values === null && latest) {
            view ??= latest();
            values = view.hasTable(e.storageId) ? (view.table(e.storageId).get(rowId)?.values ?? null) : null;
          }
          if (values !== null) add(e.map, rowKey(e.keyColumns, values), rowId);
        }
      }
    } finally {
      view?.release();
    }
  }

  /** Forgets a dropped table's maps. */
  dropTable(storageId: number): void {
    for (const [name, e] of this.entries) if (e.storageId === storageId) this.entries.delete(name);
  }
}

/** One transaction's view of the key maps: committed versions plus its own writes. */
export class TxKeyIndexes implements KeyLookup {
  /**
   * storage id -> (row id -> null) of versions this transaction inserted and still holds. The
   * payload is not kept (it is read back through the transaction, or after the commit from the
   * latest snapshot, when a key map needs it): a large COPY must not hold its rows here, the
   * storage transaction spills them to disk.
   */
  readonly inserted = new Map<number, Map<number, Record<string, unknown> | null>>();
  private readonly deleted = new Set<string>();
  private readonly own = new Map<string, { storageId: number; keyColumns: KeySource; map: Map<string, number[]> }>();

  constructor(
    private readonly tx: Transaction,
    private readonly storageIdOf: (table: number) => number | undefined,
    private readonly committed: CommittedKeyIndexes,
    private readonly latest: () => ReadView,
  ) {}

  noteInsert(storageId: number, rowId: number, values: Record<string, unknown>): void {
    let rows = this.inserted.get(storageId);
    if (!rows) this.inserted.set(storageId, (rows = new Map()));
    for (const e of this.own.values()) if (e.storageId === storageId) add(e.map, rowKey(e.keyColumns, values), rowId);
    rows.set(rowId, null);
  }

  noteDelete(storageId: number, rowId: number): void {
    const rows = this.inserted.get(storageId);
    if (rows?.delete(rowId)) return;
    this.deleted.add(`${storageId}:${rowId}`);
  }

  /** Tables created in this transaction have no committed rows. */
  private isCommitted(storageId: number): boolean {
    const view = this.latest();
    try {
      return view.hasTable(storageId);
    } finally {
      view.release();
    }
  }

  find(table: number, keyColumns: KeySource, key: string): KeyMatches {
    const storageId = this.storageIdOf(table);
    const out: KeyMatches = { rowIds: [], concurrent: false };
    if (storageId === undefined) return out;
    const name = entryName(storageId, keyColumns);
    let own = this.own.get(name);
    if (!own) {
      own = { storageId, keyColumns, map: new Map() };
      for (const [rowId, kept] of this.inserted.get(storageId) ?? []) {
        const values = kept ?? this.tx.get(storageId, rowId)?.values;
        if (values) add(own.map, rowKey(keyColumns, values), rowId);
      }
      this.own.set(name, own);
    }
    const ownMap = own.map;
    const mine = this.inserted.get(storageId);
    for (const rowId of ownMap.get(key) ?? []) if (mine?.has(rowId) && this.tx.get(storageId, rowId)) out.rowIds.push(rowId);
    if (!this.committedTables.has(storageId)) this.committedTables.set(storageId, this.isCommitted(storageId));
    if (!this.committedTables.get(storageId)) return out;
    const ids = this.committed.entry(storageId, keyColumns, this.latest).get(key);
    if (!ids) return out;
    for (const rowId of [...ids]) {
      if (this.tx.get(storageId, rowId)) {
        out.rowIds.push(rowId);
        continue;
      }
      // Deleted by this transaction (a savepoint rollback that undid the delete shows above).
      if (this.deleted.has(`${storageId}:${rowId}`)) continue;
      const view = this.latest();
      try {
        if (view.hasTable(storageId) && view.table(storageId).get(rowId)) out.concurrent = true;
        else ids.splice(ids.indexOf(rowId), 1);
      } finally {
        view.release();
      }
    }
    return out;
  }

  private readonly committedTables = new Map<number, boolean>();
  private readonly claimed: string[] = [];
  /** Set when the transaction ended (its claims no longer count). */
  done = false;

  claim(table: number, keyColumns: KeySource, key: string): void {
    const storageId = this.storageIdOf(table);
    if (storageId === undefined || this.done) return;
    const name = `${entryName(storageId, keyColumns)}#${key}`;
    if (this.committed.claims.get(name) === this) return;
    this.committed.claims.set(name, this);
    this.claimed.push(name);
  }

  claimedByOther(table: number, keyColumns: KeySource, key: string): boolean {
    const storageId = this.storageIdOf(table);
    if (storageId === undefined) return false;
    const owner = this.committed.claims.get(`${entryName(storageId, keyColumns)}#${key}`);
    return owner !== undefined && owner !== this && !owner.done;
  }

  /** After the commit is acknowledged: make this transaction's versions known to everyone. */
  publish(): void {
    this.committed.publish(this.inserted, this.latest);
  }

  /** The transaction ended (committed, failed or rolled back): drop its claims. */
  release(): void {
    this.done = true;
    for (const name of this.claimed) if (this.committed.claims.get(name) === this) this.committed.claims.delete(name);
    this.claimed.length = 0;
  }
}

/** KeyLookup by scanning (for TableAccess implementations without key maps). */
export function scanKeyLookup(scan: (table: number, columns: readonly ScanColumn[]) => Iterable<{ rowId: number; row: Row }>): KeyLookup {
  return {
    find(table, src, key) {
      const rowIds: number[] = [];
      for (const r of scan(table, keyColumnsOf(src))) if (keyOfRow(src, r.row) === key) rowIds.push(r.rowId);
      return { rowIds, concurrent: false };
    },
  };
}
