// Test builders for @vecgres/catalog specs: run SQL DDL against a state (parse + applyDdl),
// capture SqlErrors, and read back relations and constraints by name.
import { isSqlError, type SqlError } from '@vecgres/errors';
import { loadParser, parse } from '@vecgres/sql';
import { isDdlStmt, applyDdl } from '../ddl/apply-ddl';
import type { DdlContext, DdlResult } from '../ddl/ddl-builder';
import { Catalog } from '../lookup/catalog';
import type { Relation, TableRelation } from '../model/relations';
import { createCatalogState, type CatalogState } from '../model/state';
import { createCatalogRegistry, type CatalogRegistry } from '../registry/registry';

/** Call from `beforeAll`. */
export function setupParser(): Promise<void> {
  return loadParser();
}

export function testContext(overrides: Partial<DdlContext> = {}, registry: CatalogRegistry = createCatalogRegistry()): DdlContext {
  return { registry, path: ['$user', 'public'], user: 'postgres', tempSchema: 'pg_temp_3', database: 'postgres', ...overrides };
}

/** A database session in miniature: a state and a context, with DDL applied in sequence. */
export class TestDb {
  state: CatalogState = createCatalogState();
  notices: string[] = [];
  last: DdlResult | undefined;

  constructor(readonly ctx: DdlContext = testContext()) {}

  /** Runs every statement of `sql`; keeps notices as `SEVERITY: message` lines. */
  run(sql: string): this {
    for (const { stmt } of parse(sql)) {
      if (!isDdlStmt(stmt)) throw new Error(`not DDL: ${stmt.kind}`);
      const r = applyDdl(this.state, stmt, this.ctx);
      this.state = r.state;
      this.last = r;
      this.notices.push(...r.notices.map((n) => `${n.severity}: ${n.message}${n.detail ? `\n${n.detail}` : ''}`));
    }
    return this;
  }

  /** The SqlError running `sql` throws; the state is left as it was. */
  error(sql: string): SqlError {
    const before = this.state;
    try {
      this.run(sql);
    } catch (e) {
      if (this.state !== before) throw new Error('state changed by a failing statement');
      if (isSqlError(e)) return e;
      throw e;
    }
    throw new Error(`expected an error from: ${sql}`);
  }

  /** `{sqlstate, message}` of the error, for compact assertions. */
  fail(sql: string): { sqlstate: string; message: string } {
    const e = this.error(sql);
    return { sqlstate: e.sqlstate, message: e.message };
  }

  takeNotices(): string[] {
    const n = this.notices;
    this.notices = [];
    return n;
  }

  get catalog(): Catalog {
    return new Catalog(this.state);
  }

  /** The relation named `name` in `schema` (default public). */
  rel(name: string, schema = 'public'): Relation | undefined {
    const ns = this.catalog.namespaceByName(schema);
    return ns ? this.catalog.relationByName(ns.oid, name) : undefined;
  }

  table(name: string, schema = 'public'): TableRelation {
    const r = this.rel(name, schema);
    if (r?.kind !== 'r') throw new Error(`no table ${schema}.${name}`);
    return r;
  }

  /** Names of all relations in `schema`, sorted. */
  relationNames(schema = 'public'): string[] {
    const ns = this.catalog.namespaceByName(schema)!.oid;
    return this.catalog.relations().filter((r) => r.namespace === ns).map((r) => r.name).sort();
  }

  /** Constraint names of a table, sorted. */
  constraintNames(table: string): string[] {
    return this.catalog.constraintsOf(this.table(table).oid).map((c) => c.name).sort();
  }
}
