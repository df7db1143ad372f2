// Shared shape of the data-modifying nodes: the target table and its columns (storage encodes
// values per column type), NOT NULL columns to check, and RETURNING over the affected row.
import type { BoundExpr } from '../types/bound-expr';
import type { ScanColumn } from './physical-scan';
import type { ConstraintSet } from './plan-constraints';

export interface ModifyTarget {
  table: number;
  tableName: string;
  /** Live columns in attnum order: the layout of the full row the node writes or removes. */
  columns: ScanColumn[];
  /** attnums declared NOT NULL (23502 on a NULL). */
  notNull: number[];
  /** Over the full (new, or for DELETE old) row; empty when there is no RETURNING. */
  returning: BoundExpr[];
  /** Unique keys, CHECKs and foreign keys to enforce (set by planStatement). */
  constraints?: ConstraintSet;
}
