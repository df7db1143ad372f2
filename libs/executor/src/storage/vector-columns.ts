// Which SQL columns live in storage vector columns (float32, fixed dimension, memory-mapped in
// sealed segments) instead of the row payload.
//
// The rule: a column whose type's input function is pgvector's `vector_in` and that has a
// dimension typmod (`vector(n)`) when the table is created (CREATE TABLE, CREATE TABLE AS).
// The storage column is named by the attnum in decimal, like the payload keys (row-format.ts),
// so RENAME COLUMN never touches storage. Stay in the payload (encoded by the type's codec):
// `vector` without a typmod (rows may mix dimensions), halfvec / sparsevec / bit. A vector(n)
// added by ALTER TABLE ADD COLUMN becomes one too (Transaction.addVectorColumn, ddl-exec.ts);
// data directories written before that keep such a column in the payload (storage lacks it).
// A dropped storage vector column keeps its (unread) storage column; new rows store NULL there.
import type { Catalog } from '@vecgres/catalog';
import type { VectorColumnDef } from '@vecgres/storage';

/** The typinput of types stored as storage vector columns (pgvector's `vector`). */
export const STORAGE_VECTOR_INPUT = 'vector_in';

/** True when a column of type `typeOid(typmod)` is stored as a storage vector column. */
export function isStorageVectorType(catalog: Catalog, typeOid: number, typmod: number): boolean {
  return typmod >= 1 && catalog.type(typeOid)?.input === STORAGE_VECTOR_INPUT;
}

/** The storage vector columns of a new table `oid` (empty when it has none). */
export function storageVectorColumns(catalog: Catalog, oid: number): VectorColumnDef[] {
  const rel = catalog.table(oid);
  if (!rel) return [];
  return rel.columns
    .filter((c) => !c.dropped && isStorageVectorType(catalog, c.type, c.typmod))
    .map((c) => ({ name: String(c.attnum), dim: c.typmod }));
}
