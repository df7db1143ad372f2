// Bound (resolved, typed) expressions: what the binder makes of the parser's Expr tree.
//
// Plain data and JSON-serialisable, like the plans that carry them. Every node has a `type`
// ({oid, typmod}); names are resolved to row positions, operators and functions to their
// catalog rows' `impl` keys, implicit coercions are explicit `cast` nodes. The executor compiles
// these once per statement into closures; nothing here walks the catalog again.
//
// Row positions: a `column` indexes the row its operator receives (the FROM row while binding,
// re-targeted by the planner above aggregates). `outer` reads a row of an enclosing query
// (correlated subqueries), `levelsUp` query levels out.

/** A type with its modifier (-1 for none), as pg_attribute's atttypid/atttypmod. */
export interface TypeRef { oid: number; typmod: number }

/**
 * A constant. `value` is JSON-able: numbers for int2/int4/float4/float8, booleans, and strings
 * for everything else (int8 and numeric as decimal text). `input: true` means `value` is the
 * text form and the executor converts it once with the type's input function (an unknown
 * literal coerced to a type, e.g. '42'::int4 or '2024-01-01' compared with a date column).
 */
export interface BoundConst { kind: 'const'; type: TypeRef; value: string | number | boolean | null; input?: boolean; location: number }

/** Column `index` of the operator's input row. `name`/`table` only serve EXPLAIN. */
export interface BoundColumn { kind: 'column'; index: number; type: TypeRef; name: string; table?: string; location?: number }

/** Column `index` of the row of the query `levelsUp` levels out (a correlated reference). */
export interface BoundOuter { kind: 'outer'; levelsUp: number; index: number; type: TypeRef; name: string; table?: string }

/** `$n`: `index` is n - 1. */
export interface BoundParam { kind: 'param'; index: number; type: TypeRef }

/**
 * A function call or an operator (operators are calls of their implementing function).
 * `impl` is the catalog's implementation key (pg_proc.prosrc-like: 'int4pl', 'texteq').
 */
export interface BoundCall {
  kind: 'call';
  impl: string;
  /** Function name or operator symbol, for EXPLAIN and errors. */
  name: string;
  /** 'op' prints infix/prefix in EXPLAIN. */
  form: 'func' | 'op';
  args: BoundExpr[];
  type: TypeRef;
  /** STRICT: NULL in any argument gives NULL without calling. */
  strict: boolean;
  /** Volatile calls (random(), nextval()) are never folded or deduplicated. */
  volatile: boolean;
  location: number;
}

/**
 * A type conversion. `method`: 'func' calls `impl` (pg_cast.castfunc), 'binary' relabels,
 * 'io' goes through text (output of the source type, input of the target). `typmod` >= 0
 * also applies the target's length/precision coercion (varchar(n), numeric(p,s)).
 * `explicit` distinguishes `x::t` from implicit coercions (EXPLAIN shows both; errors differ).
 */
export interface BoundCast {
  kind: 'cast';
  arg: BoundExpr;
  type: TypeRef;
  /** 'array': array_coerce — each element converts as `elem` says (ArrayCoerceExpr). */
  method: 'func' | 'binary' | 'io' | 'array';
  impl?: string;
  elem?: BoundElemCast;
  explicit: boolean;
  location: number;
}

/** How one array element converts: from `source` to `type` by `method` (impl for 'func'). */
export interface BoundElemCast { source: number; type: TypeRef; method: 'func' | 'binary' | 'io'; impl?: string }

export interface BoundBool { kind: 'bool'; op: 'and' | 'or' | 'not'; args: BoundExpr[]; type: TypeRef }

export interface BoundNullTest { kind: 'nullTest'; arg: BoundExpr; negated: boolean; type: TypeRef }

export interface BoundBooleanTest {
  kind: 'booleanTest';
  arg: BoundExpr;
  test: 'true' | 'notTrue' | 'false' | 'notFalse' | 'unknown' | 'notUnknown';
  type: TypeRef;
}

/** CASE WHEN c THEN r ... ELSE d END (the simple form is rewritten to equality tests). */
export interface BoundCase { kind: 'case'; whens: Array<{ when: BoundExpr; then: BoundExpr }>; else: BoundExpr; type: TypeRef }

export interface BoundCoalesce { kind: 'coalesce'; args: BoundExpr[]; type: TypeRef }

/** GREATEST/LEAST: `cmpImpl` is the type's btree comparison ('btint4cmp'). */
export interface BoundMinMax { kind: 'minMax'; op: 'greatest' | 'least'; args: BoundExpr[]; cmpImpl: string; type: TypeRef }

/** NULLIF(a, b): NULL when `eqImpl`(a, b) is true, else a. */
export interface BoundNullIf { kind: 'nullIf'; left: BoundExpr; right: BoundExpr; eqImpl: string; type: TypeRef }

/** `a IS [NOT] DISTINCT FROM b` via the `=` operator's impl. */
export interface BoundDistinct { kind: 'distinct'; left: BoundExpr; right: BoundExpr; eqImpl: string; negated: boolean; type: TypeRef }

/**
 * `arg [NOT] IN (list)` as PostgreSQL's ScalarArrayOpExpr: true if any `eqImpl`(arg, item) is
 * true, NULL if none is true and a comparison was NULL, else false.
 */
export interface BoundInList { kind: 'inList'; arg: BoundExpr; list: BoundExpr[]; eqImpl: string; negated: boolean; type: TypeRef }

/** `left op ANY|ALL (array)`: PostgreSQL's ScalarArrayOpExpr over an array value. */
export interface BoundQuantified {
  kind: 'quantified';
  mode: 'any' | 'all';
  /** Operator symbol, for EXPLAIN. */
  op: string;
  left: BoundExpr;
  right: BoundExpr;
  cmpImpl: string;
  type: TypeRef;
}

/** An aggregate's result, readable only above an Aggregate node (rewritten to a column there). */
export interface BoundAggRef { kind: 'aggRef'; index: number; type: TypeRef }

/** A window function's result, readable only above its WindowAgg node (rewritten to a column there; plan-window.ts). */
export interface BoundWindowRef { kind: 'windowRef'; index: number; type: TypeRef }

/** A set-returning function's current value, readable only above its ProjectSet node (plan-project-set.ts). */
export interface BoundSrfRef { kind: 'srfRef'; index: number; type: TypeRef }

/**
 * A subquery in an expression. `plan` is the subquery's plan index in the statement's
 * `subplans`. `correlated` plans are re-run per outer row; the others run once (an InitPlan).
 *  - scalar: its single column's value in its only row (NULL when empty; 21000 if > 1 row)
 *  - exists: whether it returns a row
 *  - any/all: `left op` each row's single column, with `cmpImpl` (IN is `= ANY`)
 *  - array: ARRAY(SELECT ...), the single column of all rows as an array ('{}' when empty)
 */
export interface BoundSubquery {
  kind: 'subquery';
  mode: 'scalar' | 'exists' | 'any' | 'all' | 'array';
  plan: number;
  correlated: boolean;
  left?: BoundExpr;
  cmpImpl?: string;
  type: TypeRef;
}

/** ARRAY[a, b, ...] of element type `type` minus one level. */
export interface BoundArray { kind: 'array'; elements: BoundExpr[]; type: TypeRef }

export type BoundExpr =
  | BoundConst | BoundColumn | BoundOuter | BoundParam | BoundCall | BoundCast | BoundBool
  | BoundNullTest | BoundBooleanTest | BoundCase | BoundCoalesce | BoundMinMax | BoundNullIf
  | BoundDistinct | BoundInList | BoundQuantified | BoundAggRef | BoundSubquery | BoundArray
  | BoundWindowRef | BoundSrfRef;

/** One aggregate call of a query: computed by the Aggregate node, read back by BoundAggRef. */
export interface AggregateCall {
  /** Aggregate function name (count, sum, ...), for EXPLAIN. */
  name: string;
  /**
   * Implementation key: the pg_proc `impl` (e.g. 'int4_sum', 'int8inc' for count(*)); the
   * executor's aggregate table maps it to init/step/final.
   */
  impl: string;
  /** Arguments over the aggregate's input row; empty for count(*). */
  args: BoundExpr[];
  distinct: boolean;
  filter?: BoundExpr;
  /** ORDER BY inside the call (string_agg(x, ',' ORDER BY x)): rows are fed to the aggregate in this order. */
  orderBy?: Array<{ expr: BoundExpr; desc: boolean; nullsFirst: boolean; cmpImpl: string }>;
  /** The argument type (for comparison-based aggregates: min/max). */
  argType?: TypeRef;
  type: TypeRef;
  /**
   * GROUPING(args) (impl 'grouping'; bind/bind-grouping.ts): `keys` are the group key indices
   * of the arguments (filled in by the planner), `locations` the arguments' positions.
   */
  grouping?: { locations: number[]; keys?: number[] };
}
