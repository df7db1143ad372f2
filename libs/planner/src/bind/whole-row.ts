// Whole-row references as the argument of to_jsonb / to_json / row_to_json (`to_jsonb(t)` with
// t a FROM item): PostgreSQL passes a record of the item's columns; without a record type here
// the call becomes a build of an object from (column name, column value) pairs over the same
// columns, in order — jsonb_build_object for jsonb, the compact row_to_json layout for json.
import type { Expr, FuncCallExpr } from '@vecgres/sql';
import type { BoundExpr } from '../types/bound-expr';
import type { ExprEnv } from './bind-expr';

const IMPLS: Record<string, { impl: string; ret: number }> = {
  to_jsonb: { impl: 'jsonb_build_object', ret: 3802 },
  to_json: { impl: 'row_to_json', ret: 114 },
  row_to_json: { impl: 'row_to_json', ret: 114 },
};

/** The bound call for `f(t)` when `t` names a FROM item (and no column), else undefined. */
export function bindWholeRowCall(env: ExprEnv, e: FuncCallExpr): BoundExpr | undefined {
  const target = IMPLS[e.name];
  if (!target || (e.schema && e.schema !== 'pg_catalog') || e.args.length !== 1 || e.over || e.star) return undefined;
  const arg: Expr = e.args[0];
  if (arg.kind !== 'columnRef' || arg.star || arg.names.length !== 1) return undefined;
  const name = arg.names[0];
  const { scope } = env;
  // A column of that name wins over the FROM item (PostgreSQL resolves columns first).
  if (scope.items.some((item) => item.columns.some((c) => c.name === name))) return undefined;
  const item = scope.items.find((i) => i.alias === name);
  if (!item) return undefined;
  const args: BoundExpr[] = item.columns.flatMap((c, i): BoundExpr[] => [
    { kind: 'const', type: { oid: 25, typmod: -1 }, value: c.name, location: -1 },
    { kind: 'column', index: item.offset + i, type: c.type, name: c.name, table: item.alias, location: arg.location },
  ]);
  return {
    kind: 'call', impl: target.impl, name: e.name, form: 'func', args,
    type: { oid: target.ret, typmod: -1 }, strict: false, volatile: false, location: e.location,
  };
}
