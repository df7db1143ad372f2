// Hash Join on equi-join keys: builds a hash table over the right (inner) input, probes with
// each left row. Output row = left columns then right columns. `type` left: unmatched left
// rows are emitted with NULLs for the right side. `residual` is the rest of the ON condition.
// Keys compare with the `=` operator's semantics (NULL never matches).
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface HashKey { left: BoundExpr; right: BoundExpr; eqImpl: string }

export interface PhysicalHashJoin {
  kind: 'hashJoin';
  /** FULL also emits unmatched right rows with NULLs for the left side (RIGHT is planned as a swapped LEFT). */
  joinType: 'inner' | 'left' | 'full';
  left: PhysicalNode;
  right: PhysicalNode;
  /** Over the left row (left) and the right row (right) respectively. */
  keys: HashKey[];
  /** Over the joined row (left ++ right). */
  residual?: BoundExpr;
  leftWidth: number;
  rightWidth: number;
}
