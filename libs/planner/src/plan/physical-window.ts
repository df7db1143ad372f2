// WindowAgg: computes window functions over its input, which arrives sorted by the window's
// PARTITION BY keys then its ORDER BY keys (the planner puts a Sort below it when needed).
// Output row = the input row followed by one value per function in `funcs`.
//
//   partition: consecutive rows equal on `partitionBy` (NULLs equal)
//   peers:     rows of a partition equal on `orderBy` (all rows without ORDER BY)
//   frame:     per row, the rows an aggregate / first_value / last_value / nth_value sees
//
// Ranking functions (row_number, rank, ...) and lag/lead ignore the frame, as in PostgreSQL.
import type { AggregateCall, BoundExpr, TypeRef } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';
import type { SortKey } from './physical-sort';

export type WindowFrameBound =
  | { type: 'unboundedPreceding' | 'unboundedFollowing' | 'currentRow' }
  /** `offset` is an int8 expression without column references, evaluated once per run. */
  | { type: 'preceding' | 'following'; offset: BoundExpr };

export interface WindowFrameSpec {
  mode: 'rows' | 'range' | 'groups';
  start: WindowFrameBound;
  end: WindowFrameBound;
  exclude: 'noOthers' | 'currentRow' | 'group' | 'ties';
}

export interface WindowFuncCall {
  /** Function name, for EXPLAIN. */
  name: string;
  /** pg_proc impl of a window function ('window_rank'), or of an aggregate (see `agg`). */
  impl: string;
  /** Set when an aggregate runs as a window function (sum(x) OVER ...): its implementation. */
  agg?: AggregateCall;
  /** Arguments over the WindowAgg's input row. */
  args: BoundExpr[];
  type: TypeRef;
}

export interface PhysicalWindow {
  kind: 'window';
  input: PhysicalNode;
  /** Over the input row. */
  partitionBy: BoundExpr[];
  /** Over the input row; only used to find peers (the input is already in this order). */
  orderBy: SortKey[];
  frame: WindowFrameSpec;
  funcs: WindowFuncCall[];
}

/** PostgreSQL's default frame: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
export const DEFAULT_FRAME: WindowFrameSpec = {
  mode: 'range',
  start: { type: 'unboundedPreceding' },
  end: { type: 'currentRow' },
  exclude: 'noOthers',
};
