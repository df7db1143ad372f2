// Lateral Join (PostgreSQL prints it as Nested Loop): for each left row, the right input is
// run again with that row visible as outer row 0 (its LATERAL references are `outer`
// expressions one level up). `condition` is over the joined row; LEFT pads rows of the left
// input that found no match with NULLs.
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface PhysicalLateralJoin {
  kind: 'lateralJoin';
  joinType: 'inner' | 'left';
  left: PhysicalNode;
  right: PhysicalNode;
  condition?: BoundExpr;
  rightWidth: number;
}
