// Insert: each input row is a full new row (target columns in attnum order; defaults and
// assignment casts already applied by the planner's projection). Emits RETURNING rows.
import type { ModifyTarget } from './physical-modify';
import type { PhysicalNode } from './physical-node';
import type { OnConflictSpec } from './plan-on-conflict';

export interface PhysicalInsert extends ModifyTarget {
  kind: 'insert';
  input: PhysicalNode;
  /** INSERT ... ON CONFLICT (plan-on-conflict.ts). */
  onConflict?: OnConflictSpec;
}
