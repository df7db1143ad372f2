// GROUPING(a, b, ...) inside an Aggregate node (the planner's AggregateCall with impl
// 'grouping'): its value depends on the output group's grouping set only, so it has no
// per-row state; the Aggregate computes it when it emits the group.
import type { AggregateCall } from '@vecgres/planner';
import type { AggImpl } from '../functions/aggregates';

/** A stateless stand-in for the aggregate table entry (rows are ignored). */
export const GROUPING_STATELESS: AggImpl<null> = { init: () => null, step: () => null, final: () => null };

/**
 * The GROUPING value for a group whose grouping set is `set` (group key indices; undefined
 * without grouping sets, i.e. every key grouped): bit 0 is the LAST argument, a bit is 1 when
 * its key is not in the set (PostgreSQL's bit order: leftmost argument = most significant).
 */
export function groupingValue(call: AggregateCall, set: readonly number[] | undefined): number {
  let v = 0;
  for (const k of call.grouping?.keys ?? []) v = (v << 1) | (set !== undefined && !set.includes(k) ? 1 : 0);
  return v;
}
