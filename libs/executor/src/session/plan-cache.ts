// Per-session cache of the physical plan of each prepared statement (PostgreSQL's plancache,
// generic plans only): Bind reuses the plan made at the statement's first execution instead of
// binding and planning the query again.
//
// A plan depends on nothing but the statement, its parameter types and what planStatement
// reads: the catalog snapshot and the name-resolution context (search_path; the user and the
// temp schema are fixed for a session). Parameter VALUES never enter a plan (they are read at
// run time from ExecContext.params), so one plan serves every Bind. The entry is replaced when
// the catalog state the transaction sees is another object (any DDL, committed by anyone or
// uncommitted in this transaction: CatalogState is immutable, a change makes a new object) or
// search_path changed. Plans are plain data that the executor only reads.
import type { CatalogState } from '@vecgres/catalog';
import type { PlannedStatement } from '@vecgres/planner';

interface CachedPlan {
  state: CatalogState;
  searchPath: string;
  paramTypes: readonly number[];
  plan: PlannedStatement;
}

function sameTypes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class PlanCache {
  /** Keyed by the session's prepared statement object: a closed statement's entry goes with it. */
  private readonly entries = new WeakMap<object, CachedPlan>();
  /** Plans made / reused since the session started (for tests and profiling). */
  planned = 0;
  reused = 0;

  /** The cached plan for `owner` when still valid, else `make()`'s (then cached). */
  plan(owner: object, state: CatalogState, searchPath: string, paramTypes: readonly number[], make: () => PlannedStatement): PlannedStatement {
    const hit = this.entries.get(owner);
    if (hit && hit.state === state && hit.searchPath === searchPath && sameTypes(hit.paramTypes, paramTypes)) {
      this.reused++;
      return hit.plan;
    }
    const plan = make();
    this.planned++;
    this.entries.set(owner, { state, searchPath, paramTypes: [...paramTypes], plan });
    return plan;
  }
}
