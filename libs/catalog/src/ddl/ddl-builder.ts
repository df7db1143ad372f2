// The working state of one DDL statement: the current catalog state (replaced on each
// change, copy-on-write), the notices raised and the effects the engine must carry out on
// storage (create/drop relation files, rewrite, build an index, ...). Local to one call of a
// DDL function; the result is a new immutable state.
import type { Expr } from '@vecgres/sql';
import { Catalog } from '../lookup/catalog';
import type { ResolveContext } from '../lookup/resolve';
import type { CatalogNotice } from '../model/notice';
import type { RelKind, TableRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import { putRow, removeRows, type CatalogCollection, type CatalogState } from '../model/state';
import type { CatalogRegistry } from '../registry/registry';

/** Everything a DDL function needs besides the state. */
export interface DdlContext extends ResolveContext {
  registry: CatalogRegistry;
  /**
   * The type of an index expression over `table`'s columns, from the binder. Without it the
   * catalog guesses: the type of the single column the expression uses, else text.
   */
  typeOfExpr?: (expr: Expr, table: TableRelation) => Oid;
  /** A sequence's current position (ALTER SEQUENCE checks it against the new bounds). */
  sequenceValue?: (oid: Oid) => bigint | undefined;
}

/** What storage / the executor must do after the catalog change commits. */
export type DdlEffect =
  | { type: 'createRelation'; oid: Oid; kind: RelKind }
  | { type: 'dropRelation'; oid: Oid; kind: RelKind }
  /** A new column: existing rows get its default (evaluated by the executor) or NULL. */
  | { type: 'addColumn'; table: Oid; attnum: number }
  | { type: 'dropColumn'; table: Oid; attnum: number }
  /** Rewrite the column's values into its new type (USING expression or an assignment cast). */
  | { type: 'alterColumnType'; table: Oid; attnum: number; using?: Expr }
  /** Existing rows must satisfy the new constraint (CHECK, FK, NOT NULL) before commit. */
  | { type: 'validateConstraint'; constraint: Oid }
  | { type: 'validateNotNull'; table: Oid; attnum: number }
  /** Build an index over existing rows (unique indexes also check for duplicates). */
  | { type: 'buildIndex'; index: Oid }
  | { type: 'truncate'; tables: Oid[]; restartSequences: Oid[] }
  /** (Re)initialise the sequence's value: to `value` (RESTART WITH), else its START. */
  | { type: 'resetSequence'; sequence: Oid; value?: string };

export interface DdlResult {
  state: CatalogState;
  notices: CatalogNotice[];
  effects: DdlEffect[];
}

export class DdlBuilder {
  readonly notices: CatalogNotice[] = [];
  readonly effects: DdlEffect[] = [];
  private cached: Catalog | undefined;

  constructor(public state: CatalogState, readonly ctx: DdlContext) {}

  /** A Catalog over the current state (rebuilt lazily after each change). */
  get catalog(): Catalog {
    if (!this.cached || this.cached.state !== this.state) this.cached = new Catalog(this.state);
    return this.cached;
  }

  /** The next free OID. */
  oid(): Oid {
    const oid = this.state.nextOid;
    this.state = { ...this.state, nextOid: oid + 1 };
    return oid;
  }

  put<C extends CatalogCollection>(collection: C, row: CatalogState[C][string] & { oid: Oid }): void {
    this.state = putRow(this.state, collection, row);
  }

  remove(collection: CatalogCollection, oids: Iterable<Oid>): void {
    this.state = removeRows(this.state, collection, oids);
  }

  notice(n: CatalogNotice): void {
    this.notices.push(n);
  }

  effect(e: DdlEffect): void {
    this.effects.push(e);
  }

  result(): DdlResult {
    return { state: this.state, notices: this.notices, effects: this.effects };
  }
}
