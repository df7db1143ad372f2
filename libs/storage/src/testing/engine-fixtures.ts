// Builders for engine tests.
import { StorageEngine, type StorageOptions } from '../engine/storage-engine';
import { testNative } from './native';

export function vec(dim: number, seed: number): Float32Array {
  const v = new Float32Array(dim);
  for (let i = 0; i < dim; i++) v[i] = Math.sin(seed * 7.1 + i * 1.3);
  return v;
}

export async function openEngine(dir: string, opts: StorageOptions = {}) {
  return StorageEngine.open(dir, { native: testNative(), autoMaintenance: false, ...opts });
}

/** Creates table "items" with vector column emb(dim) and returns its id. */
export async function createItems(engine: StorageEngine, dim = 4): Promise<number> {
  const tx = engine.begin();
  const id = tx.createTable({ name: 'items', vectorColumns: [{ name: 'emb', dim }] });
  await tx.commit();
  return id;
}

/** Sorted `k` values of the visible rows of a table. */
export function visibleKeys(engine: StorageEngine, tableId: number): number[] {
  const v = engine.snapshot();
  try {
    return [...v.table(tableId).rows()].map((r) => r.values.k as number).sort((a, b) => a - b);
  } finally {
    v.release();
  }
}
