// pg_stat_progress_create_index rows of the database's running hnsw / ivfflat builds (CREATE
// INDEX, REINDEX and the background builds of newly sealed / merged segments). Builds are not
// tied to a backend, so pid is the server process. Blocks are not meaningful here (no pages):
// blocks_total = tuples_total, blocks_done = tuples_done, so pgvector's README query
// `round(100.0 * blocks_done / nullif(blocks_total, 0), 1)` shows the build's progress.
import type { IndexProgressInfo } from '@vecgres/catalog';
import type { AnnIndexManager } from './ann-index-manager';

export function annProgressRows(db: { name: string; annIndexes: AnnIndexManager; storageIds: ReadonlyMap<number, number> }): IndexProgressInfo[] {
  const tableOid = new Map([...db.storageIds].map(([oid, id]) => [id, oid] as const));
  return db.annIndexes.progress().map((p) => ({
    pid: process.pid, database: db.name, relid: tableOid.get(p.table) ?? 0, indexRelid: p.index, command: 'CREATE INDEX',
    amPhase: p.phase, blocksTotal: p.tuplesTotal, blocksDone: p.tuplesDone, tuplesTotal: p.tuplesTotal, tuplesDone: p.tuplesDone,
  }));
}
