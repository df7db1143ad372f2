// Builders for planner tests: a catalog with tables created through the catalog's own DDL,
// and a one-call parse + plan.
import { Catalog, applyDdl, createCatalogRegistry, createCatalogState, isDdlStmt, type CatalogState } from '@vecgres/catalog';
import { loadParser, parse } from '@vecgres/sql';
import { planStatement } from '../plan/plan-statement';
import type { PlannedStatement } from '../plan/planned-statement';

export const registry = createCatalogRegistry();
export const resolve = { path: ['$user', 'public'], user: 'postgres', database: 'postgres' };

export async function catalogWith(...ddl: string[]): Promise<Catalog> {
  await loadParser();
  let state: CatalogState = createCatalogState();
  for (const sql of ddl) {
    for (const { stmt } of parse(sql)) {
      if (!isDdlStmt(stmt)) throw new Error(`not DDL: ${sql}`);
      state = applyDdl(state, stmt, { ...resolve, registry }).state;
    }
  }
  return new Catalog(state);
}

export function plan(catalog: Catalog, sql: string, paramTypes: number[] = []): PlannedStatement {
  const [{ stmt }] = parse(sql);
  return planStatement(stmt, { catalog, registry, resolve, paramTypes });
}
