// UNION / INTERSECT / EXCEPT [ALL] of two inputs of the same width and column types.
// UNION ALL is an Append; the others count rows per distinct value (PostgreSQL's HashSetOp).
import type { PhysicalNode } from './physical-node';

export interface PhysicalSetOp {
  kind: 'setOp';
  op: 'union' | 'intersect' | 'except';
  all: boolean;
  left: PhysicalNode;
  right: PhysicalNode;
  width: number;
}
