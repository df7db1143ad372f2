// One database: the storage engine plus the committed catalog state shared by all sessions.
// The catalog is persisted in storage (Transaction.setCatalog on DDL commit, recovered with the
// data); catalog table OIDs map to storage table ids through the storage table names (the OID
// in decimal), so the map rebuilds from storage after a restart.
import { withCatalogCodecs } from './catalog-codecs';
import { ExtensionCodecCache, withExtensionCodecs } from './extension-codecs';
import {
  Catalog, InMemorySequenceValues, createCatalogRegistry, registerVectorExtension, type CatalogRegistry, type CatalogState,
} from '@vecgres/catalog';
import { builtinCodecRegistry, type CodecRegistry } from '@vecgres/pg-types';
import type { StorageEngine } from '@vecgres/storage';
import { fromBlob, toBlob } from './database-blob';
import { CommittedKeyIndexes } from '../constraints/key-index';
import { AnnIndexManager } from '../vector-index/ann-index-manager';
import { vectorIndexOids } from '../vector-index/ann-orphans';

export interface DatabaseOptions {
  registry?: CatalogRegistry;
  codecs?: CodecRegistry;
  /** Database name (current_database(), cross-database reference checks). */
  name?: string;
}

export class Database {
  /** The latest committed catalog. Sessions start each transaction from it. */
  catalogState: CatalogState;
  readonly registry: CatalogRegistry;
  /** Codecs of builtin and catalog-only types, plus those of the committed catalog's extension types. */
  readonly codecs: CodecRegistry;
  /** Builtin and catalog-only types only (layer extension codecs for a transaction's catalog). */
  readonly baseCodecs: CodecRegistry;
  readonly extensionCodecs = new ExtensionCodecCache();
  readonly name: string;
  /** Catalog relation OID -> storage table id, for committed tables. */
  readonly storageIds = new Map<number, number>();
  /** Sequence positions (shared by all sessions; persisted with each commit that moved one). */
  readonly sequences = new InMemorySequenceValues();
  /** Key maps over committed rows for unique / foreign-key checks (constraints/key-index.ts). */
  readonly keyIndexes = new CommittedKeyIndexes();
  /** Backend ids of the open sessions (each one's temp schema is pg_temp_<id>; session/temp-tables.ts). */
  readonly backendIds = new Set<number>();
  /** hnsw / ivfflat indexes of the sealed segments (vector-index/ann-index-manager.ts). */
  readonly annIndexes: AnnIndexManager;

  constructor(readonly engine: StorageEngine, opts: DatabaseOptions = {}) {
    this.catalogState = fromBlob(engine.catalog(), this.sequences);
    // The available extensions (pg_available_extensions): pgvector's `vector`.
    this.registry = opts.registry ?? registerVectorExtension(createCatalogRegistry());
    this.baseCodecs = withCatalogCodecs(opts.codecs ?? builtinCodecRegistry());
    this.codecs = withExtensionCodecs(this.baseCodecs, this.extensionCodecs, () => this.catalogState);
    this.name = opts.name ?? 'postgres';
    this.annIndexes = new AnnIndexManager(engine);
    for (const t of engine.tables()) {
      const oid = Number(t.name);
      if (Number.isInteger(oid)) this.storageIds.set(oid, t.id);
    }
    // Index files of transactions that never committed (a crash mid CREATE INDEX).
    void this.annIndexes.collectOrphans(() => vectorIndexOids(this.catalogState));
  }

  catalog(): Catalog {
    return new Catalog(this.catalogState);
  }

  /** The committed catalog and sequence positions, for StorageEngine.checkpoint(). */
  checkpointBlob(): unknown {
    return toBlob(this.catalogState, this.sequences);
  }
}
