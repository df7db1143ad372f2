// Result: one empty row (SELECT without FROM), optionally gated by a constant condition.
import type { BoundExpr } from '../types/bound-expr';

export interface PhysicalResult { kind: 'result'; condition?: BoundExpr }
