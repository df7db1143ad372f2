// Insert: each input row is a full new row (target columns in attnum order; defaults and
// assignment casts already applied by the planner's projection). Emits RETURNING rows.
import type { ModifyTarget } from './physical-modify';
import type { PhysicalNode } from './physical-node';

export interface PhysicalInsert extends ModifyTarget { kind: 'insert'; input: PhysicalNode }
