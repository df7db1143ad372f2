// Project: computes one output value per expression over each input row. PostgreSQL has no
// separate node for this (it is a target list), so EXPLAIN does not print it.
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface PhysicalProject { kind: 'project'; input: PhysicalNode; exprs: BoundExpr[] }
