// Array subscripts `a[i]`, `a[i][j]` (PostgreSQL's array_subscript_handler fetch): each
// subscript is coerced to int4; the result is the element type, NULL when a subscript is NULL
// or out of range. Bound as a call of the executor's `array_subscript`, so no new expression
// kind is needed. int2vector / oidvector subscript too (typelem int2 / oid, lower bound 0),
// which psql's \d+ relies on (pg_publication_rel.prattrs[s]).
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { Expr } from '@vecgres/sql';
import type { BoundExpr } from '../types/bound-expr';
import { at } from './bind-context';
import { bindExpr, type ExprEnv } from './bind-expr';
import { tryCoerce } from './coerce';
import { T } from './type-oids';

export function bindIndirection(env: ExprEnv, e: Extract<Expr, { kind: 'indirection' }>): BoundExpr {
  const { ctx } = env;
  const arg = bindExpr(env, e.arg);
  const subscript = (x: Expr): BoundExpr => {
    const s = bindExpr(env, x);
    // transformArraySubscripts: coerce_to_target_type(..., COERCION_ASSIGNMENT) to int4.
    const out = tryCoerce(ctx, s, { oid: T.int4, typmod: -1 }, 'assignment', x.location);
    if (!out) throw new SqlError(SQLSTATE.DATATYPE_MISMATCH, 'array subscript must have type integer', at(x.location));
    return out;
  };
  const steps = e.steps.map((step) => {
    if (step.kind !== 'subscript') throw notSupported('field selection is not supported yet', at(e.location));
    return step;
  });
  const elem = ctx.type(arg.type.oid)?.elem ?? 0;
  if (elem === 0) {
    throw new SqlError(
      SQLSTATE.DATATYPE_MISMATCH,
      `cannot subscript type ${ctx.typeName(arg.type.oid)} because it does not support subscripting`,
      at(e.location),
    );
  }
  if (steps.some((st) => st.slice)) {
    // A slice: every step is a range (`a[2]` among slices means `a[1:2]`); an omitted bound
    // is the array's own. The mask (a text constant, per step: lower l/-/1 then upper u/-)
    // says which bounds were written; those follow in order. Non-strict: omitted bounds are
    // not NULLs.
    const mask = steps.map((st) => `${!st.slice ? '1' : st.lower ? 'l' : '-'}${st.upper ? 'u' : '-'}`).join(' ');
    const bounds = steps.flatMap((st) => [
      ...(st.slice ? (st.lower ? [subscript(st.lower)] : []) : []),
      ...(st.upper ? [subscript(st.upper)] : []),
    ]);
    const maskArg: BoundExpr = { kind: 'const', type: { oid: T.text, typmod: -1 }, value: mask, location: -1 };
    if (ctx.type(arg.type.oid)?.category !== 'A') throw notSupported('slices of this type are not supported yet', at(e.location));
    return {
      kind: 'call', impl: 'array_slice', name: 'array_slice', form: 'func', args: [arg, maskArg, ...bounds],
      type: { oid: arg.type.oid, typmod: -1 }, strict: false, volatile: false, location: e.location,
    };
  }
  const subscripts = steps.map((st) => subscript(st.upper!));
  return {
    kind: 'call', impl: 'array_subscript', name: 'array_subscript', form: 'func', args: [arg, ...subscripts],
    type: { oid: elem, typmod: -1 }, strict: true, volatile: false, location: e.location,
  };
}
