// Values Scan: literal rows (VALUES lists, INSERT ... VALUES). Each cell is an expression
// evaluated with no input row (parameters and constants; DEFAULT is already substituted).
import type { BoundExpr } from '../types/bound-expr';

export interface PhysicalValues { kind: 'values'; rows: BoundExpr[][]; width: number }
