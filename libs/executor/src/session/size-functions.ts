// Object size functions over storage's size accounting (engine.tableSize), bound to the
// session's transaction so relations created in it resolve:
//
//   pg_relation_size(rel[, fork])  main fork: sealed segment files (vectors + columns + deletes)
//                                  plus the unsealed rows, which live in the WAL and in memory
//                                  until sealed; fsm / vm / init: 0 (we have none)
//   pg_table_size / pg_total_relation_size   same (no TOAST; no persisted indexes yet)
//   pg_indexes_size                0 until vector indexes persist files (the next issue)
//   pg_database_size(name | oid)   sum over the database's tables
//
// A relation OID that does not exist gives NULL, as in PostgreSQL; views, sequences and
// indexes report 0. vecgresMemoryRows() feeds the vecgres_memory view.
import { Catalog } from '@vecgres/catalog';
import { invalidParameter, undefinedDatabase } from '@vecgres/errors';
import type { StorageEngine, TableSize } from '@vecgres/storage';
import type { Database } from './database';
import type { SessionTransaction } from './session-tx';

/** The database OID our pg_database row reports (PostgreSQL's `postgres` database is 5). */
const DATABASE_OID = 5;
const FORKS = ['main', 'fsm', 'vm', 'init'];

function sizeOf(engine: StorageEngine, storageId: number | undefined): TableSize | undefined {
  // A table created by the running transaction has no committed storage yet.
  if (storageId === undefined || !engine.state.tables.has(storageId)) return undefined;
  return engine.tableSize(storageId);
}

/** Main-fork bytes of one table. */
export function mainForkBytes(z: TableSize | undefined): number {
  return z ? z.vectorFileBytes + z.otherFileBytes + z.mutableMemoryBytes : 0;
}

function databaseBytes(db: Database): bigint {
  let total = 0;
  for (const id of db.storageIds.values()) total += mainForkBytes(sizeOf(db.engine, id));
  return BigInt(total);
}

/** `tx`: the transaction, or a getter for the one running now (a session's functions made once). */
export function sizeFunctions(tx: SessionTransaction | (() => SessionTransaction)): Record<string, (...args: any[]) => unknown> {
  const cur = typeof tx === 'function' ? tx : () => tx;
  /** null: no such relation; 0: a relation without storage (view, index, sequence). */
  const relationBytes = (oid: number): bigint | null => {
    const t = cur();
    const rel = new Catalog(t.catalog.state).relation(oid);
    if (!rel) return null;
    return BigInt(mainForkBytes(sizeOf(t.db.engine, t.storageIdOf(oid))));
  };
  return {
    pg_relation_size: (oid: number, fork?: string) => {
      if (fork !== undefined && !FORKS.includes(fork)) {
        throw invalidParameter('invalid fork name', { hint: 'Valid fork names are "main", "fsm", "vm", and "init".' });
      }
      const bytes = relationBytes(oid);
      return bytes === null || fork === undefined || fork === 'main' ? bytes : 0n;
    },
    pg_table_size: (oid: number) => relationBytes(oid),
    pg_total_relation_size: (oid: number) => relationBytes(oid),
    pg_indexes_size: (oid: number) => (relationBytes(oid) === null ? null : 0n),
    pg_database_size_name: (name: string) => {
      if (name !== cur().db.name) throw undefinedDatabase(`database "${name}" does not exist`);
      return databaseBytes(cur().db);
    },
    pg_database_size_oid: (oid: number) => (oid === DATABASE_OID ? databaseBytes(cur().db) : null),
  };
}

/** One vecgres_memory row per table: where its bytes are (disk, mapped, JS heap). */
export interface MemoryRow {
  relid: number;
  /** vectors.<col>.f32 bytes of sealed segments: on disk and memory-mapped (paged by the OS). */
  vectorFileBytes: number;
  mappedBytes: number;
  /** Other sealed segment files (payload, ids, versions, bitmaps). */
  otherFileBytes: number;
  /** JS heap: sealed segments' loaded columns + the mutable segment. */
  heapBytes: number;
  sealedSegments: number;
  rowVersions: number;
}

export function vecgresMemoryRows(db: Database): MemoryRow[] {
  const out: MemoryRow[] = [];
  for (const [relid, id] of [...db.storageIds].sort((a, b) => a[0] - b[0])) {
    const z = sizeOf(db.engine, id);
    if (!z) continue;
    out.push({
      relid,
      vectorFileBytes: z.vectorFileBytes,
      mappedBytes: z.vectorFileBytes,
      otherFileBytes: z.otherFileBytes,
      heapBytes: z.sealedMemoryBytes + z.mutableMemoryBytes,
      sealedSegments: z.sealedSegments,
      rowVersions: z.rowVersions,
    });
  }
  return out;
}
