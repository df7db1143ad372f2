// Delete: each input row is [old full row ..., storage row id]; drained first, like Update.
// Emits RETURNING rows over the old row.
import type { ModifyTarget } from './physical-modify';
import type { PhysicalNode } from './physical-node';

export interface PhysicalDelete extends ModifyTarget { kind: 'delete'; input: PhysicalNode; rowIdIndex: number }
