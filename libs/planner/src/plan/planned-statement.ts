// A planned statement: the root of its physical plan, the plans of its subqueries (referenced
// by BoundSubquery.plan), its parameters' types and its result columns.
import type { TypeRef } from '../types/bound-expr';
import type { OutputColumn } from '../types/output-column';
import type { PhysicalNode } from './physical-node';

export interface PlannedStatement {
  kind: 'plan';
  /** 'select' | 'insert' | 'update' | 'delete': picks the command tag. */
  command: 'select' | 'insert' | 'update' | 'delete';
  root: PhysicalNode;
  /** Subquery plans; each produces rows of its own width. */
  subplans: PhysicalNode[];
  /** Subplans to run once before the root (data-modifying WITH queries), in order. */
  preSteps?: number[];
  /** Types of $1..$n after inference (unresolved ones default to text). */
  params: TypeRef[];
  /** Result columns (empty for DML without RETURNING). */
  columns: OutputColumn[];
  /** The root may carry trailing helper columns (ORDER BY expressions not selected): drop them. */
  visibleWidth: number;
}
