// Expression binding: parser Expr -> BoundExpr, typed and resolved (parse_expr.c). Operators,
// functions and casts resolve against the catalog; implicit coercions become cast nodes;
// unknown literals stay unknown until a context types them (or become text in the end).
import { bindIndirection } from './bind-subscript';
import { bindSqlValueFunction } from './bind-sql-value';
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { ColumnRefExpr, ConstExpr, Expr, TypeName } from '@vecgres/sql';
import { resolveTypeName } from '../catalog-api';
import type { AggregateCall, BoundExpr, TypeRef } from '../types/bound-expr';
import { at, type BindContext } from './bind-context';
import { bindFuncCall } from './bind-func';
import { bindSubquery, type SubqueryPlanner } from './bind-subquery';
import { coerceAll, coerceToBoolean, selectCommonType, tryCoerce } from './coerce';
import { bindOperator, equalityImpl, findOperator } from './resolve-operator';
import type { Scope } from './scope';
import { T } from './type-oids';
import { mapBound } from '../types/bound-walk';

const BOOL: TypeRef = { oid: T.bool, typmod: -1 };

/** Where aggregates go while binding a clause that allows them (target list, HAVING, ORDER BY). */
export interface AggCollector { calls: AggregateCall[] }

export interface ExprEnv {
  ctx: BindContext;
  scope: Scope;
  /** Clause name for "aggregate functions are not allowed in WHERE". */
  clause: string;
  aggs?: AggCollector;
  /** True while binding an aggregate's arguments (nested aggregates are an error). */
  inAgg?: boolean;
  /** Where window function calls go (target list, ORDER BY); absent = not allowed (bind-window.ts). */
  wins?: import('./bind-window').WindowCollector;
  /** True inside a window call's arguments or window definition (nested windows are an error). */
  inWindow?: boolean;
  /** Where set-returning calls go (target list, ORDER BY); absent = not allowed (bind-srf.ts). */
  srfs?: import('./bind-srf').SrfCollector;
  subqueries: SubqueryPlanner;
}

export function bindConst(e: ConstExpr): BoundExpr {
  const v = e.value;
  switch (v.type) {
    case 'int4': return { kind: 'const', type: { oid: T.int4, typmod: -1 }, value: v.value, location: e.location };
    case 'int8': return { kind: 'const', type: { oid: T.int8, typmod: -1 }, value: v.value, location: e.location };
    case 'numeric': return { kind: 'const', type: { oid: T.numeric, typmod: -1 }, value: v.value, location: e.location };
    case 'string': return { kind: 'const', type: { oid: T.unknown, typmod: -1 }, value: v.value, location: e.location };
    case 'bool': return { kind: 'const', type: BOOL, value: v.value, location: e.location };
    case 'null': return { kind: 'const', type: { oid: T.unknown, typmod: -1 }, value: null, location: e.location };
    // B'101' / X'1F': bit_in reads the b/x prefix the parser keeps, like make_const does.
    case 'bitString': return { kind: 'const', type: { oid: T.bit, typmod: -1 }, value: v.value, input: true, location: e.location };
  }
}

export function resolveType(env: ExprEnv, t: TypeName): TypeRef {
  const r = resolveTypeName(env.ctx.catalog, env.ctx.registry, env.ctx.resolve, t);
  return { oid: r.oid, typmod: r.typmod };
}

function bindColumnRef(env: ExprEnv, e: ColumnRefExpr): BoundExpr {
  if (e.star) throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'row expansion via "*" is not supported here', at(e.location));
  const r = env.scope.resolve(e.names, e.location);
  const table = r.item.alias;
  if (r.merged) {
    if (r.levelsUp === 0) return r.merged;
    return mapBound(r.merged, (x) => (x.kind === 'column' ? { kind: 'outer', levelsUp: r.levelsUp, index: x.index, type: x.type, name: x.name, ...(x.table ? { table: x.table } : {}) } : x));
  }
  if (r.levelsUp === 0) return { kind: 'column', index: r.index, type: r.column.type, name: r.column.name, table, location: e.location };
  return { kind: 'outer', levelsUp: r.levelsUp, index: r.index, type: r.column.type, name: r.column.name, table };
}

/** Explicit `x::t` / CAST(x AS t): 42846 `cannot cast type a to b` when no path exists. */
export function bindCast(env: ExprEnv, arg: BoundExpr, target: TypeRef, location: number): BoundExpr {
  const out = tryCoerce(env.ctx, arg, target, 'explicit', location);
  if (out) {
    // Keep the cast visible even when it is a no-op relabel of the same type (EXPLAIN shows it).
    return out;
  }
  throw new SqlError(
    SQLSTATE.CANNOT_COERCE,
    `cannot cast type ${env.ctx.typeName(arg.type.oid)} to ${env.ctx.typeName(target.oid, target.typmod)}`,
    at(location),
  );
}

/** Binds an expression and coerces it to boolean (WHERE, HAVING, ON, WHEN). */
export function bindCondition(env: ExprEnv, e: Expr, construct: string): BoundExpr {
  return coerceToBoolean(env.ctx, bindExpr(env, e), construct, e.location);
}

export function bindExpr(env: ExprEnv, e: Expr): BoundExpr {
  const { ctx } = env;
  switch (e.kind) {
    case 'const': return bindConst(e);
    case 'param': return { kind: 'param', index: e.number - 1, type: ctx.paramType(e.number - 1, e.location) };
    case 'columnRef': return bindColumnRef(env, e);
    case 'op': {
      const left = e.left ? bindExpr(env, e.left) : undefined;
      return bindOperator(ctx, e.op, e.schema, left, bindExpr(env, e.right), e.location);
    }
    case 'bool': {
      const construct = e.op.toUpperCase();
      return { kind: 'bool', op: e.op, args: e.args.map((a) => bindCondition(env, a, construct)), type: BOOL };
    }
    case 'nullTest': {
      const arg = bindExpr(env, e.arg);
      return { kind: 'nullTest', arg, negated: e.negated, type: BOOL };
    }
    case 'booleanTest': {
      const testName = { true: 'IS TRUE', notTrue: 'IS NOT TRUE', false: 'IS FALSE', notFalse: 'IS NOT FALSE', unknown: 'IS UNKNOWN', notUnknown: 'IS NOT UNKNOWN' }[e.test];
      return { kind: 'booleanTest', arg: bindCondition(env, e.arg, testName), test: e.test, type: BOOL };
    }
    case 'distinct': {
      const eq = bindOperator(ctx, '=', undefined, bindExpr(env, e.left), bindExpr(env, e.right), e.location);
      return { kind: 'distinct', left: eq.args[0], right: eq.args[1], eqImpl: eq.impl, negated: e.negated, type: BOOL };
    }
    case 'between': {
      const arg = bindExpr(env, e.arg);
      const low = bindExpr(env, e.low);
      const high = bindExpr(env, e.high);
      const range = (a: BoundExpr, b: BoundExpr): BoundExpr => ({
        kind: 'bool', op: 'and', type: BOOL,
        args: [bindOperator(ctx, '>=', undefined, arg, a, e.location), bindOperator(ctx, '<=', undefined, arg, b, e.location)],
      });
      // SYMMETRIC: either order of the bounds (PostgreSQL expands it the same way).
      const both: BoundExpr = e.symmetric ? { kind: 'bool', op: 'or', args: [range(low, high), range(high, low)], type: BOOL } : range(low, high);
      return e.negated ? { kind: 'bool', op: 'not', args: [both], type: BOOL } : both;
    }
    case 'inList': return bindInList(env, e.arg, e.list, e.negated, e.location);
    case 'quantified': return bindQuantified(env, e);
    case 'case': return bindCase(env, e);
    case 'coalesce': {
      const args = e.args.map((a) => bindExpr(env, a));
      const locs = e.args.map((a) => a.location);
      const type = selectCommonType(ctx, args, 'COALESCE', locs);
      return { kind: 'coalesce', args: coerceAll(ctx, args, type, 'COALESCE', locs), type };
    }
    case 'nullIf': {
      const eq = bindOperator(ctx, '=', undefined, bindExpr(env, e.left), bindExpr(env, e.right), e.location);
      return { kind: 'nullIf', left: eq.args[0], right: eq.args[1], eqImpl: eq.impl, type: eq.args[0].type };
    }
    case 'minMax': {
      const args = e.args.map((a) => bindExpr(env, a));
      const locs = e.args.map((a) => a.location);
      const name = e.op.toUpperCase();
      const type = selectCommonType(ctx, args, name, locs);
      const cmpImpl = comparisonImpl(ctx, type.oid, e.location);
      return { kind: 'minMax', op: e.op, args: coerceAll(ctx, args, type, name, locs), cmpImpl, type };
    }
    case 'cast': return bindCast(env, bindExpr(env, e.arg), resolveType(env, e.type), e.location);
    case 'collate': return bindExpr(env, e.arg);
    case 'func': return bindFuncCall(env, e);
    case 'exists': case 'scalarSubquery': case 'subqueryCompare': case 'arraySubquery':
      return bindSubquery(env, e);
    case 'array': {
      const els = e.elements.map((a) => bindExpr(env, a));
      const locs = e.elements.map((a) => a.location);
      if (els.length > 0 && e.elements.every((a) => a.kind === 'array')) {
        // ARRAY[[1, 2], [3, 4]]: sub-arrays make one more dimension of the same array type.
        const arrType = selectCommonType(ctx, els, 'ARRAY', locs);
        return { kind: 'array', elements: coerceAll(ctx, els, arrType, 'ARRAY', locs), type: arrType };
      }
      const elemType = selectCommonType(ctx, els, 'ARRAY', locs);
      const arrayOid = ctx.type(elemType.oid)?.array;
      if (!arrayOid) throw notSupported(`arrays of type ${ctx.typeName(elemType.oid)} are not supported`, at(e.location));
      return { kind: 'array', elements: coerceAll(ctx, els, elemType, 'ARRAY', locs), type: { oid: arrayOid, typmod: -1 } };
    }
    case 'indirection': return bindIndirection(env, e);
    case 'sqlValueFunction': return bindSqlValueFunction(e);
    default:
      throw notSupported(`${e.kind} expressions are not supported yet`, at(e.location));
  }
}

/**
 * The btree comparison function for `type` (ORDER BY, GREATEST/LEAST, min/max): the `<`
 * operator's impl with its suffix replaced, e.g. int4lt -> int4cmp... the executor keys
 * comparisons by the `<` impl itself, which is what we return.
 */
export function comparisonImpl(ctx: BindContext, type: number, location: number): string {
  return findOperator(ctx, '<', undefined, type, type, location).impl;
}

/** `left op ANY|ALL (array)`: an unknown literal array takes the left side's array type. */
function bindQuantified(env: ExprEnv, e: Extract<Expr, { kind: 'quantified' }>): BoundExpr {
  const { ctx } = env;
  const left = bindExpr(env, e.left);
  let right = bindExpr(env, e.right);
  if (right.type.oid === T.unknown) {
    const elem = left.type.oid === T.unknown ? T.text : left.type.oid;
    const arrayOid = ctx.type(elem)?.array;
    if (arrayOid) right = tryCoerce(ctx, right, { oid: arrayOid, typmod: -1 }, 'implicit', e.right.location) ?? right;
  }
  const arrType = ctx.type(right.type.oid);
  if (!arrType || arrType.category !== 'A' || !arrType.elem) {
    throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, 'op ANY/ALL (array) requires array on right side', at(e.location));
  }
  const placeholder: BoundExpr = { kind: 'param', index: -1, type: { oid: arrType.elem, typmod: -1 } };
  const cmp = bindOperator(ctx, e.op, e.schema, left, placeholder, e.location);
  if (cmp.type.oid !== T.bool) {
    throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, 'op ANY/ALL (array) requires operator to yield boolean', at(e.location));
  }
  if (cmp.args[1] !== placeholder) throw notSupported('ANY/ALL with a coercion of the array elements is not supported yet', at(e.location));
  return { kind: 'quantified', mode: e.quantifier, op: e.op, left: cmp.args[0], right, cmpImpl: cmp.impl, type: BOOL };
}

function bindInList(env: ExprEnv, argE: Expr, listE: Expr[], negated: boolean, location: number): BoundExpr {
  const { ctx } = env;
  const arg = bindExpr(env, argE);
  const list = listE.map((x) => bindExpr(env, x));
  // PostgreSQL: if all items share a common type with the argument, one ScalarArrayOpExpr;
  // otherwise a chain of `=` comparisons. We resolve the common type the same way.
  const locs = [argE.location, ...listE.map((x) => x.location)];
  let common: TypeRef | undefined;
  try {
    common = selectCommonType(ctx, [arg, ...list], 'IN', locs);
  } catch {
    common = undefined;
  }
  if (common) {
    const all = coerceAll(ctx, [arg, ...list], common, 'IN', locs);
    const eqImpl = equalityImpl(ctx, common.oid, location);
    return { kind: 'inList', arg: all[0], list: all.slice(1), eqImpl, negated, type: BOOL };
  }
  const ors = list.map((item) => bindOperator(ctx, '=', undefined, arg, item, location));
  const any: BoundExpr = { kind: 'bool', op: 'or', args: ors, type: BOOL };
  return negated ? { kind: 'bool', op: 'not', args: [any], type: BOOL } : any;
}

function bindCase(env: ExprEnv, e: Extract<Expr, { kind: 'case' }>): BoundExpr {
  const { ctx } = env;
  const arg = e.arg ? bindExpr(env, e.arg) : undefined;
  const whens = e.whens.map((w) => {
    const cond = arg
      ? bindOperator(ctx, '=', undefined, arg, bindExpr(env, w.when), w.location)
      : bindCondition(env, w.when, 'CASE/WHEN');
    return { when: coerceToBoolean(ctx, cond, 'CASE/WHEN', w.location), then: bindExpr(env, w.then) };
  });
  const elseE: BoundExpr = e.else
    ? bindExpr(env, e.else)
    : { kind: 'const', type: { oid: T.unknown, typmod: -1 }, value: null, location: -1 };
  const results = [...whens.map((w) => w.then), elseE];
  const locs = [...e.whens.map((w) => w.then.location), e.else?.location ?? -1];
  // transformCaseExpr considers the ELSE result first (lcons), which decides the 42804 wording.
  const type = selectCommonType(ctx, [elseE, ...results.slice(0, -1)], 'CASE', [locs[locs.length - 1], ...locs.slice(0, -1)]);
  const coerced = coerceAll(ctx, results, type, 'CASE', locs);
  return {
    kind: 'case',
    whens: whens.map((w, i) => ({ when: w.when, then: coerced[i] })),
    else: coerced[coerced.length - 1],
    type,
  };
}
