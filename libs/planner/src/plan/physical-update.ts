// Update: each input row is [new full row ..., storage row id]. The node drains its input
// before writing (a statement never sees its own changes, and the scan would otherwise meet
// the new versions), then replaces each old version. Emits RETURNING rows over the new row.
import type { ModifyTarget } from './physical-modify';
import type { PhysicalNode } from './physical-node';

export interface PhysicalUpdate extends ModifyTarget { kind: 'update'; input: PhysicalNode; rowIdIndex: number }
