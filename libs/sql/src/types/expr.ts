// Expression nodes of the vecgres statement tree.
//
// Plain data, JSON-serialisable (64-bit and arbitrary-precision numbers are kept as strings),
// discriminated by `kind`. Every node has a `location`: the 0-based offset, in characters
// (Unicode code points, as PostgreSQL counts them) of the ORIGINAL query string, of the token
// that starts the construct, or -1 when unknown. An ErrorResponse `P` field is `location + 1`.
import type { Query } from './query';

/** A type as written in the query (`int`, `pg_catalog.int4`, `varchar(10)[]`, `vector(3)`). */
export interface TypeName {
  /** PostgreSQL's internal type name: the grammar already maps `integer` to `int4` etc. */
  name: string;
  /** Explicit or grammar-implied schema (`pg_catalog` for SQL keyword types like INTEGER). */
  schema?: string;
  /** Type modifiers, e.g. `[10]` for varchar(10), `[3]` for vector(3); usually constants. */
  typmods: Expr[];
  /** One entry per array dimension; -1 for `[]` without a bound. Empty for scalars. */
  arrayBounds: number[];
  setof: boolean;
  /** PostgreSQL's TypeNameToString spelling, for error messages: `pg_catalog.int4`, `foo[]`. */
  written: string;
  location: number;
}

/** The literal kinds PostgreSQL's make_const distinguishes. */
export type Constant =
  | { type: 'int4'; value: number }
  /** Fits int8; `value` is the decimal text (also for 0x.., 0o.., 0b.. and `1_000` forms). */
  | { type: 'int8'; value: string }
  /** Too big for int8, or has a fraction/exponent: the literal text as written. */
  | { type: 'numeric'; value: string }
  | { type: 'string'; value: string }
  /** Bit-string literal text as the lexer gives it: `b101` for B'101', `x1F` for X'1F'. */
  | { type: 'bitString'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'null' };

export interface ConstExpr { kind: 'const'; value: Constant; location: number }

/** `$n` (1-based). */
export interface ParamExpr { kind: 'param'; number: number; location: number }

/** `a`, `t.a`, `s.t.a`, `*`, `t.*`. `names` excludes the star. */
export interface ColumnRefExpr { kind: 'columnRef'; names: string[]; star: boolean; location: number }

/**
 * A binary or prefix operator by name. LIKE/ILIKE/SIMILAR TO are mapped to their operators
 * (`~~`, `!~~`, `~~*`, `!~~*`, `~`/`!~` over similar_to_escape()) as PostgreSQL does.
 */
export interface OpExpr {
  kind: 'op';
  op: string;
  /** `OPERATOR(pg_catalog.~)` keeps its schema. */
  schema?: string;
  /** Absent for prefix operators (`-x`, `~x`). */
  left?: Expr;
  right: Expr;
  location: number;
}

export interface BoolExpr { kind: 'bool'; op: 'and' | 'or' | 'not'; args: Expr[]; location: number }

export interface NullTestExpr { kind: 'nullTest'; arg: Expr; negated: boolean; location: number }

export interface BooleanTestExpr {
  kind: 'booleanTest';
  arg: Expr;
  test: 'true' | 'notTrue' | 'false' | 'notFalse' | 'unknown' | 'notUnknown';
  location: number;
}

/** `a IS [NOT] DISTINCT FROM b` */
export interface DistinctExpr { kind: 'distinct'; left: Expr; right: Expr; negated: boolean; location: number }

export interface BetweenExpr {
  kind: 'between';
  arg: Expr;
  low: Expr;
  high: Expr;
  negated: boolean;
  symmetric: boolean;
  location: number;
}

/** `a [NOT] IN (x, y, ...)` with a list (IN with a subquery is a SubqueryCompareExpr). */
export interface InListExpr { kind: 'inList'; arg: Expr; list: Expr[]; negated: boolean; location: number }

/** `a op ANY|ALL (array)`; SOME is ANY. */
export interface QuantifiedExpr {
  kind: 'quantified';
  op: string;
  schema?: string;
  quantifier: 'any' | 'all';
  left: Expr;
  right: Expr;
  location: number;
}

export interface ExistsExpr { kind: 'exists'; query: Query; location: number }
export interface ScalarSubqueryExpr { kind: 'scalarSubquery'; query: Query; location: number }
/** `ARRAY(SELECT ...)` */
export interface ArraySubqueryExpr { kind: 'arraySubquery'; query: Query; location: number }

/** `a IN (SELECT ...)` (op `=`, any), `a NOT IN (...)` is NOT over it, `a < ALL (SELECT ...)`. */
export interface SubqueryCompareExpr {
  kind: 'subqueryCompare';
  op: string;
  schema?: string;
  quantifier: 'any' | 'all';
  left: Expr;
  query: Query;
  location: number;
}

/** `ARRAY[a, b]`, also the inner `[...]` of a multi-dimensional ARRAY[[...],[...]]. */
export interface ArrayExpr { kind: 'array'; elements: Expr[]; location: number }

export type IndirectionStep =
  | { kind: 'subscript'; lower?: Expr; upper?: Expr; slice: boolean }
  | { kind: 'field'; name: string }
  | { kind: 'star' };

/** `arr[1]`, `arr[1:2]`, `(row).field`, `(row).*` */
export interface IndirectionExpr { kind: 'indirection'; arg: Expr; steps: IndirectionStep[]; location: number }

export interface CaseExpr {
  kind: 'case';
  /** Present for the simple form `CASE x WHEN 1 THEN ...`. */
  arg?: Expr;
  whens: Array<{ when: Expr; then: Expr; location: number }>;
  else?: Expr;
  location: number;
}

export interface CoalesceExpr { kind: 'coalesce'; args: Expr[]; location: number }
export interface NullIfExpr { kind: 'nullIf'; left: Expr; right: Expr; location: number }
export interface MinMaxExpr { kind: 'minMax'; op: 'greatest' | 'least'; args: Expr[]; location: number }

/** `x::t`, `CAST(x AS t)`, `t 'literal'` */
export interface CastExpr { kind: 'cast'; arg: Expr; type: TypeName; location: number }

export interface CollateExpr { kind: 'collate'; arg: Expr; collation: string[]; location: number }

/** `ROW(a, b)` or `(a, b)`. */
export interface RowExpr { kind: 'row'; args: Expr[]; explicit: boolean; location: number }

/** A `name => value` argument of a function call. */
export interface NamedArgExpr { kind: 'namedArg'; name: string; arg: Expr; location: number }

/** `DEFAULT` inside VALUES or UPDATE SET. */
export interface DefaultExpr { kind: 'default'; location: number }

export type SqlValueFunctionOp =
  | 'current_date' | 'current_time' | 'current_timestamp' | 'localtime' | 'localtimestamp'
  | 'current_role' | 'current_user' | 'user' | 'session_user' | 'current_catalog' | 'current_schema';

/** CURRENT_DATE, CURRENT_TIMESTAMP(3), CURRENT_USER, ... */
export interface SqlValueFunctionExpr { kind: 'sqlValueFunction'; op: SqlValueFunctionOp; precision?: number; location: number }

export interface SortBy {
  expr: Expr;
  direction: 'default' | 'asc' | 'desc';
  nulls: 'default' | 'first' | 'last';
  /** `ORDER BY x USING <` keeps the operator name (direction is then 'default'). */
  using?: string;
  location: number;
}

export type FrameBound =
  | { type: 'unboundedPreceding' }
  | { type: 'unboundedFollowing' }
  | { type: 'currentRow' }
  | { type: 'preceding'; offset: Expr }
  | { type: 'following'; offset: Expr };

export interface WindowFrame {
  mode: 'range' | 'rows' | 'groups';
  start: FrameBound;
  end: FrameBound;
  exclude: 'noOthers' | 'currentRow' | 'group' | 'ties';
}

/** OVER (...) or a WINDOW clause entry. No frame clause = PostgreSQL's default frame. */
export interface WindowSpec {
  /** The name in `WINDOW w AS (...)`, or `OVER w`. */
  name?: string;
  /** `OVER (w ORDER BY ...)` copies window w. */
  refName?: string;
  partitionBy: Expr[];
  orderBy: SortBy[];
  frame?: WindowFrame;
  location: number;
}

export interface FuncCallExpr {
  kind: 'func';
  name: string;
  schema?: string;
  args: Expr[];
  /** `count(*)` */
  star: boolean;
  distinct: boolean;
  /** `VARIADIC` before the last argument. */
  variadic: boolean;
  /** ORDER BY inside an aggregate call. */
  orderBy: SortBy[];
  /** WITHIN GROUP (ORDER BY ...) of ordered-set aggregates. */
  withinGroup: boolean;
  filter?: Expr;
  over?: WindowSpec;
  /** GROUPING(...) (PostgreSQL's GroupingFunc), not a catalog function. */
  grouping?: true;
  location: number;
}

export type Expr =
  | ConstExpr | ParamExpr | ColumnRefExpr | OpExpr | BoolExpr | NullTestExpr | BooleanTestExpr
  | DistinctExpr | BetweenExpr | InListExpr | QuantifiedExpr | ExistsExpr | ScalarSubqueryExpr
  | ArraySubqueryExpr | SubqueryCompareExpr | ArrayExpr | IndirectionExpr | CaseExpr
  | CoalesceExpr | NullIfExpr | MinMaxExpr | CastExpr | CollateExpr | RowExpr | NamedArgExpr
  | DefaultExpr | SqlValueFunctionExpr | FuncCallExpr;

export type ExprKind = Expr['kind'];
