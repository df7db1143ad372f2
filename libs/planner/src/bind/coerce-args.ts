// Coerces a chosen function's or operator's arguments to its declared parameter types,
// including the anycompatible family (enforce_generic_type_consistency, parse_coerce.c): all
// anycompatible / anycompatiblenonarray arguments and the elements of all anycompatiblearray
// arguments are brought to one common type (select_common_type), so `ARRAY[1.5] || 3` appends
// the numeric 3 and `3 || ARRAY[1.5]` is {3,1.5}, as in PostgreSQL.
import type { BoundExpr } from '../types/bound-expr';
import type { BindContext } from './bind-context';
import { selectCommonType, tryCoerce } from './coerce';
import { coerceArg } from './resolve-operator';
import { T } from './type-oids';

const COMPATIBLE_ELEMENT = new Set<number>([T.anycompatible, T.anycompatiblenonarray]);

/** `args` coerced to `declared` (one location per argument). */
export function coerceArgs(ctx: BindContext, args: readonly BoundExpr[], declared: readonly number[], locations: readonly number[]): BoundExpr[] {
  const coerced = args.map((a, i) => coerceArg(ctx, a, declared[i], locations[i]));
  const members = coerced
    .map((a, i) => ({ a, i, array: declared[i] === T.anycompatiblearray }))
    .filter((m) => m.array || COMPATIBLE_ELEMENT.has(declared[m.i]));
  if (members.length < 2) return coerced;
  // The element types the family must agree on (an unknown literal takes the common type).
  const elements: BoundExpr[] = members.map(({ a, array }) => {
    if (!array || a.type.oid === T.unknown) return a;
    return { ...a, type: { oid: ctx.type(a.type.oid)?.elem ?? T.unknown, typmod: -1 } };
  });
  const common = selectCommonType(ctx, elements, 'anycompatible', members.map((m) => locations[m.i]));
  const arrayOfCommon = ctx.type(common.oid)?.array ?? 0;
  for (const { a, i, array } of members) {
    const target = array ? arrayOfCommon : common.oid;
    if (target === 0 || a.type.oid === target) continue;
    const out = tryCoerce(ctx, a, { oid: target, typmod: -1 }, 'implicit', locations[i]);
    if (out) coerced[i] = out;
  }
  return coerced;
}
