// Set-returning functions in the target list (PostgreSQL 10+ ProjectSet semantics): each call
// is collected into the query's SrfCollector and replaced by an srfRef; plan-project-set.ts
// evaluates them all in lockstep per input row. Where PostgreSQL refuses them (WHERE, inside
// aggregates / window functions), the error is its 0A000.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { ProcRow } from '../catalog-api';
import type { SrfCall } from '../plan/physical-function-scan';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { boundChildren } from '../types/bound-walk';
import { at } from './bind-context';
import type { ExprEnv } from './bind-expr';

export interface SrfCollector { calls: SrfCall[] }

const LATERAL_HINT = 'You might be able to move the set-returning function into a LATERAL FROM item.';

function containsSrf(e: BoundExpr): boolean {
  return e.kind === 'srfRef' || boundChildren(e).some(containsSrf);
}

export function bindSrfCall(env: ExprEnv, proc: ProcRow, args: BoundExpr[], type: TypeRef, location: number): BoundExpr {
  const refuse = (message: string, hint?: string) =>
    new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, message, { ...(hint ? { hint } : {}), ...at(location) });
  if (env.inAgg) throw refuse('aggregate function calls cannot contain set-returning function calls', LATERAL_HINT);
  if (env.inWindow) throw refuse('window function calls cannot contain set-returning function calls', LATERAL_HINT);
  if (!env.srfs) throw refuse(`set-returning functions are not allowed in ${env.clause}`);
  if (args.some(containsSrf)) throw notSupported('nested set-returning functions in the select list are not supported yet', at(location));
  if ((proc.argModes ?? []).filter((m) => m === 'o' || m === 'b' || m === 't').length > 1) {
    throw notSupported(`${proc.name} in the select list (a record result) is not supported yet; use it in FROM`, at(location));
  }
  env.srfs.calls.push({ impl: proc.impl, name: proc.name, args, columns: [type], strict: proc.strict });
  return { kind: 'srfRef', index: env.srfs.calls.length - 1, type };
}
