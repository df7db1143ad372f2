// Nested Loop: for each left row, every right row (materialised once); `condition` over the
// joined row (left ++ right). Used for non-equi joins and CROSS JOIN.
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface PhysicalNestedLoop {
  kind: 'nestedLoop';
  /** FULL also emits unmatched right rows with NULLs for the left side (RIGHT is planned as a swapped LEFT). */
  joinType: 'inner' | 'left' | 'full';
  left: PhysicalNode;
  right: PhysicalNode;
  condition?: BoundExpr;
  leftWidth: number;
  rightWidth: number;
}
