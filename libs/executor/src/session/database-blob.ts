// What the executor stores as the storage engine's catalog blob: the catalog envelope plus
// sequence values (sequences are not transactional in PostgreSQL either: each commit that
// used nextval/setval writes the values as they are at that moment, so every committed row's
// serial value is at or below the recovered sequence position).
import { catalogFromJson, catalogToJson, type CatalogState, type SequenceValueStore } from '@vecgres/catalog';

export interface DatabaseBlob {
  format: 'vecgres-database';
  catalog: unknown;
  /** sequence OID -> [last_value (decimal text), is_called] */
  sequences: Record<string, [string, boolean]>;
}

export function toBlob(state: CatalogState, sequences: SequenceValueStore): DatabaseBlob {
  const seqs: Record<string, [string, boolean]> = {};
  for (const r of Object.values(state.relations)) {
    if (r.kind !== 'S') continue;
    const v = sequences.get(r.oid);
    if (v) seqs[r.oid] = [v.lastValue.toString(), v.isCalled];
  }
  return { format: 'vecgres-database', catalog: catalogToJson(state), sequences: seqs };
}

/** Reads a blob (or a bare catalog envelope, or nothing) into the catalog and sequence store. */
export function fromBlob(blob: unknown, sequences: SequenceValueStore): CatalogState {
  const b = blob as Partial<DatabaseBlob> | null;
  if (b && b.format === 'vecgres-database') {
    for (const [oid, [last, called]] of Object.entries(b.sequences ?? {})) {
      sequences.set(Number(oid), { lastValue: BigInt(last), isCalled: called });
    }
    return catalogFromJson(b.catalog);
  }
  return catalogFromJson(blob);
}
