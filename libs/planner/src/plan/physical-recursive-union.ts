// Recursive Union (WITH RECURSIVE): runs `nonRecursive` once, then `recursive` repeatedly with
// the previous iteration's new rows as the work table, until an iteration adds nothing. With
// `all` false (UNION) rows equal to any earlier row are dropped (NULLs equal). The recursive
// term reads the work table through a WorkTable Scan with the same `workTable` id.
import type { TypeRef } from '../types/bound-expr';
import type { PhysicalNode } from './physical-node';

export interface PhysicalRecursiveUnion {
  kind: 'recursiveUnion';
  /** The CTE name, for EXPLAIN. */
  name: string;
  all: boolean;
  nonRecursive: PhysicalNode;
  recursive: PhysicalNode;
  workTable: number;
}

export interface PhysicalWorkTableScan {
  kind: 'workTableScan';
  name: string;
  alias: string;
  workTable: number;
  types: TypeRef[];
}
