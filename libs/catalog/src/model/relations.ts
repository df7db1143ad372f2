// Relations (pg_class) and what hangs off them: columns (pg_attribute + pg_attrdef), index
// definitions (pg_index), constraints (pg_constraint) and sequence parameters (pg_sequence).
// Plain data; expressions are kept both as our parsed tree and as SQL text.
import type { Expr } from '@vecgres/sql';
import type { Oid } from './rows';

/** An expression stored in the catalog (column default, CHECK, index key, index predicate). */
export interface StoredExpr {
  /** SQL text (deparsed from `expr`, PostgreSQL's spelling where it matters: nextval('s'::regclass)). */
  text: string;
  expr: Expr;
  /** Relations named by regclass constants in it (resolved at creation, as PostgreSQL stores
   * OIDs): a default's dependency on its sequence. */
  refs?: Oid[];
}

/** pg_attribute (+ pg_attrdef for `default`). */
export interface ColumnRow {
  /** attnum, 1-based; never reused, so dropped columns keep theirs. */
  attnum: number;
  /** attname; PostgreSQL's `........pg.dropped.N........` once dropped. */
  name: string;
  /** atttypid. Kept after DROP COLUMN (PostgreSQL zeroes it) so old rows stay decodable. */
  type: Oid;
  /** atttypmod, -1 for none. */
  typmod: number;
  /** attndims: declared array dimensions (informational, as in PostgreSQL). */
  ndims: number;
  notNull: boolean;
  default?: StoredExpr;
  /** attidentity: '' none, 'a' GENERATED ALWAYS, 'd' BY DEFAULT. */
  identity: '' | 'a' | 'd';
  /** attgenerated: '' or 's' (stored generated column; `default` holds the expression). */
  generated: '' | 's';
  dropped: boolean;
  /** COMMENT ON COLUMN (pg_description, objsubid = attnum). */
  comment?: string;
}

export type RelPersistence = 'p' | 'u' | 't';

interface RelationBase {
  oid: Oid;
  name: string;
  namespace: Oid;
  /** relpersistence: p permanent, u unlogged, t temporary. */
  persistence: RelPersistence;
  owner: string;
  /** reloptions as `name=value` strings, as PostgreSQL shows them. */
  options: string[];
  extension?: Oid;
  /** COMMENT ON TABLE / VIEW / ... (pg_description, objsubid 0). */
  comment?: string;
}

/** relkind 'r' */
export interface TableRelation extends RelationBase {
  kind: 'r';
  columns: ColumnRow[];
}

/** One key column of an index (pg_index.indkey / indexprs / indclass / indoption). */
export interface IndexKey {
  /** Table attnum, or 0 for an expression key. */
  attnum: number;
  expr?: StoredExpr;
  /** indclass entry: the operator class OID. */
  opclass: Oid;
  /** indoption bits as booleans. */
  desc: boolean;
  nullsFirst: boolean;
}

/** relkind 'i' (pg_class row + pg_index row). */
export interface IndexRelation extends RelationBase {
  kind: 'i';
  /** indrelid */
  table: Oid;
  /** relam */
  am: Oid;
  unique: boolean;
  primary: boolean;
  nullsNotDistinct: boolean;
  keys: IndexKey[];
  /** INCLUDE columns (non-key attnums). */
  include: number[];
  predicate?: StoredExpr;
  /** The PRIMARY KEY / UNIQUE constraint it backs, if any. */
  constraint?: Oid;
  /** Column names of the index relation (pg_attribute of the index): attname or `expr`, `expr1`... */
  columnNames: string[];
}

/** pg_sequence. 64-bit values are decimal strings (JSON has no int64). */
export interface SequenceParams {
  /** seqtypid: int2 (21), int4 (23) or int8 (20). */
  type: Oid;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

/** relkind 'S' */
export interface SequenceRelation extends RelationBase {
  kind: 'S';
  params: SequenceParams;
  /** OWNED BY table.column (serial, identity, or explicit): dropped with the column. */
  ownedBy?: { table: Oid; attnum: number };
  /** The sequence backs an identity column (pg_depend 'i' rather than 'a'). */
  identity?: boolean;
}

/** relkind 'v' (pg_class + pg_attribute rows + the view's _RETURN rule, here `query`). */
export interface ViewRelation extends RelationBase {
  kind: 'v';
  /** Output columns (no defaults, constraints or dropped entries). */
  columns: ColumnRow[];
  /** The query as SQL with every name resolved at creation (schema-qualified relations,
   * qualified columns, `*` expanded): re-parsed and bound where the view is used. */
  query: string;
  /** What the query reads (pg_depend rows of the rule): relation OIDs and the attnums used. */
  refs: Array<{ oid: Oid; attnums: number[] }>;
}

export type Relation = TableRelation | IndexRelation | SequenceRelation | ViewRelation;
export type RelKind = Relation['kind'];

/** pg_constraint (PostgreSQL 15: NOT NULL lives in attnotnull, not here). */
export type ForeignKeyAction = 'a' | 'r' | 'c' | 'n' | 'd';

export interface ForeignKeyInfo {
  /** confrelid */
  refTable: Oid;
  /** confkey */
  refColumns: number[];
  /** confupdtype / confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  onUpdate: ForeignKeyAction;
  onDelete: ForeignKeyAction;
  /** confmatchtype: s simple, f full, p partial. */
  match: 's' | 'f' | 'p';
}

export interface ConstraintRow {
  oid: Oid;
  name: string;
  namespace: Oid;
  /** contype: p primary key, u unique, c check, f foreign key. */
  type: 'p' | 'u' | 'c' | 'f';
  /** conrelid */
  table: Oid;
  /** conkey: constrained attnums. */
  columns: number[];
  /** conindid: the backing index (p/u) or the referenced unique index (f); 0 for checks. */
  index: Oid;
  check?: StoredExpr;
  fk?: ForeignKeyInfo;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  noInherit: boolean;
}
