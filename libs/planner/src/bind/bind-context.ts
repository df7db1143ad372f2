// State of binding one statement: the catalog snapshot and name-resolution context, the
// parameter types being inferred, and the subquery plans collected on the way.
import { SQLSTATE, SqlError, undefinedParameter } from '@vecgres/errors';
import { formatType, type Catalog, type CatalogRegistry, type ResolveContext, type TypeRow } from '../catalog-api';
import type { Query } from '@vecgres/sql';
import type { PhysicalNode } from '../plan/physical-node';
import type { RecursiveCte } from '../plan/plan-recursive';
import type { DmlCte } from '../plan/plan-dml-cte';
import type { TypeRef } from '../types/bound-expr';
import { T } from './type-oids';

export interface BindOptions {
  catalog: Catalog;
  registry: CatalogRegistry;
  resolve: ResolveContext;
  /**
   * Parameter types given by the client (Parse's OIDs; 0 = unspecified, to be inferred).
   * Parameters beyond this list are unspecified too.
   */
  paramTypes?: readonly number[];
  /** No parameters beyond `paramTypes` exist (the simple query protocol): `$n` is 42P02. */
  fixedParams?: boolean;
}

export function at(location: number | undefined): { position?: number } {
  return location !== undefined && location >= 0 ? { position: location + 1 } : {};
}

export class BindContext {
  readonly catalog: Catalog;
  readonly registry: CatalogRegistry;
  readonly resolve: ResolveContext;
  /** Inferred or given type per parameter ($1 is index 0); 0 = not yet known. */
  readonly params: number[];
  /** Which parameter types came from the client (these are never re-inferred). */
  private readonly fixed: boolean[];
  private readonly fixedCount: number | undefined;
  readonly subplans: PhysicalNode[] = [];
  /**
   * WITH queries visible at the point being planned, innermost last. Each remembers how many
   * entries were visible where it was defined: its body sees only those (no self reference
   * without RECURSIVE, no later siblings).
   */
  readonly ctes: Array<{ name: string; query: Query; columns?: string[]; depth: number; recursive?: RecursiveCte; dml?: DmlCte }> = [];
  /** Subplans of data-modifying WITH queries (PlannedStatement.preSteps). */
  readonly preSteps: number[] = [];

  constructor(opts: BindOptions) {
    this.catalog = opts.catalog;
    this.registry = opts.registry;
    this.resolve = opts.resolve;
    this.params = [...(opts.paramTypes ?? [])];
    this.fixed = this.params.map((t) => t !== 0);
    this.fixedCount = opts.fixedParams ? this.params.length : undefined;
  }

  type(oid: number): TypeRow | undefined {
    return this.catalog.type(oid);
  }

  /** format_type_be: the name PostgreSQL prints in messages (`integer`, `character varying`). */
  typeName(oid: number, typmod = -1): string {
    return formatType(this.catalog, oid, typmod < 0 ? null : typmod);
  }

  category(oid: number): string {
    if (oid === T.unknown) return 'X';
    return this.type(oid)?.category ?? 'U';
  }

  isPreferred(oid: number): boolean {
    return this.type(oid)?.preferred ?? false;
  }

  /** The type of $n as known so far (unknown while it is still being inferred). */
  paramType(index: number, location: number): TypeRef {
    if (index < 0 || index >= 65535 || (this.fixedCount !== undefined && index >= this.fixedCount)) throw undefinedParameter(`there is no parameter $${index + 1}`, at(location));
    while (this.params.length <= index) {
      this.params.push(0);
      this.fixed.push(false);
    }
    const oid = this.params[index];
    return { oid: oid === 0 ? T.unknown : oid, typmod: -1 };
  }

  /** Records the type a context demands of an unknown parameter (coerce_type's param hook). */
  setParamType(index: number, oid: number, location: number): void {
    const cur = this.params[index];
    if (cur !== 0 && cur !== oid) {
      if (this.fixed[index]) return;
      throw new SqlError(
        SQLSTATE.AMBIGUOUS_PARAMETER,
        `inconsistent types deduced for parameter $${index + 1}`,
        { detail: `${this.typeName(cur)} versus ${this.typeName(oid)}`, ...at(location) },
      );
    }
    this.params[index] = oid;
  }

  /** Final parameter types: anything never constrained becomes text (PostgreSQL's choice for unknown). */
  finalParams(): TypeRef[] {
    return this.params.map((oid) => ({ oid: oid === 0 ? T.text : oid, typmod: -1 }));
  }

  findCte(name: string): { name: string; query: Query; columns?: string[]; depth: number; recursive?: RecursiveCte; dml?: DmlCte } | undefined {
    for (let i = this.ctes.length - 1; i >= 0; i--) if (this.ctes[i].name === name) return this.ctes[i];
    return undefined;
  }

  /** Runs `f` with only the first `depth` WITH entries visible (a CTE body's view). */
  withCteDepth<T>(depth: number, f: () => T): T {
    const hidden = this.ctes.splice(depth);
    try {
      return f();
    } finally {
      this.ctes.push(...hidden);
    }
  }

  addSubplan(plan: PhysicalNode): number {
    this.subplans.push(plan);
    return this.subplans.length - 1;
  }
}
