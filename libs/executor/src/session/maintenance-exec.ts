// CHECKPOINT and VACUUM / ANALYZE: on-demand runs of storage's background maintenance.
//
//   CHECKPOINT        engine.checkpoint(catalog blob): deletes + segment lists + the committed catalog
//                     into the manifest, WAL below the checkpoint removed
//   VACUUM [t, ...]   per table: seal the mutable segment, then merge every sealed segment
//                     into one, dropping versions deleted before the oldest open snapshot
//   ANALYZE           accepted; there are no planner statistics to gather yet
//
// Both run outside any session transaction (they act on committed data only) and queue behind
// other maintenance in storage's serial queue, so they never block readers or writers.
// @see https://www.postgresql.org/docs/15/sql-vacuum.html
import { Catalog, requireRelation, type ResolveContext } from '@vecgres/catalog';
import { activeSqlTransaction } from '@vecgres/errors';
import type { CheckpointStmt, VacuumStmt } from '@vecgres/sql';
import type { StorageEngine } from '@vecgres/storage';
import type { Database } from './database';
import type { EngineSink } from './result-sink';
import { vectorIndexOids } from '../vector-index/ann-orphans';

export async function executeCheckpoint(db: Database, _stmt: CheckpointStmt, sink: EngineSink): Promise<void> {
  // With the committed catalog + sequence positions, so the manifest is complete on its own.
  await db.engine.checkpoint(db.checkpointBlob());
  await db.annIndexes.collectOrphans(() => vectorIndexOids(db.catalogState));
  sink.complete('CHECKPOINT');
}

/** Seals and fully merges one storage table; returns the row versions purged. */
export async function vacuumTable(engine: StorageEngine, tableId: number): Promise<number> {
  await engine.seal(tableId);
  const sealed = engine.state.table(tableId).sealed.map((s) => s.id);
  if (sealed.length === 0) return 0;
  const merged = await engine.merge(tableId, sealed);
  return merged?.purged ?? 0;
}

/**
 * `inBlock`: an explicit transaction block is open (25001, as PostgreSQL: VACUUM cannot run
 * inside one). Tables are resolved against the committed catalog.
 */
export async function executeVacuum(
  db: Database,
  stmt: VacuumStmt,
  resolve: ResolveContext,
  inBlock: boolean,
  sink: EngineSink,
): Promise<void> {
  const word = stmt.isVacuum ? 'VACUUM' : 'ANALYZE';
  if (stmt.isVacuum && inBlock) throw activeSqlTransaction(`${word} cannot run inside a transaction block`);
  const catalog = new Catalog(db.catalogState);
  // Resolve every name first: a missing relation fails the statement before any work.
  const oids = stmt.relations.map((r) => requireRelation(catalog, resolve, r.table).oid);
  if (stmt.isVacuum) {
    const ids = stmt.relations.length > 0 ? oids.map((oid) => db.storageIds.get(oid)) : [...db.storageIds.values()];
    for (const id of new Set(ids)) {
      if (id !== undefined && db.engine.state.tables.has(id)) await vacuumTable(db.engine, id);
    }
  }
  sink.complete(word);
}
