// Transactional DDL by copy-on-write: a transaction starts from the committed state, each DDL
// statement replaces its working state, savepoints remember earlier states, ROLLBACK drops the
// working state and COMMIT hands it back for the engine to publish. Nothing is mutated, so
// other sessions keep reading the committed state throughout.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { CatalogState } from '../model/state';
import type { DdlResult } from '../ddl/ddl-builder';

export class CatalogTransaction {
  private current: CatalogState;
  private readonly savepoints: Array<{ name: string; state: CatalogState }> = [];

  /** `base` is the committed state the transaction started from. */
  constructor(readonly base: CatalogState) {
    this.current = base;
  }

  /** The state this transaction sees (its own DDL included). */
  get state(): CatalogState {
    return this.current;
  }

  /** True once the transaction changed the catalog. */
  get changed(): boolean {
    return this.current !== this.base;
  }

  /** Runs one DDL function against the working state; on error the state is unchanged. */
  apply(ddl: (state: CatalogState) => DdlResult): DdlResult {
    const result = ddl(this.current);
    this.current = result.state;
    return result;
  }

  savepoint(name: string): void {
    this.savepoints.push({ name, state: this.current });
  }

  /** ROLLBACK TO SAVEPOINT: back to the state at the savepoint (which stays defined). */
  rollbackTo(name: string): void {
    const i = this.find(name);
    this.current = this.savepoints[i].state;
    this.savepoints.length = i + 1;
  }

  /** RELEASE SAVEPOINT: forget it and the ones after it, keeping the changes. */
  release(name: string): void {
    this.savepoints.length = this.find(name);
  }

  /**
   * The state to publish. `committed` is the currently published state: if another
   * transaction published DDL since this one began, committing would lose it, so this is a
   * 40001 serialization failure (the engine runs DDL one transaction at a time to avoid it).
   */
  commit(committed: CatalogState): CatalogState {
    if (this.changed && committed !== this.base) {
      throw new SqlError(SQLSTATE.T_R_SERIALIZATION_FAILURE, 'could not serialize access due to concurrent update', {
        detail: 'The catalog was changed by another transaction.',
      });
    }
    return this.changed ? this.current : committed;
  }

  private find(name: string): number {
    for (let i = this.savepoints.length - 1; i >= 0; i--) if (this.savepoints[i].name === name) return i;
    throw new SqlError(SQLSTATE.S_E_INVALID_SPECIFICATION, `savepoint "${name}" does not exist`);
  }
}
