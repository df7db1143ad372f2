// Functions in FROM: `f(...) [WITH ORDINALITY] [AS a(c1, ...)]`, `ROWS FROM (f(), g())`, and
// PostgreSQL's special case `unnest(a, b, ...)` = ROWS FROM (unnest(a), unnest(b), ...).
// Column names follow parse_relation.c: a one-column function's column is named by the alias
// (else the function name), OUT parameters give their names, ORDINALITY adds `ordinality`,
// and the alias column list renames left to right.
//
// Functions in FROM are implicitly LATERAL: their arguments may read the FROM items to their
// left (`lateralScope`). `lateral` in the result says whether they do; if not, the arguments
// are re-targeted as if bound without that scope and the item is an ordinary leaf.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { FuncCallExpr, FunctionRef } from '@vecgres/sql';
import { at } from '../bind/bind-context';
import { bindExpr, type ExprEnv } from '../bind/bind-expr';
import { argTypesOf, findFunction } from '../bind/resolve-function';
import { coerceArgs } from '../bind/coerce-args';
import { resultType } from '../bind/resolve-operator';
import { Scope } from '../bind/scope';
import { T } from '../bind/type-oids';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { boundChildren, mapBound } from '../types/bound-walk';
import type { PhysicalFunctionScan, SrfCall } from './physical-function-scan';

const RECORD = 2249;

function bindCall(env: ExprEnv, call: FuncCallExpr): { srf: SrfCall; names: string[]; outNamed: boolean } {
  if (call.over) throw new SqlError(SQLSTATE.WINDOWING_ERROR, 'window functions are not allowed in functions in FROM', at(call.location));
  const args = call.args.map((a) => bindExpr(env, a));
  const { proc, args: declared } = findFunction(env.ctx, call.name, call.schema, argTypesOf(args), call.location);
  if (proc.kind !== 'f') {
    throw new SqlError(SQLSTATE.GROUPING_ERROR, `${proc.kind === 'w' ? 'window' : 'aggregate'} functions are not allowed in functions in FROM`, at(call.location));
  }
  const coerced = coerceArgs(env.ctx, args, declared, call.args.map((a) => a.location));
  const type = resultType(env.ctx, proc.ret, declared, coerced);
  const modes = proc.argModes ?? [];
  const outs = modes.map((m, i) => (m === 'o' || m === 'b' || m === 't' ? i : -1)).filter((i) => i >= 0);
  let columns: TypeRef[];
  let names: string[];
  if (outs.length > 1) {
    columns = outs.map((i) => ({ oid: proc.allArgs![i], typmod: -1 }));
    names = outs.map((i) => proc.argNames?.[i] ?? `column${i + 1}`);
  } else {
    if (type.oid === RECORD) {
      throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'a column definition list is required for functions returning "record"', at(call.location));
    }
    columns = [type];
    names = [outs.length === 1 ? proc.argNames?.[outs[0]] ?? proc.name : proc.name];
  }
  const srf: SrfCall = { impl: proc.impl, name: proc.name, args: coerced, columns, strict: proc.strict, ...(proc.retset ? {} : { scalar: true }) };
  return { srf, names, outNamed: outs.length === 1 && proc.argNames?.[outs[0]] !== undefined };
}

function readsLevel(e: BoundExpr, level: number): boolean {
  if (e.kind === 'outer' && e.levelsUp === level) return true;
  return boundChildren(e).some((c) => readsLevel(c, level));
}

function readsAbove(e: BoundExpr, level: number): boolean {
  if (e.kind === 'outer' && e.levelsUp >= level) return true;
  return boundChildren(e).some((c) => readsAbove(c, level));
}

export interface PlannedFunctionItem {
  node: PhysicalFunctionScan;
  alias: string;
  columns: Array<{ name: string; type: TypeRef }>;
  lateral: boolean;
}

/** Binds a function FROM item; `lateralScope` holds the FROM items its arguments may read. */
export function planFunctionItem(env: ExprEnv, item: FunctionRef, lateralScope: Scope): PlannedFunctionItem {
  if (item.columnDefinitions || item.functions.some((f) => f.columnDefinitions)) {
    throw notSupported('column definition lists for functions in FROM are not supported yet', at(item.location));
  }
  const argScope = new Scope(lateralScope);
  const argEnv: ExprEnv = { ...env, scope: argScope, clause: 'functions in FROM', aggs: undefined, wins: undefined };
  let calls: FuncCallExpr[] = item.functions.map((f) => f.call);
  const only = calls[0];
  if (!item.rowsFrom && calls.length === 1 && only.name === 'unnest' && (only.schema ?? 'pg_catalog') === 'pg_catalog' && only.args.length > 1) {
    calls = only.args.map((a) => ({ ...only, args: [a] }));
  }
  const bound = calls.map((c) => bindCall(argEnv, c));
  const allArgs = bound.flatMap((b) => b.srf.args);
  const lateral = allArgs.some((a) => readsLevel(a, 1));
  // A reference to the enclosing query's row makes this query level correlated.
  if (allArgs.some((a) => readsAbove(a, 2))) env.scope.readsOuter = true;
  // Not lateral: the arguments were bound one level too deep for a plain leaf.
  const fix = (e: BoundExpr) => (lateral ? e : mapBound(e, (x) => (x.kind === 'outer' ? { ...x, levelsUp: x.levelsUp - 1 } : x)));
  const functions = bound.map((b) => ({ ...b.srf, args: b.srf.args.map(fix) }));
  const first = functions[0];
  const alias = item.alias?.name ?? first.name;
  const single = functions.length === 1 && first.columns.length === 1;
  // A lone OUT parameter names the column (jsonb_array_elements -> value) even under an alias.
  let names = single && !bound[0].outNamed ? [item.alias?.name ?? bound[0].names[0]] : bound.flatMap((b) => b.names);
  if (item.ordinality) names.push('ordinality');
  const types: TypeRef[] = [...functions.flatMap((f) => f.columns), ...(item.ordinality ? [{ oid: T.int8, typmod: -1 }] : [])];
  const given = item.alias?.columns ?? [];
  if (given.length > names.length) {
    throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, `table "${alias}" has ${names.length} columns available but ${given.length} columns specified`, at(item.location));
  }
  names = names.map((n, i) => given[i] ?? n);
  return {
    node: { kind: 'functionScan', name: first.name, alias, functions, ordinality: item.ordinality },
    alias,
    columns: names.map((name, i) => ({ name, type: types[i] })),
    lateral,
  };
}
