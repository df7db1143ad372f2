// The catalog state: user (and extension) objects only, as plain data keyed by OID.
//
// Builtin rows (pg_catalog types, functions, operators, casts, access methods) are constants
// in src/builtins and are NOT part of the state: the state stays small enough to copy on every
// DDL statement and to write at each checkpoint, and a newer vecgres that knows more builtins
// does not have to migrate persisted catalogs.
//
// The state is immutable by convention: DDL functions return a new state that shares every
// untouched record with the old one (copy-on-write). A transaction keeps its own state and
// commit swaps it in; rollback just drops it, so DDL is transactional as in PostgreSQL.
import type { ConstraintRow, Relation } from './relations';
import {
  FIRST_NORMAL_OBJECT_ID,
  INFORMATION_SCHEMA_NAMESPACE,
  PG_CATALOG_NAMESPACE,
  PUBLIC_NAMESPACE,
  type AccessMethodRow,
  type CastRow,
  type ExtensionRow,
  type NamespaceRow,
  type Oid,
  type OpclassRow,
  type OperatorRow,
  type ProcRow,
  type TypeRow,
} from './rows';

/** Version of the serialised layout (serializeCatalog); bump on incompatible changes. */
export const CATALOG_FORMAT_VERSION = 1;

/** Records keyed by the OID (as a decimal string, which is what JSON keys are). */
export type OidMap<T> = Readonly<Record<string, T>>;

export interface CatalogState {
  /** Counts committed and uncommitted changes; caches key on (state object) not on this. */
  readonly version: number;
  /** Next OID to hand out (PostgreSQL's GetNewObjectId counter, from 16384). */
  readonly nextOid: Oid;
  readonly namespaces: OidMap<NamespaceRow>;
  readonly relations: OidMap<Relation>;
  readonly constraints: OidMap<ConstraintRow>;
  readonly extensions: OidMap<ExtensionRow>;
  /** Non-builtin types, functions, ... (created by extensions). */
  readonly types: OidMap<TypeRow>;
  readonly procs: OidMap<ProcRow>;
  readonly operators: OidMap<OperatorRow>;
  readonly casts: OidMap<CastRow>;
  readonly accessMethods: OidMap<AccessMethodRow>;
  readonly opclasses: OidMap<OpclassRow>;
}

/** Collections of the state holding rows keyed by OID. */
export type CatalogCollection = Exclude<keyof CatalogState, 'version' | 'nextOid'>;

/** The builtin namespaces (pg_catalog, public, information_schema); pg_toast is omitted. */
export const BUILTIN_NAMESPACES: readonly NamespaceRow[] = [
  { oid: PG_CATALOG_NAMESPACE, name: 'pg_catalog', owner: 'postgres' },
  { oid: INFORMATION_SCHEMA_NAMESPACE, name: 'information_schema', owner: 'postgres' },
];

/**
 * A fresh database's catalog: the `public` schema (droppable, hence in the state) and no user
 * objects. As in PostgreSQL 15, `public` belongs to the pg_database_owner role (OID 6171).
 */
export function createCatalogState(): CatalogState {
  return {
    version: 0,
    nextOid: FIRST_NORMAL_OBJECT_ID,
    namespaces: { [PUBLIC_NAMESPACE]: { oid: PUBLIC_NAMESPACE, name: 'public', owner: 'pg_database_owner' } },
    relations: {},
    constraints: {},
    extensions: {},
    types: {},
    procs: {},
    operators: {},
    casts: {},
    accessMethods: {},
    opclasses: {},
  };
}

/** Hands out `count` consecutive OIDs: returns the first and the state with the counter moved. */
export function allocateOids(state: CatalogState, count = 1): { first: Oid; state: CatalogState } {
  return { first: state.nextOid, state: { ...state, nextOid: state.nextOid + count } };
}

/** Returns the state with `row` put (inserted or replaced) into `collection`. */
export function putRow<C extends CatalogCollection>(
  state: CatalogState,
  collection: C,
  row: CatalogState[C][string] & { oid: Oid },
): CatalogState {
  return { ...state, version: state.version + 1, [collection]: { ...state[collection], [row.oid]: row } };
}

/** Returns the state without the rows `oids` of `collection`. */
export function removeRows(state: CatalogState, collection: CatalogCollection, oids: Iterable<Oid>): CatalogState {
  const next: Record<string, unknown> = { ...state[collection] };
  let changed = false;
  for (const oid of oids) {
    if (String(oid) in next) {
      delete next[String(oid)];
      changed = true;
    }
  }
  return changed ? ({ ...state, version: state.version + 1, [collection]: next } as CatalogState) : state;
}
