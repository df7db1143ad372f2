// CTE Scan over a data-modifying WITH query (`WITH d AS (DELETE ... RETURNING *) SELECT ...`):
// the statement runs the DML subplan exactly once, before the main query, whether or not it
// is referenced (PlannedStatement.preSteps); each reference reads its RETURNING rows.
import type { TypeRef } from '../types/bound-expr';

export interface PhysicalCteScan {
  kind: 'cteScan';
  /** The CTE name and the reference's alias, for EXPLAIN (`CTE Scan on d x`). */
  name: string;
  alias: string;
  /** Index in PlannedStatement.subplans of the DML node producing the rows. */
  subplan: number;
  types: TypeRef[];
}
