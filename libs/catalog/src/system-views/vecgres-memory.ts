// pg_catalog.vecgres_memory: where each table's bytes are (vecgres only, no PostgreSQL
// counterpart). One row per table with storage: sealed segments' vector files (on disk,
// memory-mapped and paged by the OS, not in the process heap), their other files, and the JS
// heap held by the table (sealed segments' loaded columns + the mutable segment). The session
// supplies the numbers (SessionInfo.memory, from the storage engine's size accounting).
//
//   SELECT relname, heap_bytes, mapped_bytes FROM vecgres_memory ORDER BY heap_bytes DESC;
import type { Oid } from '../model/rows';
import type { SystemViewContext, ViewColumnSpec, ViewRecord } from './system-view';

/** Relation OID of vecgres_memory: below FirstNormalObjectId, clear of PostgreSQL 15's own. */
export const VECGRES_MEMORY_OID: Oid = 16300;

/** Column list (name, type OID, typmod): oid, name, int8 and int4 columns. */
export const VECGRES_CATALOG_COLUMNS: Readonly<Record<string, readonly ViewColumnSpec[]>> = {
  vecgres_memory: [
    ['relid', 26, -1], ['schemaname', 19, -1], ['relname', 19, -1], ['vector_file_bytes', 20, -1],
    ['mapped_bytes', 20, -1], ['other_file_bytes', 20, -1], ['heap_bytes', 20, -1], ['sealed_segments', 23, -1],
    ['row_versions', 20, -1],
  ],
};

/** One table's sizes, as the storage engine reports them. */
export interface MemoryInfo {
  relid: Oid;
  vectorFileBytes: number;
  mappedBytes: number;
  otherFileBytes: number;
  heapBytes: number;
  sealedSegments: number;
  rowVersions: number;
}

export function* vecgresMemoryRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const m of ctx.session.memory?.() ?? []) {
    const rel = ctx.catalog.relation(m.relid);
    if (!rel) continue; // dropped, or created by a transaction this session cannot see
    yield {
      relid: m.relid, schemaname: ctx.catalog.namespace(rel.namespace)?.name ?? null, relname: rel.name,
      vector_file_bytes: BigInt(m.vectorFileBytes), mapped_bytes: BigInt(m.mappedBytes),
      other_file_bytes: BigInt(m.otherFileBytes), heap_bytes: BigInt(m.heapBytes), sealed_segments: m.sealedSegments,
      row_versions: BigInt(m.rowVersions),
    };
  }
}
