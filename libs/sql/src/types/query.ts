// Query nodes: SELECT, VALUES, set operations, FROM items, CTEs.
import type { Expr, FuncCallExpr, SortBy, TypeName, WindowSpec } from './expr';
import type { Stmt } from './statement';

/** `AS a(x, y)` */
export interface Alias { name: string; columns?: string[] }

/** A relation name as written: `[catalog.][schema.]name`. */
export interface QualifiedName { catalog?: string; schema?: string; name: string; location: number }

export interface TableRef {
  kind: 'table';
  table: QualifiedName;
  /** False for `FROM ONLY t`. */
  inherit: boolean;
  alias?: Alias;
  location: number;
}

export interface SubqueryRef { kind: 'subquery'; query: Query; lateral: boolean; alias?: Alias; location: number }

/** A column definition list entry of `f(...) AS t(a int, b text)`. */
export interface ColumnDefinitionItem { name: string; type: TypeName }

/** `generate_series(1, 3) WITH ORDINALITY AS g(i, n)`, `ROWS FROM (f(), g())`. */
export interface FunctionRef {
  kind: 'function';
  functions: Array<{ call: FuncCallExpr; columnDefinitions?: ColumnDefinitionItem[] }>;
  rowsFrom: boolean;
  ordinality: boolean;
  lateral: boolean;
  alias?: Alias;
  columnDefinitions?: ColumnDefinitionItem[];
  location: number;
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross';

export interface JoinRef {
  kind: 'join';
  joinType: JoinType;
  natural: boolean;
  left: FromItem;
  right: FromItem;
  on?: Expr;
  using?: string[];
  /** `USING (a) AS j` */
  usingAlias?: string;
  alias?: Alias;
  location: number;
}

export type FromItem = TableRef | SubqueryRef | FunctionRef | JoinRef;

export interface SelectTarget {
  expr: Expr;
  /** `AS name` (or a bare column label). Absent when PostgreSQL would derive the name. */
  alias?: string;
  location: number;
}

export interface CommonTableExpr {
  name: string;
  columns?: string[];
  materialized: 'default' | 'materialized' | 'notMaterialized';
  /** A query, or a data-modifying statement (`WITH d AS (DELETE ... RETURNING *)`). */
  query: Stmt;
  location: number;
}

export interface WithClause { recursive: boolean; ctes: CommonTableExpr[]; location: number }

export interface LockingClause {
  strength: 'update' | 'noKeyUpdate' | 'share' | 'keyShare';
  of: QualifiedName[];
  wait: 'block' | 'skipLocked' | 'noWait';
}

/** The clauses every query form may carry after its body. */
export interface QueryTail {
  with?: WithClause;
  orderBy: SortBy[];
  limit?: Expr;
  offset?: Expr;
  /** FETCH FIRST n ROWS WITH TIES */
  withTies: boolean;
  /** FOR UPDATE / FOR SHARE ...: parsed and flagged for the engine to accept or refuse. */
  locking: LockingClause[];
}

export interface SelectQuery extends QueryTail {
  kind: 'select';
  /** `DISTINCT` is `{ on: [] }`; `DISTINCT ON (a, b)` lists the expressions. */
  distinct?: { on: Expr[] };
  targets: SelectTarget[];
  from: FromItem[];
  where?: Expr;
  groupBy: Expr[];
  /** ROLLUP / CUBE / GROUPING SETS: each set lists indices into groupBy (absent: one set of all). */
  groupingSets?: number[][];
  groupByDistinct: boolean;
  having?: Expr;
  windows: WindowSpec[];
  /** `SELECT ... INTO t` (creates a table). */
  into?: { table: QualifiedName; temporary: boolean; unlogged: boolean };
  location: number;
}

export interface ValuesQuery extends QueryTail { kind: 'values'; rows: Expr[][]; location: number }

export interface SetOpQuery extends QueryTail {
  kind: 'setOp';
  op: 'union' | 'intersect' | 'except';
  all: boolean;
  left: Query;
  right: Query;
  location: number;
}

export type Query = SelectQuery | ValuesQuery | SetOpQuery;
