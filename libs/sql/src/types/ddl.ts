// DDL nodes: CREATE/ALTER/DROP of tables, indexes, schemas, extensions, sequences, databases.
import type { Expr, TypeName } from './expr';
import type { QualifiedName } from './query';

/** A `name [= value]` option: index WITH (m = 16), COPY (FORMAT csv), EXPLAIN (ANALYZE), ... */
export interface DefOption { name: string; value?: OptionValue; location: number }

export type OptionValue =
  | { type: 'int'; value: number }
  /** Numeric text too large for int4 or with a fraction (`0.5`, `1e3`). */
  | { type: 'numeric'; value: string }
  /** Quoted strings and bare words (`FORMAT csv`, `DELIMITER ','`, `x = on`). */
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'type'; value: TypeName }
  /** Dotted names or lists (`OWNED BY t.c`, `FORCE_QUOTE (a, b)`). */
  | { type: 'list'; value: OptionValue[] }
  /** `FORCE_QUOTE *` */
  | { type: 'star' };

export type ReferentialAction = 'noAction' | 'restrict' | 'cascade' | 'setNull' | 'setDefault';

interface ConstraintBase {
  /** `CONSTRAINT name` */
  name?: string;
  deferrable: boolean;
  initiallyDeferred: boolean;
  location: number;
}

/**
 * One constraint. Column constraints and table constraints share the shape; `columns` is empty
 * on a column constraint (it applies to its column).
 */
export type Constraint =
  | (ConstraintBase & { type: 'notNull'; columns: string[]; noInherit: boolean })
  | (ConstraintBase & { type: 'null' })
  | (ConstraintBase & { type: 'default'; expr: Expr })
  | (ConstraintBase & { type: 'check'; expr: Expr; noInherit: boolean; notValid: boolean })
  | (ConstraintBase & { type: 'primaryKey'; columns: string[]; include: string[]; options: DefOption[] })
  | (ConstraintBase & {
      type: 'unique';
      columns: string[];
      include: string[];
      nullsNotDistinct: boolean;
      options: DefOption[];
    })
  | (ConstraintBase & {
      type: 'foreignKey';
      columns: string[];
      table: QualifiedName;
      refColumns: string[];
      match: 'simple' | 'full' | 'partial';
      onDelete: ReferentialAction;
      onUpdate: ReferentialAction;
      notValid: boolean;
    })
  | (ConstraintBase & { type: 'identity'; generated: 'always' | 'byDefault'; options: DefOption[] })
  | (ConstraintBase & { type: 'generated'; expr: Expr; stored: boolean });

export type ConstraintType = Constraint['type'];

export interface ColumnDef {
  name: string;
  type: TypeName;
  constraints: Constraint[];
  collation?: string[];
  location: number;
}

export interface CreateTableStmt {
  kind: 'createTable';
  table: QualifiedName;
  ifNotExists: boolean;
  temporary: boolean;
  unlogged: boolean;
  columns: ColumnDef[];
  constraints: Constraint[];
  /** `WITH (fillfactor = 70)` */
  options: DefOption[];
  onCommit?: 'preserveRows' | 'deleteRows' | 'drop';
  /** CREATE TABLE ... AS SELECT: the query (columns then come from `asColumns` or the query). */
  as?: { query: import('./query').Query; columns: string[]; withData: boolean };
  /** `LIKE source` elements (no INCLUDING options): `position` = explicit columns before it. */
  likes?: Array<{ table: QualifiedName; position: number }>;
  location: number;
}

export type DropBehavior = 'restrict' | 'cascade';

export type AlterTableCommand =
  | { action: 'addColumn'; column: ColumnDef; ifNotExists: boolean }
  | { action: 'dropColumn'; column: string; ifExists: boolean; behavior: DropBehavior }
  | { action: 'setDefault'; column: string; default: Expr }
  | { action: 'dropDefault'; column: string }
  | { action: 'setNotNull'; column: string }
  | { action: 'dropNotNull'; column: string }
  | { action: 'alterType'; column: string; type: TypeName; using?: Expr; collation?: string[] }
  | { action: 'addConstraint'; constraint: Constraint }
  | { action: 'dropConstraint'; name: string; ifExists: boolean; behavior: DropBehavior }
  | { action: 'renameColumn'; column: string; newName: string }
  | { action: 'renameConstraint'; name: string; newName: string }
  | { action: 'renameTable'; newName: string }
  | { action: 'setSchema'; schema: string };

export interface AlterTableStmt {
  kind: 'alterTable';
  table: QualifiedName;
  ifExists: boolean;
  inherit: boolean;
  /** ALTER VIEW (the relation must then be a view). */
  relationType?: 'view';
  commands: Array<AlterTableCommand & { location: number }>;
  location: number;
}

export type DropObjectType =
  | 'table' | 'index' | 'schema' | 'extension' | 'sequence' | 'view' | 'materializedView';

export interface DropStmt {
  kind: 'drop';
  objectType: DropObjectType;
  /** Schema and extension names are a bare `name`. */
  names: QualifiedName[];
  ifExists: boolean;
  behavior: DropBehavior;
  concurrently: boolean;
  location: number;
}

export interface IndexElem {
  /** A plain column, or `expr` for `(lower(name))` / `f(x)`. Exactly one of the two is set. */
  column?: string;
  expr?: Expr;
  collation?: string[];
  /** e.g. `['vector_l2_ops']`; may be schema-qualified. */
  opclass?: string[];
  opclassOptions: DefOption[];
  direction: 'default' | 'asc' | 'desc';
  nulls: 'default' | 'first' | 'last';
}

export interface CreateIndexStmt {
  kind: 'createIndex';
  /** Absent when PostgreSQL would choose the name. */
  name?: string;
  table: QualifiedName;
  inherit: boolean;
  /** Access method; PostgreSQL's default is btree. */
  method: string;
  unique: boolean;
  nullsNotDistinct: boolean;
  concurrently: boolean;
  ifNotExists: boolean;
  elems: IndexElem[];
  include: string[];
  /** `WITH (m = 16, ef_construction = 64)` */
  options: DefOption[];
  where?: Expr;
  tablespace?: string;
  location: number;
}

export interface CreateSchemaStmt { kind: 'createSchema'; name?: string; authorization?: string; ifNotExists: boolean; location: number }

export interface CreateExtensionStmt { kind: 'createExtension'; name: string; ifNotExists: boolean; options: DefOption[]; location: number }

/** `ALTER EXTENSION x UPDATE [TO 'v']` */
export interface AlterExtensionStmt { kind: 'alterExtension'; name: string; options: DefOption[]; location: number }

export interface CreateSequenceStmt {
  kind: 'createSequence';
  sequence: QualifiedName;
  ifNotExists: boolean;
  temporary: boolean;
  unlogged: boolean;
  options: DefOption[];
  location: number;
}

/** ALTER SEQUENCE: options (as CREATE SEQUENCE's), or RENAME TO `newName` (then no options). */
export interface AlterSequenceStmt {
  kind: 'alterSequence';
  sequence: QualifiedName;
  ifExists: boolean;
  options: DefOption[];
  newName?: string;
  location: number;
}

export interface TruncateStmt {
  kind: 'truncate';
  tables: Array<{ table: QualifiedName; inherit: boolean }>;
  restartIdentity: boolean;
  behavior: DropBehavior;
  location: number;
}

export interface CreateDatabaseStmt { kind: 'createDatabase'; name: string; options: DefOption[]; location: number }
export interface DropDatabaseStmt { kind: 'dropDatabase'; name: string; ifExists: boolean; options: DefOption[]; location: number }

export interface ReindexStmt {
  kind: 'reindex';
  target: 'index' | 'table' | 'schema' | 'database' | 'system';
  /** Relation for index/table; a bare name for schema/database (absent = current database). */
  name?: QualifiedName;
  options: DefOption[];
  location: number;
}

/** COMMENT ON TABLE / VIEW / COLUMN ... IS 'text' | NULL (NULL removes the comment). */
export interface CommentStmt {
  kind: 'comment';
  objectType: 'table' | 'view' | 'column';
  /** The relation (for a column: the column's table). */
  table: QualifiedName;
  column?: string;
  comment: string | null;
  location: number;
}
