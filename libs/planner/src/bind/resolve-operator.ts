// Operator resolution (parse_oper.c): visible operators named `op` of the right kind; an
// exact match first (with one unknown side assumed to be the other side's type, as
// binary_oper_exact does), then implicit-coercion candidates through select-candidate.
// Errors are PostgreSQL's 42883 / 42725 with their hints, positioned at the operator.
import { SQLSTATE, SqlError, undefinedFunction } from '@vecgres/errors';
import { visibleOperators, type OperatorRow } from '../catalog-api';
import type { BoundCall, BoundExpr, TypeRef } from '../types/bound-expr';
import { at, type BindContext } from './bind-context';
import { tryCoerce } from './coerce';
import { matchArgTypes, selectCandidate, type Candidate } from './select-candidate';
import { POLYMORPHIC, T } from './type-oids';
import { coerceArgs } from './coerce-args';

function signature(ctx: BindContext, op: string, left: number | undefined, right: number): string {
  return left === undefined ? `${op} ${ctx.typeName(right)}` : `${ctx.typeName(left)} ${op} ${ctx.typeName(right)}`;
}

/** The pg_operator row `left op right` resolves to (left undefined for a prefix operator). */
export function findOperator(
  ctx: BindContext, op: string, schema: string | undefined, left: number | undefined, right: number, location: number,
): OperatorRow {
  const kind = left === undefined ? 'l' : 'b';
  const all = visibleOperators(ctx.catalog, ctx.resolve, op, schema).map((o) => o.operator).filter((o) => o.kind === kind);
  const exact = (l: number, r: number) => all.find((o) => (kind === 'l' || o.left === l) && o.right === r);
  if (left !== undefined) {
    let found: OperatorRow | undefined;
    if (left === T.unknown && right !== T.unknown) found = exact(right, right);
    else if (right === T.unknown && left !== T.unknown) found = exact(left, left);
    found ??= exact(left, right);
    if (found) return found;
  } else {
    const found = exact(0, right);
    if (found) return found;
  }
  const inputs = left === undefined ? [right] : [left, right];
  const cands: Candidate<OperatorRow>[] = all.map((o) => ({ row: o, args: kind === 'l' ? [o.right] : [o.left, o.right] }));
  const matching = matchArgTypes(ctx, inputs, cands);
  if (matching.length === 0) {
    throw undefinedFunction(`operator does not exist: ${signature(ctx, op, left, right)}`, {
      hint: 'No operator matches the given name and argument types. You might need to add explicit type casts.',
      ...at(location),
    });
  }
  const best = selectCandidate(ctx, inputs, matching);
  if (!best) {
    throw new SqlError(SQLSTATE.AMBIGUOUS_FUNCTION, `operator is not unique: ${signature(ctx, op, left, right)}`, {
      hint: 'Could not choose a best candidate operator. You might need to add explicit type casts.',
      ...at(location),
    });
  }
  return best.row;
}

/** Coerces an argument to a declared parameter type (polymorphic ones keep the argument's). */
export function coerceArg(ctx: BindContext, e: BoundExpr, declared: number, location: number): BoundExpr {
  if (declared === T.any || POLYMORPHIC.has(declared)) {
    // A bare unknown literal passed to a polymorphic parameter is taken as text.
    if (e.type.oid === T.unknown) return tryCoerce(ctx, e, { oid: T.text, typmod: -1 }, 'implicit', location) ?? e;
    return e;
  }
  const out = tryCoerce(ctx, e, { oid: declared, typmod: -1 }, 'implicit', location);
  if (!out) throw new Error(`internal: chosen candidate does not accept ${e.type.oid} as ${declared}`);
  return out;
}

/** Result type of a call, resolving a polymorphic return type from the arguments. */
export function resultType(ctx: BindContext, declaredRet: number, declaredArgs: readonly number[], args: BoundExpr[]): TypeRef {
  if (!POLYMORPHIC.has(declaredRet)) return { oid: declaredRet, typmod: -1 };
  const i = declaredArgs.findIndex((a) => POLYMORPHIC.has(a));
  const actual = i >= 0 ? args[i].type.oid : T.text;
  const argIsArray = declaredArgs[i] === T.anyarray || declaredArgs[i] === T.anycompatiblearray;
  const retIsArray = declaredRet === T.anyarray || declaredRet === T.anycompatiblearray;
  if (argIsArray === retIsArray) return { oid: actual, typmod: -1 };
  if (retIsArray) return { oid: ctx.type(actual)?.array || T.text, typmod: -1 };
  return { oid: ctx.type(actual)?.elem || T.text, typmod: -1 };
}

/** Binds `left op right` (or prefix `op right`) into a call of the operator's function. */
export function bindOperator(
  ctx: BindContext, op: string, schema: string | undefined, left: BoundExpr | undefined, right: BoundExpr, location: number,
): BoundCall {
  const row = findOperator(ctx, op, schema, left?.type.oid, right.type.oid, location);
  const declared = left === undefined ? [row.right] : [row.left, row.right];
  const args = coerceArgs(ctx, left === undefined ? [right] : [left, right], declared, [location, location]);
  const proc = ctx.catalog.proc(row.proc);
  return {
    kind: 'call',
    impl: row.impl,
    name: op,
    form: 'op',
    args,
    type: resultType(ctx, row.result, declared, args),
    strict: proc?.strict ?? true,
    volatile: proc?.vol === 'v',
    location,
  };
}

/** The `=` operator's implementation for two values of `type` (hash keys, IN, DISTINCT). */
export function equalityImpl(ctx: BindContext, type: number, location: number): string {
  return findOperator(ctx, '=', undefined, type, type, location).impl;
}
