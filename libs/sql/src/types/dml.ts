// INSERT / UPDATE / DELETE nodes.
import type { Expr, IndirectionStep } from './expr';
import type { FromItem, Query, QualifiedName, SelectTarget, WithClause } from './query';

/** The target table of a data-modifying statement. */
export interface DmlTarget { table: QualifiedName; inherit: boolean; alias?: string }

/** One `SET` item: `a = 1`, `a[2] = 1`, `(a, b) = (1, 2)` becomes one entry per column. */
export interface SetClause {
  column: string;
  /** `SET a[1] = ...`, `SET a.f = ...` */
  indirection?: IndirectionStep[];
  value: Expr;
  /**
   * For `(a, b) = (SELECT ...)`: `value` is the whole subquery on every entry and this is the
   * column's 1-based position in its row. `(a, b) = (1, 2)` / `ROW(1, 2)` is split per column.
   */
  multiAssign?: { index: number; count: number };
  location: number;
}

export interface OnConflict {
  /** `ON CONFLICT (a, b) WHERE pred` or `ON CONFLICT ON CONSTRAINT c`; absent for bare ON CONFLICT. */
  target?: { columns: Array<{ name?: string; expr?: Expr }>; where?: Expr } | { constraint: string };
  action: 'nothing' | 'update';
  set: SetClause[];
  where?: Expr;
  location: number;
}

export interface InsertStmt {
  kind: 'insert';
  with?: WithClause;
  target: DmlTarget;
  /** Empty when no column list was given. */
  columns: Array<{ name: string; indirection?: IndirectionStep[]; location: number }>;
  /** `DEFAULT VALUES` has no source. VALUES lists are a ValuesQuery. */
  source?: Query;
  overriding?: 'system' | 'user';
  onConflict?: OnConflict;
  returning: SelectTarget[];
  location: number;
}

export interface UpdateStmt {
  kind: 'update';
  with?: WithClause;
  target: DmlTarget;
  set: SetClause[];
  from: FromItem[];
  where?: Expr;
  returning: SelectTarget[];
  location: number;
}

export interface DeleteStmt {
  kind: 'delete';
  with?: WithClause;
  target: DmlTarget;
  using: FromItem[];
  where?: Expr;
  returning: SelectTarget[];
  location: number;
}
