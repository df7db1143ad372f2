// Named argument notation (`make_interval(days => 3)`, parse_func.c's NamedArgExpr handling):
// the call is rewritten to positional form against the first visible overload whose argument
// names cover every name. pg_proc here has no proargdefaults expressions, so a gap left before
// the last named argument is filled from DEFAULTS (the builtins' declared defaults); trailing
// omitted arguments are simply left off, as with positional defaults.
import { SQLSTATE, SqlError, undefinedFunction } from '@vecgres/errors';
import type { Expr, FuncCallExpr } from '@vecgres/sql';
import { visibleProcs } from '../catalog-api';
import { at, type BindContext } from './bind-context';

/** Declared defaults of builtins callable with named arguments, by impl (all int / float 0). */
const DEFAULTS: Record<string, readonly number[]> = {
  make_interval: [0, 0, 0, 0, 0, 0, 0],
};

export function hasNamedArgs(e: FuncCallExpr): boolean {
  return e.args.some((a) => a.kind === 'namedArg');
}

/** `e` with its arguments in positional order, or 42883 when no overload has those names. */
export function positionalCall(ctx: BindContext, e: FuncCallExpr): FuncCallExpr {
  const firstNamed = e.args.findIndex((a) => a.kind === 'namedArg');
  if (e.args.slice(firstNamed).some((a) => a.kind !== 'namedArg')) {
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'positional argument cannot follow named argument', at(e.location));
  }
  for (const { proc } of visibleProcs(ctx.catalog, ctx.resolve, e.name, e.schema)) {
    const names = proc.argNames;
    if (!names) continue;
    const slots: (Expr | undefined)[] = e.args.slice(0, firstNamed);
    let ok = true;
    for (const a of e.args.slice(firstNamed)) {
      if (a.kind !== 'namedArg') continue;
      const i = names.indexOf(a.name);
      if (i < firstNamed || i >= proc.args.length || slots[i] !== undefined) { ok = false; break; }
      slots[i] = a.arg;
    }
    if (!ok) continue;
    const defaults = DEFAULTS[proc.impl];
    const firstDefault = proc.args.length - (proc.defaults ?? 0);
    const args: Expr[] = [];
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (s) { args.push(s); continue; }
      if (i < firstDefault || !defaults) { ok = false; break; }
      args.push({ kind: 'const', value: { type: 'int4', value: defaults[i] }, location: e.location });
    }
    if (ok) return { ...e, args };
  }
  throw undefinedFunction(`function ${e.name} with the given argument names does not exist`, {
    hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
    ...at(e.location),
  });
}
