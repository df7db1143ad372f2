// RESERVED SLOT, not built yet (ARCHITECTURE section 0): the one node a vector query becomes.
//
//   SELECT ... FROM t WHERE <filter> ORDER BY emb <op> $1 LIMIT k
//     ==>  VectorTopK(table t, column emb, metric <op>, query $1, k, filter, strategy)
//
// instead of Limit -> Sort -> Scan. The executor will, per segment of the table's ReadView:
// AND the segment's visibleBitmap with the filter bitset (payload-index, or the filter
// evaluated into a bitset), then run the chosen strategy natively (brute force over the
// segment's vector arena, filtered HNSW, quantized scan + rescore) and merge the per-segment
// top-k. The planner chooses `strategy` from payload-index cardinality estimates. The shape
// below is what the planner will emit; today the planner never produces it and the executor
// rejects it with 0A000.
import type { BoundExpr } from '../types/bound-expr';
import type { ScanColumn } from './physical-scan';

export interface PhysicalVectorTopK {
  kind: 'vectorTopK';
  table: number;
  tableName: string;
  alias: string;
  columns: ScanColumn[];
  /** attnum of the vector column ordered by. */
  vectorColumn: number;
  /** The distance operator's impl key (l2_distance, cosine_distance, ...). */
  metric: string;
  query: BoundExpr;
  k: BoundExpr;
  filter?: BoundExpr;
  strategy: 'bruteForce' | 'hnsw' | 'quantizedRescore';
  /** The distance value is appended to each output row (for ORDER BY / the select list). */
  emitsDistance: boolean;
}
