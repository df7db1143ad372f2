// Filter: passes the input rows for which `predicate` is true (not false, not NULL).
// Printed by EXPLAIN as a `Filter:` line of its child where PostgreSQL would (a qual).
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface PhysicalFilter { kind: 'filter'; input: PhysicalNode; predicate: BoundExpr }
