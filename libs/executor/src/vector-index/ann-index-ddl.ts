// CREATE INDEX / DROP INDEX / REINDEX for the vector access methods (hnsw, ivfflat), run from
// the DDL's data effects in its transaction (an error rolls the catalog change back):
//   - pgvector's checks: "column does not have dimensions" (a vector without typmod),
//     "column cannot have more than 16000 dimensions for hnsw index" (we go beyond pgvector's
//     2,000: no 8 KB pages here; documented), both elog(ERROR) = XX000 as in pgvector;
//     opclass/type mismatches, m / ef_construction / lists ranges are the catalog's.
//   - ivfflat's NOTICE "ivfflat index created with little data" when the table has fewer rows
//     with a vector than lists (ivfbuild.c: samples < lists).
//   - the build: seal the table's committed mutable rows first, so the data lives in sealed
//     segments, then one index per sealed segment (annIndexManager.buildTable).
// Only `vector(n)` columns stored apart from the payload (storage vector columns, float32) get
// files here. HNSW indexes owning their vectors (halfvec / bit columns, expression keys:
// ann-owned-index.ts) are built per sealed segment in the background, queued by the first query
// that meets a segment without one (their key is evaluated by the executor); until then, and
// for sparsevec and IVFFlat over other types, the rows are searched exactly.
import { Catalog, type CatalogNotice, type CatalogState, type IndexRelation } from '@vecgres/catalog';
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { payloadIndexRef, type ScanColumn } from '@vecgres/planner';
import type { StorageEngine } from '@vecgres/storage';
import { type AnnIndexSpec, OPCLASS_METRICS, buildParams } from './ann-index';
import type { AnnIndexManager } from './ann-index-manager';
import type { AnnBuildContext } from './ann-build-context';

/** Beyond pgvector (2,000 for vector, 4,000 halfvec, 64,000 bit): the same limit for every type. */
export const ANN_MAX_DIMENSIONS = 16000;

export interface AnnDdlHost {
  engine: StorageEngine;
  annIndexes: AnnIndexManager;
  /** Storage id of a committed table (undefined: created in this transaction or no storage). */
  committedStorageId(tableOid: number): number | undefined;
  /** Rows with a non-NULL value in column `attnum`, counted up to `limit`. */
  countNonNull(tableOid: number, attnum: number, limit: number): number;
  /** The statement's cancel signal, DEBUG1 channel and transaction (ann-build-context.ts). */
  build?: AnnBuildContext;
}

function vectorIndex(cat: Catalog, oid: number): { ix: IndexRelation; am: 'hnsw' | 'ivfflat' } | undefined {
  const ix = cat.relation(oid);
  if (!ix || ix.kind !== 'i') return undefined;
  const am = cat.accessMethod(ix.am)?.name;
  return am === 'hnsw' || am === 'ivfflat' ? { ix, am } : undefined;
}

/** The build spec of index `oid` when it is natively indexed (a storage vector column). */
export function annSpecOf(cat: Catalog, oid: number, storageColumns: ReadonlyMap<string, number>): AnnIndexSpec | undefined {
  const v = vectorIndex(cat, oid);
  if (!v || v.ix.keys.length !== 1) return undefined;
  const key = v.ix.keys[0];
  const opclass = cat.opclass(key.opclass)?.name;
  const metric = opclass ? OPCLASS_METRICS[opclass] : undefined;
  const dim = storageColumns.get(String(key.attnum));
  if (key.expr || !metric || dim === undefined || (v.am === 'ivfflat' && metric === 'l1')) return undefined;
  const params = buildParams(v.ix.options);
  const payloadRefs = params.payloadM > 0 ? cat.indexesOf(v.ix.table).map((x) => payloadIndexRef(cat, x.oid)).filter((r) => r !== undefined) : [];
  return { oid, am: v.am, column: String(key.attnum), dim, metric, ...params, ...(payloadRefs.length > 0 ? { payloadRefs } : {}) };
}

/** pgvector's column checks for an hnsw / ivfflat index on a column (not an expression). */
function checkDimensions(cat: Catalog, ix: IndexRelation, am: string): void {
  const key = ix.keys[0];
  if (!key || key.expr || key.attnum <= 0) return;
  const col = cat.table(ix.table)?.columns.find((c) => c.attnum === key.attnum);
  if (!col) return;
  if (col.typmod < 0) throw new SqlError(SQLSTATE.INTERNAL_ERROR, 'column does not have dimensions');
  if (col.typmod > ANN_MAX_DIMENSIONS) {
    throw new SqlError(SQLSTATE.INTERNAL_ERROR, `column cannot have more than ${ANN_MAX_DIMENSIONS} dimensions for ${am} index`);
  }
}

/**
 * The data side of CREATE INDEX of a payload index (planner payload-index-choice.ts): its
 * structures for every sealed segment the table has now (later ones: built by the first query
 * that needs them). The mutable rows are not sealed for it (filters evaluate them on rows).
 */
async function buildPayloadIndex(host: AnnDdlHost, cat: Catalog, oid: number): Promise<boolean> {
  const ref = payloadIndexRef(cat, oid);
  if (!ref) return false;
  const rel = cat.relation(oid);
  const table = rel && rel.kind === 'i' ? host.committedStorageId(rel.table) : undefined;
  if (table === undefined) return true;
  if (host.build?.owner) host.annIndexes.pending.note(host.build.owner, table, oid);
  await host.annIndexes.payload.buildTable(table, ref, host.build?.signal);
  return true;
}

/** The data side of CREATE INDEX for hnsw / ivfflat (and payload indexes); returns its notices. Other indexes: nothing. */
export async function buildAnnIndex(host: AnnDdlHost, state: CatalogState, oid: number): Promise<CatalogNotice[]> {
  const cat = new Catalog(state);
  const v = vectorIndex(cat, oid);
  if (!v) {
    await buildPayloadIndex(host, cat, oid);
    return [];
  }
  const { ix, am } = v;
  checkDimensions(cat, ix, am);
  const notices: CatalogNotice[] = [];
  const key = ix.keys[0];
  if (am === 'ivfflat' && key && key.attnum > 0) {
    const { lists } = buildParams(ix.options);
    if (host.countNonNull(ix.table, key.attnum, lists) < lists) {
      notices.push({
        severity: 'NOTICE', sqlstate: SQLSTATE.SUCCESSFUL_COMPLETION, message: 'ivfflat index created with little data',
        detail: 'This will cause low recall.', hint: 'Drop the index until the table has more data.',
      });
    }
  }
  const table = host.committedStorageId(ix.table);
  if (table === undefined) return notices;
  const view = host.engine.snapshot();
  let columns: ReadonlyMap<string, number>;
  try {
    columns = view.hasTable(table) ? new Map(view.table(table).def.vectorColumns.map((c) => [c.name, c.dim])) : new Map();
  } finally {
    view.release();
  }
  const spec = annSpecOf(cat, oid, columns);
  if (!spec) return notices;
  if (host.build?.signal?.aborted) throw host.build.signal.reason;
  await host.engine.seal(table);
  await host.annIndexes.buildTable(table, spec, host.build);
  return notices;
}

/** DROP INDEX of a vector index (catalog `before` the drop): its segment files go. */
export async function dropAnnIndex(host: AnnDdlHost, before: CatalogState, oid: number): Promise<void> {
  const cat = new Catalog(before);
  const v = vectorIndex(cat, oid);
  if (!v) {
    const rel = cat.relation(oid);
    if (payloadIndexRef(cat, oid) && rel?.kind === 'i') await host.annIndexes.dropIndex(host.committedStorageId(rel.table), oid);
    return;
  }
  await host.annIndexes.dropIndex(host.committedStorageId(v.ix.table), oid);
}

/** REINDEX of one vector index: its files are removed and built again. */
export async function reindexAnnIndex(host: AnnDdlHost, state: CatalogState, oid: number): Promise<void> {
  const cat = new Catalog(state);
  const v = vectorIndex(cat, oid);
  if (!v) {
    const rel = cat.relation(oid);
    if (!payloadIndexRef(cat, oid) || rel?.kind !== 'i') return;
    await host.annIndexes.dropIndex(host.committedStorageId(rel.table), oid, { rebuilding: true });
    await buildPayloadIndex(host, cat, oid);
    return;
  }
  const table = host.committedStorageId(v.ix.table);
  await host.annIndexes.dropIndex(table, oid, { rebuilding: true });
  await buildAnnIndex(host, state, oid);
}

/** The DDL host over a session transaction (its catalog, rows and the database's engine). */
export function annDdlHost(tx: {
  db: { engine: StorageEngine; annIndexes: AnnIndexManager; storageIds: ReadonlyMap<number, number> };
  newTables: ReadonlyMap<number, number>;
  catalog: { state: CatalogState };
  tables: { scan(table: number, columns: readonly ScanColumn[]): Iterable<{ row: unknown[] }> };
  annBuild?: AnnBuildContext;
}): AnnDdlHost {
  return {
    // The transaction owns the files it builds: they go if it rolls back.
    build: { ...tx.annBuild, owner: tx },
    engine: tx.db.engine,
    annIndexes: tx.db.annIndexes,
    committedStorageId: (oid) => (tx.newTables.has(oid) ? undefined : tx.db.storageIds.get(oid)),
    countNonNull(tableOid, attnum, limit) {
      const col = new Catalog(tx.catalog.state).table(tableOid)?.columns.find((c) => c.attnum === attnum);
      if (!col) return 0;
      let n = 0;
      for (const r of tx.tables.scan(tableOid, [{ attnum, name: col.name, type: { oid: col.type, typmod: col.typmod } }])) {
        if (r.row[0] !== null && r.row[0] !== undefined && ++n >= limit) break;
      }
      return n;
    },
  };
}
