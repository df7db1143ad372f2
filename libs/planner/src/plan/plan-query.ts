// Dispatch of query forms, and the SubqueryPlanner the binder calls for nested queries. Nested
// results are trimmed to their visible columns (ORDER BY helpers dropped) so that a join or a
// set operation sees exactly the subquery's columns.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { Query, WithClause } from '@vecgres/sql';
import { at } from '../bind/bind-context';
import type { BindContext } from '../bind/bind-context';
import type { PlannedSubquery } from '../bind/bind-subquery';
import type { Scope } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import { planSelect, type PlannedQuery, type QueryPlannerHost } from './plan-select';
import { planSetOp, planValues } from './plan-set-op';
import { planRecursiveCte, relationRefs } from './plan-recursive';
import { defineDmlCte, isDmlCte } from './plan-dml-cte';

/** Drops trailing helper columns. */
export function trimmed(p: PlannedQuery): PlannedQuery {
  if (p.width === p.columns.length) return p;
  const exprs: BoundExpr[] = p.columns.map((c, i) => ({ kind: 'column', index: i, type: c.type, name: c.name }));
  return { ...p, node: { kind: 'project', input: p.node, exprs }, width: p.columns.length };
}

export class QueryPlanner implements QueryPlannerHost {
  constructor(readonly ctx: BindContext) {}

  /** A query's plan as the top of a statement (helper columns kept; see visibleWidth). */
  planTop(q: Query, parent?: Scope): PlannedQuery {
    if (q.with) return this.withCtes(q, parent);
    switch (q.kind) {
      case 'select': return planSelect(this.ctx, q, parent, this);
      case 'values': return planValues(this.ctx, q, parent, this);
      case 'setOp': return planSetOp(this.ctx, q, parent, this);
    }
  }

  /** WITH (non-recursive): the CTEs are planned where referenced, as inlined subqueries. */
  private withCtes(q: Query, parent: Scope | undefined): PlannedQuery {
    return this.withClause(q.with!, parent, () => this.planTop({ ...q, with: undefined } as Query, parent));
  }

  /** Makes the WITH queries of `w` visible while `body` plans the statement they belong to. */
  withClause<T>(w: WithClause, parent: Scope | undefined, body: () => T): T {
    const ctx = this.ctx;
    const base = ctx.ctes.length;
    try {
      for (const cte of w.ctes) {
        if (!isDmlCte(cte) && !['select', 'values', 'setOp'].includes(cte.query.kind)) {
          throw notSupported('data-modifying statements in WITH are not supported yet', at(cte.location));
        }
        if (ctx.ctes.slice(base).some((c) => c.name === cte.name)) {
          throw new SqlError(SQLSTATE.DUPLICATE_ALIAS, `WITH query name "${cte.name}" specified more than once`, at(cte.location));
        }
        if (isDmlCte(cte)) {
          defineDmlCte(ctx, this, cte);
          continue;
        }
        if (w.recursive && relationRefs(cte.query as Query, cte.name).length > 0) {
          planRecursiveCte(ctx, this, cte, parent);
          continue;
        }
        // Checked even when never referenced, as PostgreSQL analyses every WITH query.
        this.planQuery(cte.query as Query, parent);
        ctx.ctes.push({ name: cte.name, query: cte.query as Query, ...(cte.columns ? { columns: cte.columns } : {}), depth: ctx.ctes.length });
      }
      return body();
    } finally {
      ctx.ctes.splice(base);
    }
  }

  planQuery(q: Query, parent: Scope | undefined): PlannedQuery {
    return trimmed(this.planTop(q, parent));
  }

  plan(query: Query, parent: Scope): PlannedSubquery {
    const p = this.planQuery(query, parent);
    return { plan: p.node, columns: p.columns.map((c) => c.type), correlated: p.correlated };
  }
}
