// Which columns of a Vector Top-K's row its consumer reads. The node's row is every live
// column of the table (as a Seq Scan's), but `SELECT id FROM t ORDER BY emb <-> $1 LIMIT 10`
// reads only `id`: the plan is Limit -> Project(id, <junk: emb <-> $1>) -> VectorTopK, and the
// junk column (the ORDER BY key the Sort used before plan-vector-top-k.ts removed it) is cut
// before rows leave (run-plan.ts, visibleWidth). Fetching the k result rows then need not read
// the vector column from the segment's vector file (one read per row and column), and the
// ranking keeps the index's own distances (vector-top-k.ts). The junk column, computed over a
// NULL vector, is NULL (distance operators are strict) and dropped anyway.
import { boundChildren, type BoundExpr, type PhysicalNode, type PhysicalVectorTopK } from '@vecgres/planner';

/** Per Vector Top-K node: the positions of its row that its consumer reads. */
export type VectorTopKNeeds = ReadonlyMap<PhysicalVectorTopK, ReadonlySet<number>>;

/**
 * Positions of the input row that `exprs` read, or undefined when that cannot be told (a
 * subquery may read the row through outer references, so it counts as reading everything).
 */
export function columnsNeeded(exprs: readonly BoundExpr[]): ReadonlySet<number> | undefined {
  const out = new Set<number>();
  const visit = (e: BoundExpr): boolean => {
    if (e.kind === 'subquery') return false;
    if (e.kind === 'column') out.add(e.index);
    for (const c of boundChildren(e)) if (!visit(c)) return false;
    return true;
  };
  for (const e of exprs) if (!visit(e)) return undefined;
  return out;
}

/**
 * The needs of the statement's top Vector Top-K (root Limit -> Project -> VectorTopK): the
 * columns the Project's visible expressions (the first `visibleWidth`) read. Undefined for any
 * other shape (every column is then fetched, as before).
 */
export function rootVectorTopKNeeds(root: PhysicalNode, visibleWidth: number): VectorTopKNeeds | undefined {
  if (root.kind !== 'limit' || root.input.kind !== 'project') return undefined;
  const project = root.input;
  if (project.input.kind !== 'vectorTopK') return undefined;
  const needs = columnsNeeded(project.exprs.slice(0, visibleWidth));
  return needs ? new Map([[project.input, needs]]) : undefined;
}
