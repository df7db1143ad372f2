// Sort: orders the input by keys over its row. Comparison is the key type's btree order
// (`cmpImpl`), NULLs placed per `nullsFirst` (PostgreSQL: NULLS LAST for ASC, FIRST for DESC).
import type { BoundExpr } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface SortKey {
  expr: BoundExpr;
  desc: boolean;
  nullsFirst: boolean;
  cmpImpl: string;
  /** The expression as written over the query's input, for EXPLAIN's `Sort Key:` (expr reads the projected row). */
  label?: BoundExpr;
}

export interface PhysicalSort { kind: 'sort'; input: PhysicalNode; keys: SortKey[] }
