// Window function calls (parse_func.c / parse_clause.c transformWindowDefinitions): `f(...) OVER
// (...)`, `OVER w` and `OVER (w ORDER BY ...)` over the query's WINDOW clause. Each call is
// collected into the query's WindowCollector (identical window specifications share one
// window, as PostgreSQL merges them) and replaced by a windowRef that plan-window.ts turns into
// a column of the WindowAgg node's output. Errors and messages are PostgreSQL's (42P20, 42704).
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { FuncCallExpr, SortBy, WindowFrame, WindowSpec } from '@vecgres/sql';
import { visibleProcs } from '../catalog-api';
import type { WindowFrameBound, WindowFrameSpec, WindowFuncCall } from '../plan/physical-window';
import { DEFAULT_FRAME } from '../plan/physical-window';
import type { AggregateCall, BoundExpr } from '../types/bound-expr';
import { boundKey } from '../types/bound-walk';
import { at, type BindContext } from './bind-context';
import { bindCondition, bindExpr, comparisonImpl, type ExprEnv } from './bind-expr';
import { coerceAll, selectCommonType, tryCoerce } from './coerce';
import { argTypesOf, findFunction } from './resolve-function';
import { coerceArg, resultType } from './resolve-operator';
import { Scope } from './scope';
import { T } from './type-oids';

export interface WindowKey { expr: BoundExpr; desc: boolean; nullsFirst: boolean; cmpImpl: string }

/** One distinct window of a query level: its rows are sorted by partition keys, then order keys. */
export interface WindowDef { partitionBy: WindowKey[]; orderBy: WindowKey[]; frame: WindowFrameSpec; key: string }

export interface WindowCollector {
  /** The query's WINDOW clause by name (already resolved against earlier entries). */
  named: Map<string, WindowSpec>;
  windows: WindowDef[];
  /** windowRef.index -> the call and the window it runs in. */
  calls: Array<{ window: number; func: WindowFuncCall; key: string }>;
}

function windowingError(message: string, location: number, hint?: string): SqlError {
  return new SqlError(SQLSTATE.WINDOWING_ERROR, message, { ...(hint ? { hint } : {}), ...at(location) });
}

/** `OVER (w ...)`: the referenced window's PARTITION BY / ORDER BY with this spec's additions. */
function copyFrom(ref: WindowSpec, spec: WindowSpec, inOver: boolean): WindowSpec {
  const name = spec.refName!;
  if (spec.partitionBy.length > 0) throw windowingError(`cannot override PARTITION BY clause of window "${name}"`, spec.location);
  if (ref.orderBy.length > 0 && spec.orderBy.length > 0) throw windowingError(`cannot override ORDER BY clause of window "${name}"`, spec.location);
  if (ref.frame) {
    throw windowingError(`cannot copy window "${name}" because it has a frame clause`, spec.location,
      inOver ? 'Omit the parentheses in this OVER clause.' : undefined);
  }
  return {
    ...(spec.name ? { name: spec.name } : {}),
    partitionBy: ref.partitionBy,
    orderBy: spec.orderBy.length > 0 ? spec.orderBy : ref.orderBy,
    ...(spec.frame ? { frame: spec.frame } : {}),
    location: spec.location,
  };
}

export function newWindowCollector(specs: WindowSpec[]): WindowCollector {
  const named = new Map<string, WindowSpec>();
  for (const s of specs) {
    const name = s.name!;
    if (named.has(name)) throw windowingError(`window "${name}" is already defined`, s.location);
    let spec = s;
    if (s.refName) {
      const ref = named.get(s.refName);
      if (!ref) throw new SqlError(SQLSTATE.UNDEFINED_OBJECT, `window "${s.refName}" does not exist`, at(s.location));
      spec = copyFrom(ref, s, false);
    }
    named.set(name, spec);
  }
  return { named, windows: [], calls: [] };
}

function resolveSpec(wc: WindowCollector, over: WindowSpec): WindowSpec {
  if (over.name && !over.refName) {
    const w = wc.named.get(over.name);
    if (!w) throw new SqlError(SQLSTATE.UNDEFINED_OBJECT, `window "${over.name}" does not exist`, at(over.location));
    return w;
  }
  if (over.refName) {
    const ref = wc.named.get(over.refName);
    if (!ref) throw new SqlError(SQLSTATE.UNDEFINED_OBJECT, `window "${over.refName}" does not exist`, at(over.location));
    return copyFrom(ref, over, true);
  }
  return over;
}

export function bindKey(env: ExprEnv, s: { expr: import('@vecgres/sql').Expr; direction: SortBy['direction']; nulls: SortBy['nulls']; using?: string; location: number }): WindowKey {
  if (s.using) throw notSupported('ORDER BY ... USING is not supported', at(s.location));
  let expr = bindExpr(env, s.expr);
  if (expr.type.oid === T.unknown) expr = tryCoerce(env.ctx, expr, { oid: T.text, typmod: -1 }, 'implicit', s.expr.location) ?? expr;
  const desc = s.direction === 'desc';
  const nullsFirst = s.nulls === 'default' ? desc : s.nulls === 'first';
  return { expr, desc, nullsFirst, cmpImpl: comparisonImpl(env.ctx, expr.type.oid, s.expr.location) };
}

/** RANGE offsets: the numeric ORDER BY types and the offset type their in_range support takes. */
const RANGE_OFFSET_TYPE: Record<number, number> = {
  [T.int2]: T.int8, [T.int4]: T.int8, [T.int8]: T.int8, [T.float4]: T.float8, [T.float8]: T.float8, [T.numeric]: T.numeric,
};

function bindBound(ctx: BindContext, b: WindowFrame['start'], mode: WindowFrame['mode'], env: ExprEnv, rangeType?: number): WindowFrameBound {
  if (b.type !== 'preceding' && b.type !== 'following') return { type: b.type };
  const what = mode.toUpperCase();
  const offEnv: ExprEnv = { ...env, scope: new Scope(), clause: what, aggs: undefined, wins: undefined };
  const raw = bindExpr(offEnv, b.offset);
  const target = rangeType !== undefined ? RANGE_OFFSET_TYPE[rangeType] : T.int8;
  const offset = tryCoerce(ctx, raw, { oid: target, typmod: -1 }, 'implicit', b.offset.location);
  if (!offset && rangeType !== undefined) {
    throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED,
      `RANGE with offset PRECEDING/FOLLOWING is not supported for column type ${ctx.typeName(rangeType)} and offset type ${ctx.typeName(raw.type.oid)}`,
      { hint: 'Cast the offset value to an appropriate type.', ...at(b.offset.location) });
  }
  if (!offset) {
    throw new SqlError(SQLSTATE.DATATYPE_MISMATCH, `argument of ${what} must be type bigint, not type ${ctx.typeName(raw.type.oid)}`, at(b.offset.location));
  }
  return { type: b.type, offset };
}

function bindFrame(env: ExprEnv, f: WindowFrame | undefined, orderBy: WindowKey[], location: number): WindowFrameSpec {
  if (!f) return DEFAULT_FRAME;
  const hasOffset = [f.start, f.end].some((b) => b.type === 'preceding' || b.type === 'following');
  if (f.mode === 'groups' && orderBy.length === 0) throw windowingError('GROUPS mode requires an ORDER BY clause', location);
  let rangeType: number | undefined;
  if (f.mode === 'range' && hasOffset) {
    if (orderBy.length !== 1) throw windowingError('RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column', location);
    rangeType = orderBy[0].expr.type.oid;
    if (RANGE_OFFSET_TYPE[rangeType] === undefined) {
      throw notSupported(`RANGE with offset PRECEDING/FOLLOWING over type ${env.ctx.typeName(rangeType)} is not supported yet`, at(location));
    }
  }
  return { mode: f.mode, start: bindBound(env.ctx, f.start, f.mode, env, rangeType), end: bindBound(env.ctx, f.end, f.mode, env, rangeType), exclude: f.exclude };
}

/** Binds the window of a call and returns its index in the collector (shared when identical). */
function bindWindow(env: ExprEnv, wc: WindowCollector, over: WindowSpec): number {
  const spec = resolveSpec(wc, over);
  const kenv: ExprEnv = { ...env, clause: 'window definition', inWindow: true };
  const partitionBy = spec.partitionBy.map((e) => bindKey(kenv, { expr: e, direction: 'default', nulls: 'default', location: e.location }));
  const orderBy = spec.orderBy.map((s) => bindKey(kenv, s));
  const frame = bindFrame(env, spec.frame, orderBy, spec.location);
  const key = JSON.stringify([partitionBy.map((k) => [boundKey(k.expr), k.cmpImpl]), orderBy.map((k) => [boundKey(k.expr), k.desc, k.nullsFirst]), boundFrameKey(frame)]);
  const i = wc.windows.findIndex((w) => w.key === key);
  if (i >= 0) return i;
  wc.windows.push({ partitionBy, orderBy, frame, key });
  return wc.windows.length - 1;
}

function boundFrameKey(f: WindowFrameSpec): string {
  const b = (x: WindowFrameBound) => ('offset' in x ? [x.type, boundKey(x.offset)] : [x.type]);
  return JSON.stringify([f.mode, b(f.start), b(f.end), f.exclude]);
}

/** `f(args) OVER ...` -> windowRef (see file header). */
export function bindWindowCall(env: ExprEnv, e: FuncCallExpr): BoundExpr {
  const { ctx } = env;
  const wc = env.wins;
  if (env.inAgg) throw new SqlError(SQLSTATE.GROUPING_ERROR, 'aggregate function calls cannot contain window function calls', at(e.location));
  if (env.inWindow) throw windowingError('window function calls cannot be nested', e.location);
  if (!wc) throw windowingError(`window functions are not allowed in ${env.clause}`, e.location);
  if (e.withinGroup) throw notSupported('ordered-set aggregates are not supported yet', at(e.location));
  const argEnv: ExprEnv = { ...env, inWindow: true };
  const args = e.star ? [] : e.args.map((a) => bindExpr(argEnv, a));
  let { proc, args: declared } = findFunction(ctx, e.name, e.schema, argTypesOf(args), e.location);
  if (proc.impl.startsWith('ordered_set_transition')) {
    // rank() etc. also match the variadic ordered-set aggregates: the window function wins.
    const w = visibleProcs(ctx.catalog, ctx.resolve, e.name, e.schema).find((c) => c.proc.kind === 'w' && c.proc.args.length === args.length);
    if (w) ({ proc, args: declared } = { proc: w.proc, args: [...w.proc.args] });
  }
  if (proc.kind !== 'w' && proc.kind !== 'a') {
    throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `OVER specified, but ${proc.name} is not a window function nor an aggregate function`, at(e.location));
  }
  if (e.distinct) throw notSupported('DISTINCT is not implemented for window functions', at(e.location));
  if (e.orderBy.length > 0) throw notSupported('aggregate ORDER BY is not implemented for window functions', at(e.location));
  if (proc.kind === 'w' && e.filter) throw notSupported('FILTER is not implemented for non-aggregate window functions', at(e.location));
  let coerced = args.map((a, i) => coerceArg(ctx, a, declared[i], e.args[i]?.location ?? e.location));
  if (proc.kind === 'w' && coerced.length === 3) {
    // lag/lead(value, offset, default): value and default share anycompatible's common type.
    const locs = [e.args[0].location, e.args[2].location];
    const common = selectCommonType(ctx, [coerced[0], coerced[2]], proc.name, locs);
    const [v, d] = coerceAll(ctx, [coerced[0], coerced[2]], common, proc.name, locs);
    coerced = [v, coerced[1], d];
  }
  const type = resultType(ctx, proc.ret, declared, coerced);
  const window = bindWindow(env, wc, e.over!);
  const func: WindowFuncCall = { name: proc.name, impl: proc.impl, args: coerced, type };
  if (proc.kind === 'a') {
    const agg: AggregateCall = {
      name: proc.name, impl: proc.impl, args: coerced, distinct: false, type,
      ...(coerced[0] ? { argType: coerced[0].type } : {}),
      ...(e.filter ? { filter: bindCondition({ ...argEnv, inAgg: true }, e.filter, 'FILTER') } : {}),
    };
    func.agg = agg;
  }
  const key = JSON.stringify([window, boundKey({ kind: 'array', elements: func.args, type }), func.impl, func.agg?.filter ? boundKey(func.agg.filter) : '']);
  const same = wc.calls.findIndex((c) => c.key === key);
  if (same >= 0) return { kind: 'windowRef', index: same, type };
  wc.calls.push({ window, func, key });
  return { kind: 'windowRef', index: wc.calls.length - 1, type };
}
