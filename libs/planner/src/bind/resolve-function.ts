// Function resolution (parse_func.c func_get_detail): visible overloads by name and argument
// count, an exact match first, then implicit-coercion candidates. Aggregates resolve the same
// way; the caller decides whether an aggregate is allowed where it appears.
import { SQLSTATE, SqlError, undefinedFunction } from '@vecgres/errors';
import { visibleProcs, type ProcRow } from '../catalog-api';
import type { BoundExpr } from '../types/bound-expr';
import { at, type BindContext } from './bind-context';
import { matchArgTypes, selectCandidate, type Candidate } from './select-candidate';
import { T } from './type-oids';

function callText(ctx: BindContext, name: string, schema: string | undefined, args: readonly number[]): string {
  const q = schema ? `${schema}.${name}` : name;
  return `${q}(${args.map((t) => ctx.typeName(t)).join(', ')})`;
}

/** Declared argument list of `p` expanded to `n` arguments (VARIADIC "any" / element type). */
function expandArgs(p: ProcRow, n: number): number[] | undefined {
  if (p.args.length === n) return [...p.args];
  if (p.variadic && p.variadic !== 0 && n >= p.args.length - 1) {
    const fixed = p.args.slice(0, -1);
    return [...fixed, ...new Array(n - fixed.length).fill(p.variadic)];
  }
  if (p.defaults && n < p.args.length && n >= p.args.length - p.defaults) return p.args.slice(0, n);
  return undefined;
}

export interface ResolvedProc { proc: ProcRow; args: number[] }

/**
 * The overload of `name` that `argTypes` resolve to. `star` is `count(*)` (no arguments).
 * 42883 `function f(integer) does not exist` / 42725 `function f(unknown) is not unique`.
 */
export function findFunction(
  ctx: BindContext, name: string, schema: string | undefined, argTypes: readonly number[], location: number,
): ResolvedProc {
  const cands: Candidate<ProcRow>[] = [];
  for (const { proc } of visibleProcs(ctx.catalog, ctx.resolve, name, schema)) {
    const args = expandArgs(proc, argTypes.length);
    if (args) cands.push({ row: proc, args });
  }
  const exact = cands.find((c) => c.args.every((a, i) => a === argTypes[i]));
  if (exact) return { proc: exact.row, args: [...exact.args] };
  const matching = matchArgTypes(ctx, argTypes, cands);
  if (matching.length === 0) {
    throw undefinedFunction(`function ${callText(ctx, name, schema, argTypes)} does not exist`, {
      hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
      ...at(location),
    });
  }
  const best = selectCandidate(ctx, argTypes, matching);
  if (!best) {
    throw new SqlError(SQLSTATE.AMBIGUOUS_FUNCTION, `function ${callText(ctx, name, schema, argTypes)} is not unique`, {
      hint: 'Could not choose a best candidate function. You might need to add explicit type casts.',
      ...at(location),
    });
  }
  return { proc: best.row, args: [...best.args] };
}

/** Types of bound arguments as resolution inputs (unknown parameters count as unknown). */
export function argTypesOf(args: BoundExpr[]): number[] {
  return args.map((a) => (a.type.oid === 0 ? T.unknown : a.type.oid));
}
