// One database: the storage engine plus the committed catalog state shared by all sessions.
// The catalog is persisted in storage (Transaction.setCatalog on DDL commit, recovered with the
// data); catalog table OIDs map to storage table ids through the storage table names (the OID
// in decimal), so the map rebuilds from storage after a restart.
import { withCatalogCodecs } from './catalog-codecs';
import { Catalog, InMemorySequenceValues, createCatalogRegistry, type CatalogRegistry, type CatalogState } from '@vecgres/catalog';
import { builtinCodecRegistry, type CodecRegistry } from '@vecgres/pg-types';
import type { StorageEngine } from '@vecgres/storage';
import { fromBlob, toBlob } from './database-blob';
import { CommittedKeyIndexes } from '../constraints/key-index';

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
  readonly codecs: CodecRegistry;
  readonly name: string;
  /** Catalog relation OID -> storage table id, for committed tables. */
  readonly storageIds = new Map<number, number>();
  /** Sequence positions (shared by all sessions; persisted with each commit that moved one). */
  readonly sequences = new InMemorySequenceValues();
  /** Key maps over committed rows for unique / foreign-key checks (constraints/key-index.ts). */
  readonly keyIndexes = new CommittedKeyIndexes();

  constructor(readonly engine: StorageEngine, opts: DatabaseOptions = {}) {
    this.catalogState = fromBlob(engine.catalog(), this.sequences);
    this.registry = opts.registry ?? createCatalogRegistry();
    this.codecs = withCatalogCodecs(opts.codecs ?? builtinCodecRegistry());
    this.name = opts.name ?? 'postgres';
    for (const t of engine.tables()) {
      const oid = Number(t.name);
      if (Number.isInteger(oid)) this.storageIds.set(oid, t.id);
    }
  }

  catalog(): Catalog {
    return new Catalog(this.catalogState);
  }

  /** The committed catalog and sequence positions, for StorageEngine.checkpoint(). */
  checkpointBlob(): unknown {
    return toBlob(this.catalogState, this.sequences);
  }
}
