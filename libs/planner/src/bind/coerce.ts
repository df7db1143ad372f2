// Type coercion as PostgreSQL's parse_coerce.c does it: can_coerce_type, find_coercion_pathway
// over pg_cast (castcontext i/a/e, castmethod f/b/i) plus automatic I/O conversion to and from
// string types, coerce_type (unknown literals take the target type, unknown parameters get
// their type inferred), typmod coercion, and select_common_type for CASE/COALESCE/UNION/VALUES.
import { SQLSTATE, SqlError, datatypeMismatch } from '@vecgres/errors';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { at, type BindContext } from './bind-context';
import { foldRegConst, isFoldableRegType } from './reg-const';
import { POLYMORPHIC, T } from './type-oids';

export type CoercionContext = 'implicit' | 'assignment' | 'explicit';

const RANK: Record<CoercionContext, number> = { implicit: 0, assignment: 1, explicit: 2 };
const CAST_RANK: Record<string, number> = { i: 0, a: 1, e: 2 };

export type CoercionPath =
  | { method: 'none' }
  | { method: 'relabel' }
  | { method: 'func'; impl: string }
  | { method: 'io' }
  | { method: 'array'; source: number; target: number; elem: Exclude<CoercionPath, { method: 'none' | 'array' }> };

/** find_coercion_pathway: how `source` becomes `target` in context `cc` (none when it cannot). */
export function coercionPath(ctx: BindContext, source: number, target: number, cc: CoercionContext): CoercionPath {
  if (source === target) return { method: 'relabel' };
  // int2vector / oidvector subscript like int2[] / oid[] (typelem, array_subscript_handler), so
  // PostgreSQL coerces them to those array types element by element: a relabel here.
  if ((source === T.int2vector && target === T.int2array) || (source === T.oidvector && target === T.oidarray)) return { method: 'relabel' };
  const cast = ctx.catalog.cast(source, target);
  if (cast) {
    if (CAST_RANK[cast.context] > RANK[cc]) return { method: 'none' };
    if (cast.method === 'b') return { method: 'relabel' };
    if (cast.method === 'i') return { method: 'io' };
    const proc = ctx.catalog.proc(cast.func);
    return proc ? { method: 'func', impl: proc.impl } : { method: 'none' };
  }
  // No pg_cast entry between two array types: convert element by element (ARRAY_COERCE);
  // never into int2vector / oidvector (find_coercion_pathway excludes them).
  const vectorTarget = target === T.int2vector || target === T.oidvector;
  const srcElem = ctx.category(source) === 'A' ? ctx.type(source)?.elem ?? 0 : 0;
  const tgtElem = ctx.category(target) === 'A' && !vectorTarget ? ctx.type(target)?.elem ?? 0 : 0;
  if (srcElem && tgtElem) {
    const elem = coercionPath(ctx, srcElem, tgtElem, cc);
    if (elem.method !== 'none' && elem.method !== 'array') return { method: 'array', source: srcElem, target: tgtElem, elem };
  }
  // No pg_cast entry: automatic I/O conversion to a string type (assignment or explicit) or
  // from a string type (explicit only).
  if (cc !== 'implicit' && ctx.category(target) === 'S') return { method: 'io' };
  if (cc === 'explicit' && ctx.category(source) === 'S') return { method: 'io' };
  return { method: 'none' };
}

/** can_coerce_type for one argument. */
export function canCoerce(ctx: BindContext, source: number, target: number, cc: CoercionContext): boolean {
  if (source === target) return true;
  if (target === T.any) return true;
  if (POLYMORPHIC.has(target)) {
    if (source === T.unknown) return true;
    const isArray = ctx.category(source) === 'A';
    if (target === T.anyarray || target === T.anycompatiblearray) return isArray;
    if (target === T.anynonarray || target === T.anycompatiblenonarray) return !isArray;
    return true;
  }
  if (source === T.unknown) return true;
  return coercionPath(ctx, source, target, cc).method !== 'none';
}

function typeOfExpr(e: BoundExpr): TypeRef {
  return e.type;
}

/**
 * coerce_to_target_type: `e` as a value of `target` in context `cc`, or null when no coercion
 * exists (callers raise their own message). Unknown constants are re-typed (the executor runs
 * the type's input function once); unknown parameters get `target` as their inferred type.
 */
export function tryCoerce(ctx: BindContext, e: BoundExpr, target: TypeRef, cc: CoercionContext, location: number): BoundExpr | null {
  const src = typeOfExpr(e);
  if (target.oid === T.any || POLYMORPHIC.has(target.oid)) return e;
  if (src.oid === T.unknown) {
    if (e.kind === 'const' && isFoldableRegType(target.oid) && typeof e.value === 'string') {
      return { kind: 'const', type: { oid: target.oid, typmod: -1 }, value: foldRegConst(ctx, target.oid, e.value, e.location), location: e.location };
    }
    if (e.kind === 'const') {
      // The typmod is applied as a separate coercion so that an explicit cast truncates
      // ('abc'::varchar(2) is 'ab') while an assignment raises 22001.
      const c: BoundExpr = { kind: 'const', type: { oid: target.oid, typmod: -1 }, value: e.value, input: e.value !== null, location: e.location };
      return withTypmod(c, target, cc, location);
    }
    if (e.kind === 'param') {
      ctx.setParamType(e.index, target.oid, location);
      return withTypmod({ kind: 'param', index: e.index, type: { oid: target.oid, typmod: -1 } }, target, cc, location);
    }
    // Any other unknown-typed expression (a CASE of literals, ...) converts through text.
    return { kind: 'cast', arg: e, type: target, method: 'io', explicit: cc === 'explicit', location };
  }
  if (src.oid === target.oid) return withTypmod(e, target, cc, location);
  const path = coercionPath(ctx, src.oid, target.oid, cc);
  if (path.method === 'none') return null;
  const explicit = cc === 'explicit';
  const base: TypeRef = { oid: target.oid, typmod: -1 };
  let out: BoundExpr;
  if (path.method === 'relabel') out = { kind: 'cast', arg: e, type: base, method: 'binary', explicit, location };
  else if (path.method === 'io') out = { kind: 'cast', arg: e, type: base, method: 'io', explicit, location };
  else if (path.method === 'array') {
    const el = path.elem;
    const elem = { source: path.source, type: { oid: path.target, typmod: -1 }, method: el.method === 'relabel' ? 'binary' as const : el.method, ...(el.method === 'func' ? { impl: el.impl } : {}) };
    out = { kind: 'cast', arg: e, type: base, method: 'array', elem, explicit, location };
  }
  else out = { kind: 'cast', arg: e, type: base, method: 'func', impl: path.impl, explicit, location };
  return withTypmod(out, target, cc, location);
}

/** coerce_type_typmod: apply a length/precision modifier when the target has one. */
function withTypmod(e: BoundExpr, target: TypeRef, cc: CoercionContext, location: number): BoundExpr {
  if (target.typmod < 0 || e.type.typmod === target.typmod) return e;
  return { kind: 'cast', arg: e, type: target, method: 'binary', explicit: cc === 'explicit', location };
}

/** tryCoerce or 42804 with PostgreSQL's wording for an assignment to a column. */
export function coerceForAssignment(ctx: BindContext, e: BoundExpr, target: TypeRef, column: string, location: number): BoundExpr {
  const out = tryCoerce(ctx, e, target, 'assignment', location);
  if (out) return out;
  throw datatypeMismatch(
    // format_type_be: both types without their typmods (`numeric`, not `numeric(10,2)`).
    `column "${column}" is of type ${ctx.typeName(target.oid, -1)} but expression is of type ${ctx.typeName(e.type.oid, -1)}`,
    { hint: 'You will need to rewrite or cast the expression.', ...at(location) },
  );
}

/** coerce_to_boolean: WHERE / HAVING / ON / CASE WHEN arguments. */
export function coerceToBoolean(ctx: BindContext, e: BoundExpr, construct: string, location: number): BoundExpr {
  if (e.type.oid === T.bool) return e;
  const out = tryCoerce(ctx, e, { oid: T.bool, typmod: -1 }, 'assignment', location);
  if (out) return out;
  throw datatypeMismatch(`argument of ${construct} must be type boolean, not type ${ctx.typeName(e.type.oid)}`, at(location));
}

/**
 * select_common_type: the type all of `exprs` can be implicitly coerced to, by PostgreSQL's
 * rules (first non-unknown type; a later type of the same category wins if it is preferred or
 * the first converts to it implicitly but not back; all unknown -> text). `construct` names the
 * clause in the 42804 message (`CASE`, `COALESCE`, `UNION`, `VALUES`).
 */
export function selectCommonType(ctx: BindContext, exprs: BoundExpr[], construct: string, locations: number[]): TypeRef {
  let ptype = T.unknown as number;
  let pcat = '';
  let ppref = false;
  let typmod = -1;
  let first = true;
  exprs.forEach((e, i) => {
    const t = e.type.oid;
    if (t === T.unknown) return;
    if (ptype === T.unknown) {
      ptype = t;
      pcat = ctx.category(t);
      ppref = ctx.isPreferred(t);
      typmod = e.type.typmod;
      first = false;
      return;
    }
    if (t === ptype) {
      if (e.type.typmod !== typmod) typmod = -1;
      return;
    }
    const ncat = ctx.category(t);
    if (ncat !== pcat) {
      throw datatypeMismatch(`${construct} types ${ctx.typeName(ptype)} and ${ctx.typeName(t)} cannot be matched`, at(locations[i]));
    }
    if (!ppref && canCoerce(ctx, ptype, t, 'implicit') && !canCoerce(ctx, t, ptype, 'implicit')) {
      ptype = t;
      ppref = ctx.isPreferred(t);
      typmod = -1;
    }
  });
  if (first) return { oid: T.text, typmod: -1 };
  return { oid: ptype, typmod };
}

/** Coerces each of `exprs` to `target` (implicitly), 42804 `<construct> could not convert ...`. */
export function coerceAll(ctx: BindContext, exprs: BoundExpr[], target: TypeRef, construct: string, locations: number[]): BoundExpr[] {
  return exprs.map((e, i) => {
    const out = tryCoerce(ctx, e, { oid: target.oid, typmod: e.type.oid === target.oid ? e.type.typmod : -1 }, 'implicit', locations[i]);
    if (out) return out;
    throw new SqlError(
      SQLSTATE.CANNOT_COERCE,
      `${construct} could not convert type ${ctx.typeName(e.type.oid)} to ${ctx.typeName(target.oid)}`,
      at(locations[i]),
    );
  });
}
