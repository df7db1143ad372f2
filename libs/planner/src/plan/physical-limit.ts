// Limit: skips `offset` rows then passes at most `count` (absent = all). Both are expressions
// evaluated once (constants or parameters); NULL means no limit / zero offset.
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface PhysicalLimit { kind: 'limit'; input: PhysicalNode; count?: BoundExpr; offset?: BoundExpr }
