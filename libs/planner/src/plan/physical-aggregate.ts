// Aggregate: groups the input by `groupKeys` (hash grouping; NULLs group together) and computes
// `aggregates` per group. Output row = group key values then aggregate results. Without group
// keys it is a plain aggregate: exactly one output row, even for empty input.
import type { AggregateCall, BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface PhysicalAggregate {
  kind: 'aggregate';
  input: PhysicalNode;
  groupKeys: BoundExpr[];
  aggregates: AggregateCall[];
  /** ROLLUP / CUBE / GROUPING SETS: each set lists the groupKeys it groups by; the others read NULL. */
  groupingSets?: number[][];
}
