// Virtual system tables: pg_catalog and information_schema relations computed from a Catalog
// and the session, so clients' catalog queries (psql \d, drivers, ORMs) run through the real
// planner and executor as scans of these rows, never by matching query text.
//
// A view is its PostgreSQL identity (schema, name, relation OID, relkind) plus PostgreSQL 15's
// exact column list (generated in columns/) and a row generator. Generators produce records
// keyed by column name; `rows()` lays them out in column order and fills absent columns with
// NULL, so a generator only names the columns it knows.
import type { Catalog } from '../lookup/catalog';
import type { Oid } from '../model/rows';
import type { CatalogRegistry } from '../registry/registry';
import type { MemoryInfo } from './vecgres-memory';

export type SystemSchema = 'pg_catalog' | 'information_schema';

/** [attname, atttypid, atttypmod], as in the generated column lists. */
export type ViewColumnSpec = readonly [name: string, typeOid: Oid, typmod: number];

export interface ViewColumn {
  name: string;
  typeOid: Oid;
  /** atttypmod; -1 for none (yes_or_no columns are varchar(3): 7). */
  typmod: number;
}

/**
 * A value of a virtual-table cell, in libs/pg-types' value model: oid, int2, int4, regproc,
 * regclass, regtype, xid and float4 as number; int8 and timestamptz as bigint; name, text,
 * varchar, pg_node_tree and `"char"` (one character, '' for NUL) as string; bool as boolean;
 * arrays (int2vector, oidvector, oid[], text[], ...) as whatever `SystemViewContext.makeArray`
 * returns; SQL NULL as null.
 */
export type SystemValue = unknown;

/** A role the server knows (pg_authid / pg_roles / pg_user). */
export interface RoleInfo {
  oid: Oid;
  name: string;
  superuser: boolean;
  canLogin: boolean;
  createRole?: boolean;
  createDb?: boolean;
  replication?: boolean;
  bypassRls?: boolean;
  connLimit?: number;
}

/** A database the server knows (pg_database). */
export interface DatabaseInfo {
  oid: Oid;
  name: string;
  /** datdba, as a role name. */
  owner: string;
  /** pg_encoding id: 6 is UTF8. */
  encoding?: number;
  collate?: string;
  ctype?: string;
  isTemplate?: boolean;
  allowConnections?: boolean;
}

/** One pg_settings row (what SHOW ALL knows about a parameter). */
export interface SettingInfo {
  name: string;
  setting: string | null;
  unit?: string | null;
  category: string;
  shortDesc: string;
  extraDesc?: string | null;
  /** internal, postmaster, sighup, superuser-backend, backend, superuser, user. */
  context: string;
  /** bool, enum, integer, real, string. */
  vartype: string;
  /** default, configuration file, session, client, ... */
  source: string;
  minVal?: string | null;
  maxVal?: string | null;
  enumVals?: readonly string[] | null;
  bootVal?: string | null;
  resetVal?: string | null;
  pendingRestart?: boolean;
}

/** One pg_stat_activity row. Timestamps are pg-types timestamptz values (bigint µs). */
export interface ActivityInfo {
  pid: number;
  database?: string;
  user?: string;
  applicationName?: string;
  clientAddr?: string | null;
  clientPort?: number | null;
  backendStart?: bigint | null;
  xactStart?: bigint | null;
  queryStart?: bigint | null;
  stateChange?: bigint | null;
  /** active, idle, idle in transaction, idle in transaction (aborted), ... */
  state?: string | null;
  query?: string | null;
  backendType?: string;
}

/** One pg_stat_progress_create_index row (a running CREATE INDEX / REINDEX build). */
export interface IndexProgressInfo {
  pid: number;
  database: string;
  /** Table and index OIDs. */
  relid: number;
  indexRelid: number;
  /** CREATE INDEX, REINDEX, ... */
  command: string;
  /** The access method's phase name (hnsw: initializing, loading tuples). */
  amPhase: string;
  blocksTotal: number;
  blocksDone: number;
  tuplesTotal: number;
  tuplesDone: number;
}

/** What the session contributes: identity, path and the server-wide lists it can see. */
export interface SessionInfo {
  /** current_user. */
  user: string;
  /** session_user (defaults to `user`). */
  sessionUser?: string;
  /** current_database(). */
  database: string;
  /** search_path entries (parseSearchPath of the setting). */
  searchPath: readonly string[];
  tempSchema?: string;
  /** Configured roles; default: the bootstrap superuser `postgres` (OID 10) and `user`. */
  roles?: readonly RoleInfo[];
  /** Databases; default: the current one with OID 5, as initdb makes `postgres`. */
  databases?: readonly DatabaseInfo[];
  /** The settings snapshot for pg_settings (called once per scan). */
  settings?: () => readonly SettingInfo[];
  /** The activity rows for pg_stat_activity (called once per scan). */
  activity?: () => readonly ActivityInfo[];
  /** Running index builds for pg_stat_progress_create_index (called once per scan). */
  indexProgress?: () => readonly IndexProgressInfo[];
  /** Per-table sizes for vecgres_memory (called once per scan). */
  memory?: () => readonly MemoryInfo[];
}

/**
 * Builds an array value. elements: the values in order (SQL NULL as null); elementType: the
 * element type OID; lowerBound: 1 for ordinary arrays, 0 for int2vector/oidvector. The
 * executor passes one that makes pg-types' PgArray (catalog may not import pg-types).
 */
export type ArrayFactory = (elements: readonly unknown[], elementType: Oid, lowerBound: number) => unknown;

/**
 * LOCAL REPRESENTATION (used when no factory is given): a frozen plain JS array. It loses a
 * lower bound of 0; the executor should pass a PgArray-based factory instead.
 */
export const plainArrayFactory: ArrayFactory = (elements) => Object.freeze([...elements]);

export interface SystemViewContext {
  catalog: Catalog;
  session: SessionInfo;
  /** For extension comments (pg_description) and extension typmod output. */
  registry?: CatalogRegistry;
  makeArray?: ArrayFactory;
}

/** A row generator's output: column name -> value; absent columns are NULL. */
export type ViewRecord = Readonly<Record<string, SystemValue>>;

export interface SystemView {
  schema: SystemSchema;
  name: string;
  /** PostgreSQL 15's relation OID (fixed by initdb for this major version). */
  oid: Oid;
  /** relkind: 'r' for a system catalog table, 'v' for a system view. */
  kind: 'r' | 'v';
  columns: readonly ViewColumn[];
  /** Rows in column order. */
  rows(ctx: SystemViewContext): Iterable<SystemValue[]>;
  /** Rows as generated (name -> value), for tests and for callers that project by name. */
  records(ctx: SystemViewContext): Iterable<ViewRecord>;
}
