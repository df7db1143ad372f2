// Serialisation of the catalog state for checkpoints (storage keeps it as an opaque JSON blob
// and logs DDL commits in the WAL). The envelope carries a format version so a later vecgres can
// migrate or refuse an unknown layout instead of misreading it.
import { dataCorrupted } from '@vecgres/errors';
import { CATALOG_FORMAT_VERSION, createCatalogState, type CatalogCollection, type CatalogState } from './state';

/** The JSON value written to storage: `{format: 'vecgres-catalog', formatVersion, state}`. */
export interface CatalogEnvelope {
  format: 'vecgres-catalog';
  formatVersion: number;
  state: CatalogState;
}

const COLLECTIONS: readonly CatalogCollection[] = [
  'namespaces', 'relations', 'constraints', 'extensions', 'types', 'procs', 'operators', 'casts',
  'accessMethods', 'opclasses',
];

/** The state as a JSON value (for storage APIs that take `unknown` and stringify themselves). */
export function catalogToJson(state: CatalogState): CatalogEnvelope {
  return { format: 'vecgres-catalog', formatVersion: CATALOG_FORMAT_VERSION, state };
}

/** The state as a string. Deterministic for a given state (key order is insertion order). */
export function serializeCatalog(state: CatalogState): string {
  return JSON.stringify(catalogToJson(state));
}

/**
 * Reads what catalogToJson wrote. `null`/`undefined` (a data directory without a catalog yet)
 * yields a fresh catalog. Anything unrecognisable is XX001 data corruption: starting with an
 * empty catalog over existing data would silently lose tables.
 */
export function catalogFromJson(value: unknown): CatalogState {
  if (value === null || value === undefined) return createCatalogState();
  const env = value as Partial<CatalogEnvelope>;
  if (typeof env !== 'object' || env.format !== 'vecgres-catalog') {
    throw dataCorrupted('catalog blob is not a vecgres catalog');
  }
  if (env.formatVersion !== CATALOG_FORMAT_VERSION) {
    throw dataCorrupted(`unsupported catalog format version ${String(env.formatVersion)}`, {
      hint: `This build reads catalog format ${CATALOG_FORMAT_VERSION}.`,
    });
  }
  const state = env.state as CatalogState | undefined;
  if (!state || typeof state.nextOid !== 'number' || typeof state.version !== 'number') {
    throw dataCorrupted('catalog blob has no valid state');
  }
  for (const c of COLLECTIONS) {
    if (typeof state[c] !== 'object' || state[c] === null) throw dataCorrupted(`catalog blob lacks "${c}"`);
  }
  return state;
}

/** Parses what serializeCatalog wrote. */
export function deserializeCatalog(text: string): CatalogState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw dataCorrupted('catalog blob is not valid JSON', { cause: e });
  }
  return catalogFromJson(value);
}
