// Catalog rows: plain, JSON-serialisable records shaped after PostgreSQL's system catalogs
// (pg_type, pg_proc, pg_operator, pg_cast, pg_am, pg_opclass, pg_namespace, pg_extension).
// Field names are shortened but each maps onto one catalog column, named in its comment, so
// the virtual pg_catalog tables are a projection of these rows.
// @see https://www.postgresql.org/docs/15/catalogs.html

/** An object identifier. Builtins keep PostgreSQL's OIDs; user objects start at 16384. */
export type Oid = number;

/** PostgreSQL's FirstNormalObjectId: the first OID handed to user-created objects. */
export const FIRST_NORMAL_OBJECT_ID = 16384;

/** Well-known namespace OIDs (pg_namespace.dat). */
export const PG_CATALOG_NAMESPACE = 11;
export const PUBLIC_NAMESPACE = 2200;
/** information_schema is created by initdb, so its OID varies; vecgres fixes one below 16384. */
export const INFORMATION_SCHEMA_NAMESPACE = 13000;

/** pg_type */
export interface TypeRow {
  oid: Oid;
  name: string;
  namespace: Oid;
  /** typlen: bytes, -1 varlena, -2 C string. */
  len: number;
  byval: boolean;
  /** typtype: b base, c composite, d domain, e enum, p pseudo, r range, m multirange. */
  type: string;
  /** typcategory: A array, B boolean, N numeric, S string, D datetime, T timespan, U user, ... */
  category: string;
  preferred: boolean;
  delim: string;
  relid: Oid;
  /** typelem: element type of an array type (0 otherwise). */
  elem: Oid;
  /** typarray: the array type of this type (0 if none). */
  array: Oid;
  input: string;
  output: string;
  receive: string;
  send: string;
  /** typmodin / typmodout function names, '-' when the type takes no modifiers. */
  modin: string;
  modout: string;
  align: string;
  storage: string;
  /** typsubscript: 'array_subscript_handler' for true array types. */
  subscript: string;
  collation: Oid;
  /** The extension that created it (pg_depend 'e'), for DROP EXTENSION. */
  extension?: Oid;
}

/** pg_aggregate columns kept with their pg_proc row. */
export interface AggregateInfo {
  transfn: string;
  /** aggtranstype; 2281 (internal) for opaque states. */
  transtype: Oid;
  finalfn?: string;
  combinefn?: string;
  /** agginitval text, absent for NULL. */
  initval?: string;
  /** aggsortop: min/max can use an index ordered by it. */
  sortop?: Oid;
}

/** pg_proc */
export interface ProcRow {
  oid: Oid;
  name: string;
  namespace: Oid;
  /** proargtypes: input argument types. */
  args: Oid[];
  /** prorettype */
  ret: Oid;
  /** proretset: a set-returning function. */
  retset?: boolean;
  /** provariadic: element type of the VARIADIC argument (2276 "any" for variadic any). */
  variadic?: Oid;
  strict: boolean;
  /** provolatile: i immutable, s stable, v volatile. */
  vol: string;
  /** prokind: f function, a aggregate, w window, p procedure. */
  kind: string;
  /** Key the executor maps to an implementation (PostgreSQL's C symbol, e.g. 'int4pl'). */
  impl: string;
  /** pronargdefaults: the last N arguments have defaults. */
  defaults?: number;
  argNames?: string[];
  /** proallargtypes / proargmodes for functions with OUT / TABLE columns. */
  allArgs?: Oid[];
  argModes?: string[];
  agg?: AggregateInfo;
  extension?: Oid;
}

/** Fills the namespace of generated builtin pg_proc rows (all live in pg_catalog). */
export function builtinProc(row: Omit<ProcRow, 'namespace'>): ProcRow {
  return { namespace: PG_CATALOG_NAMESPACE, ...row };
}

/** pg_operator */
export interface OperatorRow {
  oid: Oid;
  name: string;
  namespace: Oid;
  /** oprkind: b infix, l prefix. */
  kind: string;
  /** oprleft, 0 for prefix operators. */
  left: Oid;
  right: Oid;
  result: Oid;
  /** oprcode: the implementing function's OID. */
  proc: Oid;
  /** The implementing function's impl key. */
  impl: string;
  commutator: Oid;
  negator: Oid;
  canHash: boolean;
  canMerge: boolean;
  extension?: Oid;
}

/** pg_cast */
export interface CastRow {
  oid: Oid;
  source: Oid;
  target: Oid;
  /** castfunc, 0 for binary-coercible or I/O casts. */
  func: Oid;
  /** castcontext: e explicit only, a in assignment, i implicit. */
  context: string;
  /** castmethod: f function, b binary coercible, i I/O conversion. */
  method: string;
  extension?: Oid;
}

/** pg_am */
export interface AccessMethodRow {
  oid: Oid;
  name: string;
  /** amtype: i index, t table. */
  type: string;
  handler: string;
  extension?: Oid;
}

/** pg_opclass */
export interface OpclassRow {
  oid: Oid;
  am: Oid;
  name: string;
  namespace: Oid;
  family: Oid;
  /** opcintype: the input type it indexes. */
  type: Oid;
  isDefault: boolean;
  /** opckeytype, 0 when the stored key is the input type. */
  keyType: Oid;
  extension?: Oid;
}

/** pg_namespace */
export interface NamespaceRow {
  oid: Oid;
  name: string;
  owner: string;
  extension?: Oid;
}

/** pg_extension */
export interface ExtensionRow {
  oid: Oid;
  name: string;
  /** extnamespace: the schema its objects were created in. */
  namespace: Oid;
  version: string;
  relocatable: boolean;
  owner: string;
}
