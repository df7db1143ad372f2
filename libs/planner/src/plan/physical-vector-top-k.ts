// Vector Top-K Scan (ARCHITECTURE section 0): the one node a vector query becomes.
//
//   SELECT ... FROM t [WHERE <filter>] ORDER BY emb <op> <query> LIMIT k [OFFSET o]
//     ==>  Limit -> Project -> VectorTopK(table t, column emb, metric <op>, query, k + o, filter)
//
// instead of Limit -> Sort -> Project -> Seq Scan (plan-vector-top-k.ts decides). The executor
// (operators/vector-top-k.ts), per segment of the transaction's view: candidate bitmap =
// visibility AND the filter evaluated on the rows, then ONE batched native top-k over the
// segment's vector arena (in memory or memory-mapped), merges the per-segment top-k and emits
// the k nearest rows in distance order (NULL vectors last). The node's rows are the table's
// columns, like a Seq Scan: the Project above computes the distance with the scalar operator,
// so the value a client sees is exactly what the operator returns.
//
// `strategy` is 'exact', or the access method of the ANN index it searches ('hnsw' /
// 'ivfflat', chosen by vector-index-choice.ts): then, per sealed segment, the index's graph or
// lists with the allow bitmap (visibility AND filter), the mutable rows exactly, re-ranked by
// the scalar distance (executor vector-index/).
import type { BoundCall, BoundExpr } from '../types/bound-expr';
import type { ScanColumn } from './physical-scan';
import type { PayloadIndexRef } from './payload-index-choice';

export type VectorTopKStrategy = 'exact' | 'hnsw' | 'ivfflat';

/** The ANN index a Vector Top-K searches (plain data: the plan is JSON). */
export interface VectorTopKIndex {
  /** pg_class OID of the index (names its segment files `ann.<oid>`). */
  oid: number;
  name: string;
  am: 'hnsw' | 'ivfflat';
  opclass: string;
  /** pg_class.reloptions (`m=16`, `lists=100`): the build parameters of segments built lazily. */
  options: string[];
  /**
   * Set for an index that owns its vectors (a halfvec / bit column, or an expression key): the
   * index key over the node's row (evaluated per row at build time) and the element type of
   * its arena (f16 for halfvec, bits for bit, f32 for vector expressions).
   */
  key?: BoundExpr;
  elem?: 'f32' | 'f16' | 'bits';
  /** The key's declared dimension (typmod; -1 when unknown: taken from the first value). */
  dim?: number;
  /**
   * hnsw WITH (payload_m > 0): the table's payload indexes, whose values group the rows linked
   * by payload links when a segment's graph is built lazily (executor ann-index-manager.ts).
   */
  payload?: PayloadIndexRef[];
}

export interface PhysicalVectorTopK {
  kind: 'vectorTopK';
  /** pg_class OID of the table. */
  table: number;
  tableName: string;
  alias: string;
  /** The table's live columns in attnum order (the node's output row, as a Seq Scan's). */
  columns: ScanColumn[];
  /** attnum of the vector column ordered by (0 when the ORDER BY operand is an expression). */
  vectorColumn: number;
  /** Its position in `columns` (-1 for an expression operand: `index.key` holds it). */
  vectorIndex: number;
  /** The distance operator's impl key (l2_distance, vector_negative_inner_product, ...). */
  metric: string;
  /**
   * The distance as written (`emb <-> q`, either argument order), over the node's row: EXPLAIN's
   * `Order By:` and the exact value rows are ranked by.
   */
  distance: BoundCall;
  /** The query vector: a constant, parameter or stable expression without column references. */
  query: BoundExpr;
  /** LIMIT count (bigint; NULL = all rows) and OFFSET: the node returns count + offset rows. */
  k: BoundExpr;
  offset?: BoundExpr;
  /** Evaluated over the node's row: rows where it is not true are not candidates. */
  filter?: BoundExpr;
  strategy: VectorTopKStrategy;
  /** The index searched when strategy is not 'exact'. */
  index?: VectorTopKIndex;
  /**
   * The table's payload indexes (payload-index-choice.ts), when there is a filter: the executor
   * turns the filter's indexable leaves into per-segment candidate bitmaps and picks a search
   * strategy per segment from their counts (exact / hnsw filtered / two-hop / iterative).
   */
  payloadIndexes?: PayloadIndexRef[];
}
