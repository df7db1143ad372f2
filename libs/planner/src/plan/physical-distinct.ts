// Unique (DISTINCT): drops rows equal to an earlier one over the first `width` columns (NULLs
// equal each other, as DISTINCT treats them). Hash-based, so it keeps input order.
import type { PhysicalNode } from './physical-node';

export interface PhysicalDistinct {
  kind: 'distinct';
  input: PhysicalNode;
  width: number;
  /** DISTINCT ON: compare only these columns (the input is sorted so the wanted row comes first). */
  on?: number[];
}
